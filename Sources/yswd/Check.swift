import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hold each activity to the eight Good Engagement Principles.",
            discussion: HelpText.reflowed(
                """
                Each principle is met, at-risk, not-met or not-recorded (principle 7 also not-yet-due), with a
                reason drawn from the record:
                1 Why, 2 Transparent, 3 Partnership (including earlier activities that asked similar things),
                4 Inclusive, 5 Timely, 6 Resourced, 7 Outcome (the feedback loop), 8 Learning.

                Examples:
                  yswd check GP-ACCESS-2026
                  yswd check --format csv > principles.csv
                """))

        @Argument(help: "One activity's ref (default: every activity).")
        var activity: String?
        @Option(help: "Only activities this organisation ran (its key).")
        var organisation: String?
        @OptionGroup var rules: RuleOptions
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try rules.check()
            let store = try await store.open()
            let (loopRules, today) = try await rules.resolve(store)
            let checks = PrincipleChecks(settings: loopRules.settings)
            // Principle 7 in figures: who was told, by which channel, what failed, what nobody confirmed.
            let figures = try await store.followUpFigures(from: nil, to: nil)
            let results = try await store.checkInputs(activity: activity, organisation: organisation).map { input in
                var check = ActivityCheck(
                    activity: input.activity.ref, title: input.activity.title,
                    principles: checks.verdicts(input.facts(loopRules.status(of: input.summary, asOf: today))))
                if var given = figures[input.activity.ref] {
                    given.owed = input.summary.owedFollowUps
                    check.followUps = given
                    if let index = check.principles.firstIndex(where: { $0.number == 7 }) {
                        // Reasons are clauses joined by "; " with no full stop, as this one is.
                        let figures = given.sentence.dropLast()
                        check.principles[index].reason += "; " + figures.prefix(1).lowercased() + figures.dropFirst()
                    }
                }
                return check
            }
            // Done, but still promising: the update would say "What we did: We will…".
            let checked = Set(results.map(\.activity))
            let promising = try await store.doneDecisions(activity: activity).filter {
                checked.contains($0.activity) && Decision.readsAsPromise($0.text)
            }
            // A few are listed one by one; many (a whole imported record) in one line.
            for decision in promising.count > 5 ? [] : promising {
                note(
                    "warning: decision \(decision.key) of \(decision.activity) is done, but its text still says what we "
                        + "will do; give what was done with `yswd decision update \(decision.activity) \(decision.key) "
                        + "--text \"...\"`")
            }
            if promising.count > 5 {
                let activities = Set(promising.map(\.activity)).sorted()
                note(
                    "warning: \(promising.count) decisions of \(counted(activities.count, "activity", plural: "activities"))"
                        + " (\(activities.prefix(3).joined(separator: ", "))\(activities.count > 3 ? ", …" : "")) are done,"
                        + " but their text still says what we will do; `yswd check ACTIVITY` names each")
            }
            switch listing.format {
            case .json: print(Listing.json(results))
            case .csv, .table:
                let rows = results.flatMap { result in
                    result.principles.map { CheckRow(activity: result.activity, verdict: $0) }
                }
                Listing.print(rows, as: listing.format, empty: "No activities recorded.")
            }
        }
    }
}

/// One activity's verdicts, as `check --format json` prints them.
struct ActivityCheck: Encodable {
    var activity: String
    var title: String
    var principles: [PrincipleVerdict]
    /// Principle 7's figures, when any follow-up was given.
    var followUps: FollowUpFigures?
}

/// One principle of one activity, as a table or CSV row.
struct CheckRow: ListingRow {
    var activity: String
    var verdict: PrincipleVerdict

    static let headers = ["activity", "principle", "verdict", "reason"]
    var cells: [String] {
        [activity, "\(verdict.number) \(verdict.principle)", verdict.verdict.rawValue, verdict.reason]
    }
}
