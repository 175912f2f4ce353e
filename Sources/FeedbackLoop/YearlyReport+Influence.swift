/// How the yearly report groups reasons for "not met", and counts how people's views changed decisions.
extension YearlyReport {
    /// How people's views changed decisions (section 14Z58 of the NHS Act 2006), for one
    /// organisation or all: themes adopted, partly adopted, not adopted (with the kinds of reason),
    /// still unanswered, and the strongest examples.
    public struct Influence: Sendable, Equatable, Codable {
        public var organisation: String
        public var name: String
        public var themes: Int
        public var adopted: Int
        public var partlyAdopted: Int
        public var notAdopted: Int
        public var unanswered: Int
        /// Why themes were not (wholly) adopted, by kind of reason.
        public var reasons: [Count]
        public var examples: [Example]
    }

    /// A "you said, we did" to show: the theme with the most views in an activity, and what was done.
    public struct Example: Sendable, Equatable, Codable {
        public var activity: String
        public var youSaid: String
        public var views: Int
        public var weDid: [String]
    }

    /// Reasons for `not-met`, grouped by kind (a reason with a number, such as days late, by the
    /// reason without it), each kind with how many activities and the range of the numbers.
    static func reasons(_ verdicts: [PrincipleVerdict]) -> [Count] {
        let notMet = verdicts.filter { $0.verdict == .notMet }
        return Dictionary(grouping: notMet) { $0.kind ?? $0.reason }.map { kind, list in
            let amounts = list.compactMap(\.amount)
            let unit: String? =
                amounts.isEmpty
                ? nil : list.first?.number == 7 ? "days late" : list.first?.number == 5 ? "days open" : nil
            return Count(name: kind, activities: list.count, from: amounts.min(), to: amounts.max(), unit: unit)
        }.sorted { ($1.activities, $0.name) < ($0.activities, $1.name) }
    }

    /// How the views given to `activities` changed decisions.
    static func influence(_ activities: some Sequence<ReportActivityFacts>, key: String, name: String) -> Influence {
        var answers: [ThemeAnswer: Int] = [:]
        var reasons: [ReasonCategory: Int] = [:]
        var examples: [Example] = []
        for facts in activities {
            for theme in facts.themes {
                answers[theme.answer, default: 0] += 1
                if let reason = theme.reason { reasons[reason, default: 0] += 1 }
            }
            // Each activity's theme with the most views that changed something.
            if let example = facts.example {
                examples.append(
                    Example(
                        activity: facts.principles.activity.title, youSaid: example.said, views: example.views,
                        weDid: example.weDid))
            }
        }
        func share(_ kinds: [ThemeAnswer]) -> Int { kinds.reduce(0) { $0 + (answers[$1] ?? 0) } }
        return Influence(
            organisation: key, name: name, themes: answers.values.reduce(0, +), adopted: share([.adopted]),
            partlyAdopted: share([.partlyExplained, .partlyUnexplained]), notAdopted: share([.explained]),
            unanswered: share([.unanswered]),
            reasons: reasons.map { Count(name: $0.key.rawValue, activities: $0.value) }
                .sorted { ($1.activities, $0.name) < ($0.activities, $1.name) },
            examples: Array(examples.sorted { ($1.views, $0.activity) < ($0.views, $1.activity) }.prefix(3)))
    }
}
