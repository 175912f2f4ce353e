/// The yearly report on how engagement met the eight principles, across every organisation: the
/// figures `yswd report` renders as a web page, Markdown and open data, built from facts the store
/// reads (DOMAIN.md, "The yearly report").
public struct YearlyReport: Sendable, Equatable, Codable {
    public struct Period: Sendable, Equatable, Codable {
        public var from: String
        public var to: String
        /// The date it was judged as at: the period's end, or an earlier today.
        public var asOf: String
    }

    public struct Count: Sendable, Equatable, Codable {
        public var name: String
        public var activities: Int
        /// For reasons of one kind with a number (days late): the smallest and largest, and what they count.
        public var from: Int?
        public var to: Int?
        public var unit: String?

        public init(name: String, activities: Int, from: Int? = nil, to: Int? = nil, unit: String? = nil) {
            self.name = name
            self.activities = activities
            self.from = from
            self.to = to
            self.unit = unit
        }
    }

    /// Counts of each verdict; all five are always present.
    public struct Verdicts: Sendable, Equatable, Codable {
        public var met = 0
        public var atRisk = 0
        public var notMet = 0
        public var notRecorded = 0
        public var notYetDue = 0

        public init() {}

        mutating func add(_ verdict: Verdict) {
            switch verdict {
            case .met: met += 1
            case .atRisk: atRisk += 1
            case .notMet: notMet += 1
            case .notRecorded: notRecorded += 1
            case .notYetDue: notYetDue += 1
            }
        }

        /// Each verdict with its count, in the report's order.
        public var all: [(Verdict, Int)] {
            [(.met, met), (.atRisk, atRisk), (.notMet, notMet), (.notRecorded, notRecorded), (.notYetDue, notYetDue)]
        }
    }

    public struct AtAGlance: Sendable, Equatable, Codable {
        public var activities: Int
        /// Activities at the inform level: counted apart, as informing is not engagement.
        public var informing: Int
        public var byLevel: [Count]
        public var people: Int
        public var views: Int
        public var methods: [Count]
        public var audiences: [Count]
    }

    public struct Principle: Sendable, Equatable, Codable {
        public var number: Int
        public var principle: String
        public var verdicts: Verdicts
        /// The reasons for `not-met`, grouped by kind, most common first.
        public var notMetReasons: [Count]
    }

    public struct Commitments: Sendable, Equatable, Codable {
        public var onTime = 0
        public var late = 0
        /// Done, but history does not say when (it came in done).
        public var doneUndated = 0
        /// Not done, and not yet due (or with no due date).
        public var outstanding = 0
        /// Not done, and past its due date: late.
        public var overdue = 0
        public var dropped = 0
    }

    public struct Month: Sendable, Equatable, Codable {
        /// `YYYY-MM`.
        public var month: String
        public var published: Int
        public var due: Int
    }

    public struct ClosingTheLoop: Sendable, Equatable, Codable {
        /// Loops whose original due date had passed by the report date.
        public var loopsDue: Int
        /// Of those, how many had their first update recorded by the due date.
        public var onTime: Int
        /// `onTime / loopsDue`, 0 to 1; nil when none were due.
        public var onTimeShare: Double?
        /// The median days from closing to the first update; nil when there are none.
        public var medianDaysToFirstUpdate: Double?
        /// Loops overdue now, by organisation (`not set` for none).
        public var overdueNow: [Count]
        public var commitments: Commitments
        public var followUpsSent: Int
        /// What became of them: confirmed delivered by channel, failed, marked sent by hand.
        public var followUps = FollowUpFigures()
        public var months: [Month]
        /// Loops reopened after their first update (a changed answer), and how many of the new
        /// updates came by their reopened due date.
        public var reopenings: Int
        public var reopeningsOnTime: Int
    }

    public struct Scorecard: Sendable, Equatable, Codable {
        public var organisation: String
        public var name: String
        public var activities: Int
        /// Of them, those that only informed people: held to principle 1 only.
        public var informing: Int
        /// One per principle, in order.
        public var principles: [Verdicts]
        public var loopsDue: Int
        public var onTime: Int
    }

    public struct Highlight: Sendable, Equatable, Codable {
        public var youSaid: String
        public var views: Int
        public var people: Int
        public var answer: String
        /// What was done about it (the decisions' texts), and why not, when it was explained.
        public var weDid: [String]
        public var because: String?
    }

    public struct GoodPractice: Sendable, Equatable, Codable {
        public var ref: String
        public var title: String
        /// The organisation's name.
        public var organisation: String
        public var highlights: [Highlight]
        public var worked: String?
        public var improve: String?
    }

