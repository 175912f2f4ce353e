import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct DecisionCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decision",
            abstract: "Record what was decided or done (\"we did\" / \"we will\") and which themes it answers.",
            subcommands: [Add.self, Update.self, List.self, Remove.self])
    }
}

/// The options of `decision add` and `decision update`, apart from the text.
struct DecisionOptions: ParsableArguments {
    @Option(
        name: .customLong("responds-to"),
        help: "A theme it answers, as THEME (adopted) or THEME:partly; repeat for several.")
    var respondsTo: [String] = []
    @Option(help: "Who decided.")
    var decidedBy: String?
    @Option(help: "When it was decided (YYYY-MM-DD).")
    var decidedOn: String?
    @Option(help: "Where delivery stands.")
    var status: DeliveryStatus?
    @Option(help: "For a commitment (\"we will\"): when it is due (YYYY-MM-DD).")
    var due: String?
    @Option(help: "The difference it made.")
    var impact: String?
    @Option(help: "The decision in easy read, for the easy read formats (up to 500 characters).")
    var easyRead: String?

    /// The options' values, checked: a bad one fails before the database is opened.
    struct Values {
        var responds: [ThemeResponse]?
        var decidedBy: String?
        var decidedOn: CalendarDate?
        var status: DeliveryStatus?
        var due: CalendarDate?
        var impact: String?
        var easyRead: String?
    }

    func values() throws -> Values {
        Values(
            responds: respondsTo.isEmpty ? nil : try respondsTo.map { try ThemeResponse.parse($0) },
            decidedBy: try Parse.text(decidedBy, field: .entry("decided-by")),
            decidedOn: try Parse.date(decidedOn, field: .entry("decided-on")),
            status: status, due: try Parse.date(due, field: .entry("due")),
            impact: try Parse.text(impact, field: .entry("impact")),
            easyRead: try easyRead.map { try EntryRules.easyRead($0) })
    }
}

extension DecisionOptions.Values {
    /// Applies the options that were given; `--responds-to` replaces the list.
    func apply(to decision: inout Decision) {
        if let responds { decision.responds = responds }
        if let decidedBy { decision.decidedBy = decidedBy }
        if let decidedOn { decision.decidedOn = decidedOn }
        if let status { decision.status = status }
        if let due { decision.due = due }
        if let impact { decision.impact = impact }
        if let easyRead { decision.easyRead = easyRead }
    }
}

extension Yswd.DecisionCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a decision.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd decision add GP-ACCESS-2026 callback \\
                    --text "We will add a call-back option to the phone line" \\
                    --responds-to phone-queue --responds-to online-booking:partly \\
                    --status planned --due 2026-06-30
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "A short key for the decision, unique within the activity.")
        var key: String
        @Option(help: "What was decided or done, in participants' terms.")
        var text: String
        @OptionGroup var options: DecisionOptions
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var decision = Decision(activityId: 0, key: key, text: text)
            try options.values().apply(to: &decision)
            let reason = try change.value()
            try await store.open().addDecision(activity: activity, decision, reason: reason)
            print("Added decision \(key) to \(activity).")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a decision; --responds-to replaces its themes, --clear FIELD empties a field.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd decision update GP-ACCESS-2026 callback --status done \\
                    --impact "Calls at 8am fell by a third"
                  yswd decision update GP-ACCESS-2026 callback --due 2027-04-30 \\
                    --reason "The new phone system arrives in April, not January"
                Fields --clear accepts: \(DecisionField.allCases.map(\.rawValue).joined(separator: ", ")).
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The decision's key.")
        var key: String
        @Option(help: "What was decided or done.")
        var text: String?
        @OptionGroup var options: DecisionOptions
        @Option(help: "A field to empty; repeat for several.")
        var clear: [DecisionField] = []
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let fields = clear
            let text = try Parse.text(text, field: .entry("text"))
            let values = try options.values()
            let reason = try change.value()
            try await store.open().updateDecision(activity: activity, key: key, reason: reason) { decision in
                for field in fields { field.clear(in: &decision) }
                if let text { decision.text = text }
                values.apply(to: &decision)
            }
            print("Updated decision \(key).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an activity's decisions and the themes each answers.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd decision list GP-ACCESS-2026
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let decisions = try await store.open().decisions(activity: activity)
            Listing.print(decisions, as: listing.format, empty: "No decisions recorded for \(activity).")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a decision recorded by mistake; the themes it answered need another answer.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd decision remove GP-ACCESS-2026 callback
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The decision's key.")
        var key: String
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let reason = try change.value()
            try await store.open().removeDecision(activity: activity, key: key, reason: reason)
            print("Removed decision \(key) from \(activity).")
        }
    }
}

extension Decision: ListingRow {
    static let headers = ["key", "status", "due", "respondsTo", "text"]
    var cells: [String] {
        [
            key, status.rawValue, due?.description ?? "",
            responds.map { $0.outcome == .adopted ? $0.theme : "\($0.theme):\($0.outcome.rawValue)" }.joined(
                separator: " "),
            text,
        ]
    }
}
