/// How an activity stands against one of the eight engagement principles.
public enum Verdict: String, Sendable, Equatable, Codable, CaseIterable {
    case met
    case atRisk = "at-risk"
    case notMet = "not-met"
    case notRecorded = "not-recorded"
}

/// One principle's verdict, with a one-line reason drawn from the record.
public struct PrincipleVerdict: Sendable, Equatable, Codable {
    public var number: Int
    public var principle: String
    public var verdict: Verdict
    public var reason: String

    public init(number: Int, principle: String, verdict: Verdict, reason: String) {
        self.number = number
        self.principle = principle
        self.verdict = verdict
        self.reason = reason
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

    public init(
        activity: Activity, loop: LoopStatus, contributionMethods: Int, feedbackPromised: FeedbackPromise,
        similarEarlier: [String] = [], evaluation: Evaluation? = nil
    ) {
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
