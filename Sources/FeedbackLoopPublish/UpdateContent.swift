import FeedbackLoop

/// What a "you said, we did" update says, in participant-facing terms: built from a snapshot,
/// rendered by every format, and published as open data (its field names are stable; the README
/// documents each). Fields added since the first version are optional, so the open data of
/// updates recorded before them still reads.
public struct UpdateContent: Sendable, Equatable, Codable {
    public var activity: ActivityPart
    public var organisation: String?
    /// The day it was published, `YYYY-MM-DD`.
    public var published: String
    public var takingPart: TakingPart
    /// Most views first, then most people, then key.
    public var themes: [ThemePart]
    public var nextSteps: [NextStep]
    /// When the themes not yet answered will be, `YYYY-MM-DD`.
    public var answersDue: String?
    /// For an ongoing activity, when the next update is due.
    public var nextUpdate: String?
    /// Where to ask questions.
    public var questions: String?
    /// For an update after the first: the date of the update before it, and what has changed in
    /// the answers since, each with its reason.
    public var changedSince: String?
    public var changes: [Change]?
    /// Views not yet grouped into themes (only in an update published early); absent when none.
    public var unthemed: Int?
    /// The update's texts in each other language it was published in: by language tag, then by
    /// the text's key (``TranslatableText``); absent when it was published in one language.
    public var translations: [String: [String: String]]?

    public struct ActivityPart: Sendable, Equatable, Codable {
        public var ref: String
        public var title: String
        /// What we asked, and why: the public summary, or the purpose when none was recorded.
        public var purpose: String
        public var canInfluence: String
        /// What could not change, and why (the activity's constraints).
        public var couldNotChange: String?
        public var service: String?
        public var opens: String?
        public var closes: String?
        public var ongoing: Bool
    }

    public struct TakingPart: Sendable, Equatable, Codable {
        /// Distinct identified participants with an in-scope view.
        public var people: Int
        /// In-scope views (out-of-scope contributions are not views).
        public var contributions: Int
        /// Views with no participant: counted as views, not people.
        public var anonymous: Int?
        public var byMethod: [MethodCount]
    }

    public struct MethodCount: Sendable, Equatable, Codable {
        public var method: String
        public var contributions: Int
    }

    public struct ThemePart: Sendable, Equatable, Codable {
        public var key: String
        public var youSaid: String
        /// The easy-read wording, when one was recorded.
        public var easyRead: String?
        /// In-scope views linked to the theme.
        public var views: Int?
        /// Distinct identified participants among them.
        public var people: Int
        /// Views among them with no participant.
        public var anonymous: Int?
        /// `adopted`, `partly-explained`, `explained` or `unanswered` (see ``ThemeAnswer``).
        public var answer: String
        public var weDid: [Action]
        public var weDidNot: Reason?
        public var quotes: [String]
        /// Each quote's language, when any was recorded (nil: the source language).
        public var quoteLanguages: [String?]?
        /// Each quote's contribution (the store's number), which names its translations
        /// (`quote:ID`); not in the open data.
        public var quoteIds: [Int64] = []
        /// Each quote's translation into the page's language, shown beside it, where one is current;
        /// not in the open data.
        public var quoteTranslations: [String?] = []

        enum CodingKeys: String, CodingKey {
            case key, youSaid, easyRead, views, people, anonymous, answer, weDid, weDidNot, quotes, quoteLanguages
        }
    }

    /// A decision's answer to a theme: "we did" when done, otherwise "we will".
    public struct Action: Sendable, Equatable, Codable {
        public var decision: String
        public var text: String
        public var easyRead: String?
        /// `adopted` or `partly`.
        public var outcome: String
        /// `planned`, `in-progress`, `done` (a dropped decision is not reported).
        public var status: String
        public var due: String?
        public var impact: String?
    }

    public struct Reason: Sendable, Equatable, Codable {
        public var because: String
        public var easyRead: String?
        /// `outside-control`, `cost`, `legal`, `clinical-safety`, `conflicting-views` or `other`.
        public var reason: String
    }

    public struct NextStep: Sendable, Equatable, Codable {
        public var decision: String
        public var text: String
        public var easyRead: String?
        public var status: String
        public var due: String?
    }

    /// The content of an update of `snapshot`'s activity. Every text from the record is made
    /// bidi-safe (``Escape/bidiSafe(_:)``) here, so no format can carry a stray direction control.
    public init(_ snapshot: UpdateSnapshot) {
        let safe = Escape.bidiSafe
        let activity = snapshot.activity
        self.activity = ActivityPart(
            ref: safe(activity.ref), title: safe(activity.title),
            purpose: safe(activity.publicSummary ?? activity.purpose), canInfluence: safe(activity.canInfluence),
            couldNotChange: activity.constraints.map(safe), service: activity.service.map(safe),
            opens: activity.opens?.description, closes: activity.closes?.description, ongoing: activity.isOngoing)
        organisation = snapshot.organisation.map(safe)
        published = snapshot.asOf.description
        takingPart = TakingPart(
            people: snapshot.people, contributions: snapshot.views, anonymous: snapshot.anonymous,
            byMethod: snapshot.viewsByMethod.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { MethodCount(method: $0.key, contributions: $0.value) })
        // Most views first, then most people, then key (the store reads them in this order too).
        let ordered = snapshot.record.themes.sorted {
            ($1.contributions, $1.people, $0.key) < ($0.contributions, $0.people, $1.key)
        }
        themes = ordered.map { theme in
            ThemePart(
                key: safe(theme.key), youSaid: safe(theme.said), easyRead: theme.easyRead.map(safe),
                views: theme.contributions, people: theme.people, anonymous: theme.anonymous,
                answer: theme.answer.rawValue,
                weDid: theme.responses.filter { $0.status != .dropped }.map { response in
                    Action(
                        decision: safe(response.decision), text: safe(response.text),
                        easyRead: response.easyRead.map(safe), outcome: response.outcome.rawValue,
                        status: response.status.rawValue, due: response.due?.description,
                        impact: snapshot.decision(response.decision)?.impact.map(safe))
                },
                weDidNot: theme.explanation.map {
                    Reason(because: safe($0.why), easyRead: $0.easyRead.map(safe), reason: $0.reason.rawValue)
                },
                quotes: (snapshot.quotes[theme.key] ?? []).map { safe($0.text) },
                quoteLanguages: (snapshot.quotes[theme.key] ?? []).contains { $0.language != nil }
                    ? (snapshot.quotes[theme.key] ?? []).map(\.language) : nil,
                quoteIds: (snapshot.quotes[theme.key] ?? []).map(\.contributionId))
        }
        nextSteps = snapshot.nextSteps.map {
            NextStep(
                decision: safe($0.key), text: safe($0.text), easyRead: $0.easyRead.map(safe),
                status: $0.status.rawValue, due: $0.due?.description)
        }
        let unthemed = snapshot.record.contributions.unthemed
        self.unthemed = unthemed > 0 ? unthemed : nil
        answersDue =
            snapshot.record.themes.contains { !$0.answer.isAnswered } || unthemed > 0
            ? snapshot.answersDue?.description : nil

        nextUpdate = snapshot.nextUpdate?.description
        questions = snapshot.publicContact.map(safe)
        if let previous = snapshot.previous, let old = ReportedAnswers.decode(previous.data) {
            changedSince = previous.published.description
            changes = AnswerChanges.between(
                old, ReportedAnswers(self), decisions: snapshot.record.decisions, reasons: snapshot.changeReasons)
        }
    }
}
