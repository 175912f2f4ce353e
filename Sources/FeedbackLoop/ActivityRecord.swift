/// Everything recorded about one activity, as `activity show` presents it.
public struct ActivityRecord: Sendable, Equatable, Codable {
    public var activity: Activity
    public var contributions: ContributionCounts
    public var themes: [ThemeSummary]
    public var decisions: [Decision]
    public var evaluation: Evaluation?

    public init(
        activity: Activity, contributions: ContributionCounts, themes: [ThemeSummary], decisions: [Decision],
        evaluation: Evaluation?
    ) {
        self.activity = activity
        self.contributions = contributions
        self.themes = themes
        self.decisions = decisions
        self.evaluation = evaluation
    }
}

/// How many contributions an activity has, and how they break down.
public struct ContributionCounts: Sendable, Equatable, Codable {
    public var total: Int
    /// Contributions that are neither linked to a theme nor marked out of scope.
    public var unthemed: Int
    public var outOfScope: Int
    /// Distinct participants who contributed.
    public var participants: Int
    /// Contributions gathered by each method; `nil` method counted as `unrecorded`.
    public var byMethod: [String: Int]

    public init(total: Int, unthemed: Int, outOfScope: Int, participants: Int, byMethod: [String: Int]) {
        self.total = total
        self.unthemed = unthemed
        self.outOfScope = outOfScope
        self.participants = participants
        self.byMethod = byMethod
    }
}

/// A theme with its reach and its answer.
public struct ThemeSummary: Sendable, Equatable, Codable {
    public var key: String
    public var said: String
    /// The statement in easy read, when one was recorded.
    public var easyRead: String?
    /// In-scope contributions linked to it: the views it holds.
    public var contributions: Int
    /// Distinct identified participants among those views.
    public var people: Int
    /// Views with no participant (table notes, anonymous forms): views, not people.
    public var anonymous: Int
    /// The decisions that respond to it, each with its outcome and status.
    public var responses: [DecisionResponse]
    public var explanation: ExplanationSummary?
    public var answer: ThemeAnswer

    public init(
        key: String, said: String, easyRead: String? = nil, contributions: Int, people: Int, anonymous: Int = 0,
        responses: [DecisionResponse], explanation: ExplanationSummary?
    ) {
        self.key = key
        self.said = said
        self.easyRead = easyRead
        self.contributions = contributions
        self.people = people
        self.anonymous = anonymous
        self.responses = responses
        self.explanation = explanation
        self.answer = ThemeAnswer(
            responses: responses.map { ($0.outcome, $0.status) }, hasExplanation: explanation != nil)
    }
}

/// One decision's response to a theme.
public struct DecisionResponse: Sendable, Equatable, Codable {
    public var decision: String
    public var text: String
    public var outcome: Outcome
    public var status: DeliveryStatus
    public var due: CalendarDate?
    /// The decision in easy read, when one was recorded.
    public var easyRead: String?

    public init(
        decision: String, text: String, outcome: Outcome, status: DeliveryStatus, due: CalendarDate?,
        easyRead: String? = nil
    ) {
        self.decision = decision
        self.text = text
        self.outcome = outcome
        self.status = status
        self.due = due
        self.easyRead = easyRead
    }
}

/// The "we didn't, because" of a theme.
public struct ExplanationSummary: Sendable, Equatable, Codable {
    public var why: String
    public var reason: ReasonCategory
    /// The explanation in easy read, when one was recorded.
    public var easyRead: String?

    public init(why: String, reason: ReasonCategory, easyRead: String? = nil) {
        self.why = why
        self.reason = reason
        self.easyRead = easyRead
    }
}
