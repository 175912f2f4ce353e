import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct ThemeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "theme",
            abstract: "Summarise what people said (\"you said\") and link it to their contributions.",
            subcommands: [Add.self, Link.self, Update.self, List.self, Remove.self])
    }
}

extension Yswd.ThemeCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a theme, optionally linking contributions by number or range.",
            discussion: """
                Example:
                  yswd theme add GP-ACCESS-2026 phone-queue --said "Getting through on the phone at 8am is hard" \\
                    --contribution 12-40 --contribution 57
                """)

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "A short key for the theme, unique within the activity.")
        var key: String
        @Option(help: "The theme in participants' terms.")
        var said: String
        @Option(
            name: .customLong("contribution"), help: "A contribution number or range (12 or 12-40); repeat for more.")
        var contributions: [String] = []
        @OptionGroup var store: StoreOptions

        func run() throws {
            let selections = try Parse.selections(contributions)
            let (_, linked) = try store.open().addTheme(
                activity: activity, key: key, said: said, contributions: selections)
            print("Added theme \(key) to \(activity), linked to \(linked) contribution(s).")
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link more contributions to a theme.",
            discussion: """
                Example:
                  yswd theme link GP-ACCESS-2026 phone-queue --contribution 41-45
                """)

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @Option(
            name: .customLong("contribution"), help: "A contribution number or range (12 or 12-40); repeat for more.")
        var contributions: [String] = []
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if contributions.isEmpty { throw ValidationError("Give at least one --contribution ID or FROM-TO.") }
        }

        func run() throws {
            let linked = try store.open().linkTheme(
                activity: activity, key: key, contributions: try Parse.selections(contributions))
            print("Linked \(linked) more contribution(s) to theme \(key).")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reword a theme.",
            discussion: """
                Example:
                  yswd theme update GP-ACCESS-2026 phone-queue --said "Phoning at 8am rarely gets an appointment"
                """)

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @Option(help: "The new wording.")
        var said: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.open().updateTheme(activity: activity, key: key, said: said)
            print("Updated theme \(key).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an activity's themes, how many people raised each, and whether each is answered.",
            discussion: """
                Example:
                  yswd theme list GP-ACCESS-2026 --format json
                """)

        @Argument(help: "The activity's ref.")
        var activity: String
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let themes = try store.open().themes(activity: activity)
            Listing.print(themes, as: listing.format, empty: "No themes recorded for \(activity).")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a theme, its links and its explanation (history keeps them).",
            discussion: """
                Example:
                  yswd theme remove GP-ACCESS-2026 parking
                """)

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.open().removeTheme(activity: activity, key: key)
            print("Removed theme \(key) from \(activity).")
        }
    }
}

extension ThemeSummary: ListingRow {
    static let headers = ["key", "people", "contributions", "answer", "said"]
    var cells: [String] { [key, String(people), String(contributions), answer.rawValue, said] }
}
