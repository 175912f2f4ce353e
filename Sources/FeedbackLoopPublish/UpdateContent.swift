import FeedbackLoop

/// What a "you said, we did" update says, in participant-facing terms: built from a snapshot,
/// rendered by every format, and published as open data (its field names are stable).
public struct UpdateContent: Sendable, Equatable, Codable {
    public var activity: ActivityPart
    public var organisation: String?
    /// The day it was published, `YYYY-MM-DD`.
    public var published: String
    public var takingPart: TakingPart
    public var themes: [ThemePart]
    public var nextSteps: [NextStep]
    /// For an ongoing activity, when the next update is due.
    public var nextUpdate: String?
    /// Where to ask questions.
    public var questions: String?

    public struct ActivityPart: Sendable, Equatable, Codable {
        public var ref: String
        public var title: String
        public var purpose: String
        public var canInfluence: String
        public var service: String?
        public var opens: String?
        public var closes: String?
        public var ongoing: Bool
    }

    public struct TakingPart: Sendable, Equatable, Codable {
        public var people: Int
        public var contributions: Int
        public var byMethod: [MethodCount]
    }

    public struct MethodCount: Sendable, Equatable, Codable {
        public var method: String
        public var contributions: Int
    }

    public struct ThemePart: Sendable, Equatable, Codable {
        public var key: String
        public var youSaid: String
        public var people: Int
        /// `adopted`, `partly-explained` or `explained` (see ``ThemeAnswer``).
        public var answer: String
        public var weDid: [Action]
        public var weDidNot: Reason?
        public var quotes: [String]
    }

    /// A decision's answer to a theme: "we did" when done, otherwise "we will".
    public struct Action: Sendable, Equatable, Codable {
        public var decision: String
        public var text: String
        /// `adopted` or `partly`.
        public var outcome: String
        /// `planned`, `in-progress`, `done` (a dropped decision is not reported).
        public var status: String
        public var due: String?
        public var impact: String?
    }

    public struct Reason: Sendable, Equatable, Codable {
        public var because: String
        /// `outside-control`, `cost`, `legal`, `clinical-safety`, `conflicting-views` or `other`.
        public var reason: String
    }

    public struct NextStep: Sendable, Equatable, Codable {
        public var decision: String
        public var text: String
        public var status: String
        public var due: String?
    }

    /// The content of an update of `snapshot`'s activity. Every text from the record is made
    /// bidi-safe (``Escape/bidiSafe(_:)``) here, so no format can carry a stray direction control.
    public init(_ snapshot: UpdateSnapshot) {
        let safe = Escape.bidiSafe
        let activity = snapshot.activity
        self.activity = ActivityPart(
            ref: safe(activity.ref), title: safe(activity.title), purpose: safe(activity.purpose),
            canInfluence: safe(activity.canInfluence), service: activity.service.map(safe),
            opens: activity.opens?.description, closes: activity.closes?.description, ongoing: activity.isOngoing)
        organisation = snapshot.organisation.map(safe)
        published = snapshot.asOf.description
        takingPart = TakingPart(
            people: snapshot.people, contributions: snapshot.record.contributions.total,
            byMethod: snapshot.record.contributions.byMethod.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { MethodCount(method: $0.key, contributions: $0.value) })
        themes = snapshot.record.themes.map { theme in
            ThemePart(
                key: safe(theme.key), youSaid: safe(theme.said), people: theme.people, answer: theme.answer.rawValue,
                weDid: theme.responses.filter { $0.status != .dropped }.map { response in
                    Action(
                        decision: safe(response.decision), text: safe(response.text),
                        outcome: response.outcome.rawValue, status: response.status.rawValue,
                        due: response.due?.description, impact: snapshot.decision(response.decision)?.impact.map(safe))
                },
                weDidNot: theme.explanation.map { Reason(because: safe($0.why), reason: $0.reason.rawValue) },
                quotes: (snapshot.quotes[theme.key] ?? []).map { safe($0.text) })
        }
        nextSteps = snapshot.nextSteps.map {
            NextStep(decision: safe($0.key), text: safe($0.text), status: $0.status.rawValue, due: $0.due?.description)
        }
        nextUpdate = snapshot.nextUpdate?.description
        questions = snapshot.publicContact.map(safe)
    }
}
