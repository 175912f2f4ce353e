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
    static func influence(_ activities: [ReportActivityFacts], key: String, name: String) -> Influence {
        let themes = activities.flatMap(\.themes)
        func share(_ answers: Set<ThemeAnswer>) -> Int { themes.filter { answers.contains($0.answer) }.count }
        let reasons = Dictionary(grouping: themes.compactMap(\.reason), by: { $0 }).map {
            Count(name: $0.key.rawValue, activities: $0.value.count)
        }.sorted { ($1.activities, $0.name) < ($0.activities, $1.name) }
        // Each activity's theme with the most views that changed something, strongest first.
        let examples = activities.compactMap { facts in
            facts.example.map {
                Example(activity: facts.principles.activity.title, youSaid: $0.said, views: $0.views, weDid: $0.weDid)
            }
        }.sorted { ($1.views, $0.activity) < ($0.views, $1.activity) }
        return Influence(
            organisation: key, name: name, themes: themes.count, adopted: share([.adopted]),
            partlyAdopted: share([.partlyExplained, .partlyUnexplained]), notAdopted: share([.explained]),
            unanswered: share([.unanswered]), reasons: reasons, examples: Array(examples.prefix(3)))
    }
}
