import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct ContributionCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contribution",
            abstract: "Record what people said.",
            subcommands: [Add.self, Import.self, Update.self, Remove.self, List.self])
    }
}

extension Yswd.ContributionCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record one contribution; prints its number.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd contribution add GP-ACCESS-2026 \\
                    --text "The phone line is engaged at 8am" \\
                    --method survey --received 2026-01-12 --participant P-0042 --source-id R-118
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "What the person said.")
        var text: String
        @Option(help: "How it was gathered.")
        var method: EngagementMethod?
        @Option(help: "The date it was received (YYYY-MM-DD).")
        var received: String?
        @Option(help: "The participant's ref, when known (they must be recorded first).")
        var participant: String?
        @Option(help: "Its id in the system it came from; unique within the activity.")
        var sourceId: String?
        @Option(
            help: ArgumentHelp(
                "The language it was given in, when not the team's first (a BCP 47 tag such as cy or ur): a quote"
                    + " of it is published in that language, marked as such.", valueName: "TAG"))
        var language: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let tag = try language.map { try LanguageTag(parsing: $0) }
            let store = try await self.store.open()
            let settings = try await store.settings()
            if let tag { try settings.checkLanguage(tag) }
            let contribution = try await store.addContribution(
                activity: activity, text: text, method: method,
                received: try Parse.date(received, field: .entry("received")), participantRef: participant,
                sourceId: try Parse.text(sourceId, field: .entry("source-id")),
                language: tag == settings.sourceLanguage ? nil : tag?.code)
            print("Added contribution \(contribution.number.map(String.init) ?? "") to \(activity).")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a contribution's text, or mark it out of scope (or back in scope).",
            discussion: HelpText.reflowed(
                """
                A contribution that feeds themes is marked out of scope only with --unlink, which takes it out of
                them (history records which).

                Example:
                  yswd contribution update GP-ACCESS-2026 118 \\
                    --out-of-scope "About parking, passed to the trust"
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The contribution's number (as `contribution list` shows it).")
        var number: Int64
        @Option(help: "The corrected text.")
        var text: String?
        @Option(help: "Why it is out of scope; an out-of-scope contribution needs no theme.")
        var outOfScope: String?
        @Flag(help: "Bring an out-of-scope contribution back in scope.")
        var inScope = false
        @Flag(help: "With --out-of-scope: take the contribution out of the themes it feeds.")
        var unlink = false
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if outOfScope != nil, inScope {
                throw ValidationError("--out-of-scope and --in-scope cannot both be given.")
            }
            if text == nil, outOfScope == nil, !inScope {
                throw ValidationError("Nothing to change: give --text, --out-of-scope or --in-scope.")
            }
            if unlink, outOfScope == nil { throw ValidationError("--unlink goes with --out-of-scope.") }
        }

        func run() async throws {
            let scope: String?? = inScope ? .some(nil) : outOfScope.map { .some($0) }
            let reason = try change.value()
            try await store.open().updateContribution(
                activity: activity, number: number, text: text, outOfScope: scope, unlink: unlink,
                changeReason: reason)
            print("Updated contribution \(number) of \(activity).")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a contribution recorded by mistake (history keeps what it said).",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd contribution remove GP-ACCESS-2026 118
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The contribution's number (as `contribution list` shows it).")
        var number: Int64
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.open().removeContribution(activity: activity, number: number)
            print("Removed contribution \(number) of \(activity).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an activity's contributions with the themes each feeds.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd contribution list GP-ACCESS-2026 --unthemed
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Flag(help: "Only contributions in scope that no theme covers yet.")
        var unthemed = false
        @Option(help: "Only the contributions in this theme (its key).")
        var theme: String?
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let rows = try await store.open().contributions(activity: activity, unthemedOnly: unthemed, theme: theme)
            let empty =
                unthemed
                ? "Every contribution to \(activity) is themed or out of scope."
                : theme.map { "No contributions of \(activity) are in theme \($0)." }
                    ?? "No contributions recorded for \(activity)."

            Listing.print(rows, as: listing.format, empty: empty)
        }
    }
}

extension ContributionSummary: ListingRow {
    static let headers = ["number", "id", "received", "method", "participant", "themes", "text"]
    var cells: [String] {
        [
            String(number), String(id), received?.description ?? "", method?.rawValue ?? "", participant ?? "",
            outOfScope.map { "out of scope: \($0)" } ?? themes.joined(separator: " "), text,
        ]
    }
}