    public struct ActivityRow: Sendable, Equatable, Codable {
        public var ref: String
        public var title: String
        public var organisation: String
        public var organisationName: String
        /// It only informed people: held to principle 1 only.
        public var informing: Bool
        /// The eight verdicts, in principle order.
        public var verdicts: [Verdict]
        public var loopState: String
    }

    public var period: Period
    /// The organisation reported on alone, when one was chosen.
    public var organisation: String?
    public var atAGlance: AtAGlance
    public var principles: [Principle]
    public var closingTheLoop: ClosingTheLoop
    public var scorecards: [Scorecard]
    public var goodPractice: [GoodPractice]
    public var influence: [Influence]
    public var activities: [ActivityRow]

    /// The key used for activities with no organisation.
    public static let notSet = "not set"
}

extension YearlyReport {
    /// The report of `activities` (those open at any time in `period`), judged as at `asOf`.
    public init(
        period: ReportPeriod, asOf: CalendarDate, organisation: String? = nil, organisations: [String: String],
        activities: [ReportActivityFacts], settings: TeamSettings
    ) {
        let checks = PrincipleChecks(settings: settings)
        let rules = LoopRules(settings: settings)
        let judged = activities.map { facts in (facts, checks.verdicts(facts.principles)) }
        // Informing people is not engagement: it is held to principle 1 only, and left out of the rest.
        // (Positions in `judged`, so no activity's facts are copied.)
        let engaged = judged.indices.filter { judged[$0].0.principles.activity.level != .inform }
        self.period = Period(from: period.from.description, to: period.to.description, asOf: asOf.description)
        self.organisation = organisation

        func counts(_ names: [String]) -> [Count] {
            Dictionary(grouping: names, by: { $0 }).map { Count(name: $0.key, activities: $0.value.count) }
                .sorted { ($1.activities, $0.name) < ($0.activities, $1.name) }
        }
        let records = activities.map(\.principles.activity)
        atAGlance = AtAGlance(
            activities: records.count, informing: records.filter { $0.level == .inform }.count,
            byLevel: EngagementLevel.allCases.map { level in
                Count(name: level.rawValue, activities: records.filter { $0.level == level }.count)
            }, people: activities.reduce(0) { $0 + $1.people }, views: activities.reduce(0) { $0 + $1.views },
            methods: counts(records.flatMap { $0.methods.map(\.rawValue) }),
            audiences: counts(records.flatMap(\.audiences)))

        let allVerdicts = judged.map(\.1)
        let engagedVerdicts = engaged.map { judged[$0].1 }
        principles = (0..<8).map { index in
            let held = index == 0 ? allVerdicts : engagedVerdicts
            return Principle(
                number: index + 1, principle: judged.first?.1[index].principle ?? Self.principleNames[index],
                verdicts: Self.count(held, principle: index), notMetReasons: Self.reasons(held.map { $0[index] }))
        }

        // Closing the loop: each loop's first update against its original due date.
        var loopsDue = 0
        var onTime = 0
        var daysToFirst: [Int] = []
        var overdue: [String] = []
        var commitments = Commitments()
        var published = [String: Int]()
        var due = [String: Int]()
        var reopenings = Reopenings(count: 0, onTime: 0)
        for position in engaged {
            let (facts, verdicts) = judged[position]
            if let reopened = verdicts[6].reopenings {
                reopenings.count += reopened.count
                reopenings.onTime += reopened.onTime
            }
            let activity = facts.principles.activity
            let summary = facts.principles.loop.summary
            let original = rules.baseDue(summary)
            let first = facts.principles.updates.first
            if let original, original <= asOf {
                loopsDue += 1
                if let first, first.published <= original { onTime += 1 }
            }
            if let original, original >= period.from, original <= period.to {
                due[Self.month(original), default: 0] += 1
            }
            for update in facts.principles.updates
            where update.published >= period.from && update.published <= period.to {
                published[Self.month(update.published), default: 0] += 1
            }
            if let first, let closes = activity.closes { daysToFirst.append(closes.days(until: first.published)) }
            if facts.principles.loop.timing == .overdue {
                let key = facts.organisation ?? Self.notSet
                overdue.append(organisations[key] ?? (key == Self.notSet ? "Organisation not set" : key))
            }
            for commitment in facts.commitments {
                switch commitment.status {
                case .dropped: commitments.dropped += 1
                case .planned, .inProgress:
                    if let due = commitment.due, due < asOf {
                        commitments.overdue += 1
                    } else {
                        commitments.outstanding += 1
                    }
                case .done:
                    switch (commitment.doneOn, commitment.due) {
                    case (nil, _): commitments.doneUndated += 1
                    case let (done?, due?) where done > due: commitments.late += 1
                    default: commitments.onTime += 1
                    }
                }
            }
        }
        closingTheLoop = ClosingTheLoop(
            loopsDue: loopsDue, onTime: onTime, onTimeShare: loopsDue == 0 ? nil : Double(onTime) / Double(loopsDue),
            medianDaysToFirstUpdate: Self.median(daysToFirst), overdueNow: counts(overdue), commitments: commitments,
            followUpsSent: activities.reduce(0) { $0 + $1.followUpsSent },
            months: period.months.map { Month(month: $0, published: published[$0] ?? 0, due: due[$0] ?? 0) },
            reopenings: reopenings.count, reopeningsOnTime: reopenings.onTime)
        closingTheLoop.followUps = activities.reduce(FollowUpFigures()) { $0 + $1.followUps }

        // One scorecard per organisation with activities in the period, "not set" last.
        let keys = Set(activities.map { $0.organisation ?? Self.notSet })
        scorecards = keys.sorted { ($0 == Self.notSet ? 1 : 0, $0) < ($1 == Self.notSet ? 1 : 0, $1) }.map { key in
            let own = judged.indices.filter { (judged[$0].0.organisation ?? Self.notSet) == key }
            let ownEngaged = own.filter { judged[$0].0.principles.activity.level != .inform }
            let principles = (0..<8).map {
                Self.count(($0 == 0 ? own : ownEngaged).map { judged[$0].1 }, principle: $0)
            }
            var due = 0
            var onTime = 0
            for position in ownEngaged {
                let facts = judged[position].0
                guard let original = rules.baseDue(facts.principles.loop.summary), original <= asOf else { continue }
                due += 1
                if let first = facts.principles.updates.first, first.published <= original { onTime += 1 }
            }
            return Scorecard(
                organisation: key, name: organisations[key] ?? (key == Self.notSet ? "Organisation not set" : key),
                activities: own.count, informing: own.count - ownEngaged.count, principles: principles,
                loopsDue: due, onTime: onTime)
        }
        influence = keys.sorted { ($0 == Self.notSet ? 1 : 0, $0) < ($1 == Self.notSet ? 1 : 0, $1) }.map { key in
            Self.influence(
                engaged.lazy.map { judged[$0].0 }.filter { ($0.organisation ?? Self.notSet) == key }, key: key,
                name: organisations[key] ?? (key == Self.notSet ? "Organisation not set" : key))
        }

        goodPractice = judged.filter { $0.1.allSatisfy { $0.verdict == .met } }.map { facts, _ in
            let activity = facts.principles.activity
            return GoodPractice(
                ref: activity.ref, title: activity.title,
                organisation: facts.organisation.map { organisations[$0] ?? $0 } ?? "Organisation not set",
                highlights: [], worked: facts.principles.evaluation?.worked,
                improve: facts.principles.evaluation?.improve)
        }.sorted { $0.ref < $1.ref }

        self.activities = judged.map { facts, verdicts in
            ActivityRow(
                ref: facts.principles.activity.ref, title: facts.principles.activity.title,
                organisation: facts.organisation ?? Self.notSet,
                organisationName: facts.organisation.map { organisations[$0] ?? $0 } ?? "Organisation not set",
                informing: facts.principles.activity.level == .inform, verdicts: verdicts.map(\.verdict),
                loopState: facts.principles.loop.state.rawValue)
        }.sorted { $0.ref < $1.ref }
    }

    /// Gives a good-practice activity its highlights: its top three themes by people, and their answers.
    public mutating func setHighlights(ref: String, themes: [ThemeSummary]) {
        guard let index = goodPractice.firstIndex(where: { $0.ref == ref }) else { return }
        goodPractice[index].highlights = themes.sorted {
            ($1.contributions, $1.people, $0.key) < ($0.contributions, $0.people, $1.key)
        }.prefix(3).map {
            Highlight(
                youSaid: $0.said, views: $0.contributions, people: $0.people, answer: $0.answer.rawValue,
                weDid: $0.responses.filter { $0.status != .dropped }.map(\.text), because: $0.explanation?.why)
        }
    }

    static let principleNames = [
        "Why", "Transparent", "Partnership", "Inclusive", "Timely", "Resourced", "Outcome", "Learning",
    ]

    /// How many of the activities got each verdict on principle `index` (0 to 7).
    static func count(_ verdicts: [[PrincipleVerdict]], principle index: Int) -> Verdicts {
        var counts = Verdicts()
        for list in verdicts { counts.add(list[index].verdict) }
        return counts
    }

    static func month(_ date: CalendarDate) -> String {
        String(date.description.prefix(7))
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
