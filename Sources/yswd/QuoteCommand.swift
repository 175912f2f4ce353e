import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct QuoteCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quote",
            abstract: "Choose which participants' words are quoted under each theme in published updates.",
            discussion: HelpText.reflowed(
                """
                Only chosen quotes are published (publish --quote-mode auto takes the earliest instead). A quote
                must come from a participant who agreed to be quoted, be in scope, and be linked to the theme.
                Read it first: a quote that names a member of staff or another person is a privacy finding.
                """),
            subcommands: [Add.self, Remove.self, List.self])
    }
}

extension Yswd.QuoteCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quote a contribution under a theme.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd quote add GP-ACCESS-2026 phone-queue 14
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var theme: String
        @Argument(help: "The contribution's number (see `yswd contribution list`).")
        var contribution: Int64
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let added = try await store.open().addQuote(activity: activity, theme: theme, contribution: contribution)
            print(
                added
                    ? "Chose contribution \(contribution) as a quote under theme \(theme)."
                    : "Contribution \(contribution) was already a quote under theme \(theme); nothing changed.")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop quoting a contribution under a theme.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd quote remove GP-ACCESS-2026 phone-queue 14
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var theme: String
        @Argument(help: "The contribution's number.")
        var contribution: Int64
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.open().removeQuote(activity: activity, theme: theme, contribution: contribution)
            print("Contribution \(contribution) is no longer quoted under theme \(theme).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an activity's chosen quotes, and whether each will be published.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd quote list GP-ACCESS-2026
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "How many quotes per theme the update will show, as publish --quotes (0 to 20).")
        var quotes = 2
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let perTheme = try EntryRules.number(quotes, field: .entry("quotes"), in: 0...20)
            let quotes = try await store.open().chosenQuotes(activity: activity, perTheme: perTheme)

            Listing.print(quotes, as: listing.format, empty: "No quotes chosen for \(activity).")
        }
    }
}

extension ChosenQuote: ListingRow {
    static let headers = ["theme", "contribution", "participant", "published", "text"]
    var cells: [String] {
        [theme, String(contribution), participant ?? "", withheld.map { "no: \($0)" } ?? "yes", text]
    }
}
