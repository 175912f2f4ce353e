/// The compact facts about one activity that the loop rules need, gathered by aggregate queries.
///
/// Nothing here is per contribution: counts and short lists only.
public struct LoopSummary: Sendable, Equatable {
    public var ref: String
    public var title: String
    public var lead: String?
    public var service: String?
    public var level: EngagementLevel
    public var opens: CalendarDate?
    public var closes: CalendarDate?
    public var cadenceWeeks: Int?
    public var feedbackBy: CalendarDate?
    public var contributions: Int
    /// In-scope contributions linked to no theme.
    public var unthemed: Int
    /// The facts that decide each theme's answer, one entry per theme.
    public var themes: [ThemeFacts]
    /// Commitments ("we will" with a due date) that are neither done nor dropped.
    public var openCommitments: [Commitment]
    /// Decisions planned or in progress with no due date.
    public var commitmentsWithoutDue: Int
    /// Participants owed a personal follow-up: asked to hear back, not erased, a format other
    /// than `none`, a contribution linked to a theme, none sent since the last change.
    public var owedFollowUps: Int
    /// Of those, how many have no usable contact for their format (see ``FollowUpContact``).
    public var unreachable: Int
    /// The latest recorded update, if there is one.
    public var latestUpdate: UpdateFacts?

    /// Follow-ups owed to participants who can be reached: only these keep a loop open.
    public var reachableFollowUps: Int { max(0, owedFollowUps - unreachable) }

    public init(
        ref: String, title: String, lead: String? = nil, service: String? = nil, level: EngagementLevel = .consult,
        opens: CalendarDate? = nil, closes: CalendarDate? = nil, cadenceWeeks: Int? = nil,
        feedbackBy: CalendarDate? = nil, contributions: Int = 0, unthemed: Int = 0, themes: [ThemeFacts] = [],
        openCommitments: [Commitment] = [], commitmentsWithoutDue: Int = 0, owedFollowUps: Int = 0,
        unreachable: Int = 0, latestUpdate: UpdateFacts? = nil
    ) {
        self.ref = ref
        self.title = title
        self.lead = lead
        self.service = service
        self.level = level
        self.opens = opens
        self.closes = closes
        self.cadenceWeeks = cadenceWeeks
        self.feedbackBy = feedbackBy
        self.contributions = contributions
        self.unthemed = unthemed
        self.themes = themes
        self.openCommitments = openCommitments
        self.commitmentsWithoutDue = commitmentsWithoutDue
        self.owedFollowUps = owedFollowUps
        self.unreachable = unreachable
        self.latestUpdate = latestUpdate
    }
}

/// What decides one theme's answer: whether a live decision adopts it fully or partly, and
/// whether it has an explanation.
public struct ThemeFacts: Sendable, Equatable, Hashable {
    public var adopted: Bool
    public var partly: Bool
    public var explained: Bool

    public init(adopted: Bool = false, partly: Bool = false, explained: Bool = false) {
        self.adopted = adopted
        self.partly = partly
        self.explained = explained
    }

    public var answer: ThemeAnswer {
        ThemeAnswer(liveAdoption: adopted, livePartial: partly, hasExplanation: explained)
    }
}

/// A "we will" with a due date, still to be delivered.
public struct Commitment: Sendable, Equatable, Codable {
    public var decision: String
    public var due: CalendarDate

    public init(decision: String, due: CalendarDate) {
        self.decision = decision
        self.due = due
    }
}

/// The latest recorded update of an activity and whether it still covers the record.
public struct UpdateFacts: Sendable, Equatable {
    /// The date it was published.
    public var published: CalendarDate
    /// When the record first stopped being covered by it (a theme or answer changed), or nil
    /// when it still reports every current theme with its current answer.
    public var uncoveredSince: CalendarDate?
    /// When it is not the first: the date of the first change after the update before it, which
    /// reopened the loop this update answered.
    public var reopenedSince: CalendarDate?

    public init(published: CalendarDate, uncoveredSince: CalendarDate? = nil, reopenedSince: CalendarDate? = nil) {
        self.published = published
        self.uncoveredSince = uncoveredSince
        self.reopenedSince = reopenedSince
    }

    public var covers: Bool { uncoveredSince == nil }
}
