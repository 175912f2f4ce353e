/// How an activity stands against one of the eight engagement principles.
public enum Verdict: String, Sendable, Equatable, Codable, CaseIterable {
    case met
    case atRisk = "at-risk"
    case notMet = "not-met"
    case notRecorded = "not-recorded"
    /// Principle 7 before anything is due: no update yet, and the loop is not overdue.
    case notYetDue = "not-yet-due"
}

/// One principle's verdict, with a one-line reason drawn from the record.
public struct PrincipleVerdict: Sendable, Equatable, Codable {
    public var number: Int
    public var principle: String
    public var verdict: Verdict
    public var reason: String
    /// Principle 7: the reopenings after the first update, reported apart from its verdict.
    public var reopenings: Reopenings?
    /// For a reason that comes with a number (days late, days open), the kind of reason without it
    /// and the number, so a report can group reasons by kind.
    public var kind: String?
    public var amount: Int?

    public init(
        number: Int, principle: String, verdict: Verdict, reason: String, reopenings: Reopenings? = nil,
        kind: String? = nil, amount: Int? = nil
    ) {
        self.kind = kind
        self.amount = amount
        self.number = number
        self.principle = principle
        self.verdict = verdict
        self.reason = reason
        self.reopenings = reopenings
    }
}

/// How many times a loop was reopened after its first update, and how many of the new updates came
/// by their reopened due date.
public struct Reopenings: Sendable, Equatable, Codable {
    public var count: Int
    public var onTime: Int

    public init(count: Int, onTime: Int) {
        self.count = count
        self.onTime = onTime
    }
}

/// A recorded update as principle 7 judges it: when it was published and, after the first, when
/// the change that reopened the loop was made.
public struct UpdateTiming: Sendable, Equatable {
    public var number: Int
    public var published: CalendarDate
    public var reopenedSince: CalendarDate?

    public init(number: Int, published: CalendarDate, reopenedSince: CalendarDate? = nil) {
        self.number = number
        self.published = published
        self.reopenedSince = reopenedSince
    }
}

/// What the principle checks read, besides the activity and its loop status.
public struct PrincipleFacts: Sendable, Equatable {
    public var activity: Activity
    public var loop: LoopStatus
    /// How many different methods the contributions were gathered by.
    public var contributionMethods: Int
    /// When the feedback date was first promised.
    public var feedbackPromised: FeedbackPromise
    /// Earlier activities that asked people similar things.
    public var similarEarlier: [String]
    public var evaluation: Evaluation?
    /// The activity's recorded updates, oldest first.
    public var updates: [UpdateTiming]

    public init(
        activity: Activity, loop: LoopStatus, contributionMethods: Int, feedbackPromised: FeedbackPromise,
        similarEarlier: [String] = [], evaluation: Evaluation? = nil, updates: [UpdateTiming] = []
    ) {
        self.updates = updates
        self.activity = activity
        self.loop = loop
        self.contributionMethods = contributionMethods
        self.feedbackPromised = feedbackPromised
        self.similarEarlier = similarEarlier
        self.evaluation = evaluation
    }
}

/// When an activity's feedback date was promised, as history tells it.
public enum FeedbackPromise: Sendable, Equatable {
    /// No feedback date is recorded.
    case none
    /// Given when the activity was first recorded: on time by definition.
    case whenRecorded
    /// Added later, on this date.
    case added(CalendarDate)
}
