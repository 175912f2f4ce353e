import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct ThemeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "theme",
            abstract: "Summarise what people said (\"you said\") and link it to their contributions.",
            subcommands: [Add.self, Link.self, Unlink.self, Update.self, List.self, Remove.self, Reasons.self])
    }
}

extension Yswd.ThemeCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a theme, optionally linking contributions by number or range.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd theme add GP-ACCESS-2026 phone-queue \\
                    --said "Getting through on the phone at 8am is hard" \\
                    --contribution 12-40 --contribution 57
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "A short key for the theme, unique within the activity.")
        var key: String
        @Option(help: "The theme in participants' terms.")
        var said: String
        @Option(help: "The theme in easy read, for the easy read formats (up to 500 characters).")
        var easyRead: String?
        @Option(
            name: .customLong("contribution"), help: "A contribution number or range (12 or 12-40); repeat for more.")
        var contributions: [String] = []
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let selections = try Parse.selections(contributions)
            let reason = try change.value()
            let (_, linked) = try await store.open().addTheme(
                activity: activity, key: key, said: said, easyRead: easyRead, contributions: selections, reason: reason)
            print("Added theme \(key) to \(activity), linked to \(counted(linked, "contribution")).")
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link more contributions to a theme, or move them into it.",
            discussion: HelpText.reflowed(
                """
                With --matching, every in-scope contribution whose text contains the words (ignoring case and
                accents) is linked at once, so imported responses can be themed in bulk. With --move, each
                contribution leaves the theme or themes it was in. Once an update has been published, a
                contribution that leaves or joins a theme needs --reason.

                Examples:
                  yswd theme link GP-ACCESS-2026 phone-queue --contribution 41-45
                  yswd theme link GP-ACCESS-2026 phone-queue --matching "engaged tone" \\
                    --dry-run
                  yswd theme link GP-ACCESS-2026 parking --contribution 12 --move \\
                    --reason "It was about parking"
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @Option(
            name: .customLong("contribution"), help: "A contribution number or range (12 or 12-40); repeat for more.")
        var contributions: [String] = []
        @Option(help: "Link every contribution whose text contains this (ignoring case and accents).")
        var matching: String?
        @Flag(help: "With --matching: say how many would be linked, without linking them.")
        var dryRun = false
        @Flag(help: "Move each contribution out of the theme or themes it was in.")
        var move = false
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if contributions.isEmpty == (matching == nil) {
                throw ValidationError("Give --contribution ID or FROM-TO (repeatable), or --matching TEXT.")
            }
            if dryRun, matching == nil { throw ValidationError("--dry-run goes with --matching.") }
            if move, matching != nil { throw ValidationError("--move goes with --contribution, not --matching.") }
        }

        func run() async throws {
            let reason = try change.value()
            let store = try await store.open()
            if move {
                let moved = try await store.linkTheme(
                    activity: activity, key: key, contributions: try Parse.selections(contributions), move: true,
                    reason: reason)
                print("Moved \(counted(moved, "contribution")) into theme \(key).")
                return
            }
            guard let matching else {
                let linked = try await store.linkTheme(
                    activity: activity, key: key, contributions: try Parse.selections(contributions), reason: reason)
                print("Linked \(counted(linked, "more contribution")) to theme \(key).")
                return
            }
            let linked = try await store.linkTheme(
                activity: activity, key: key, matching: matching, dryRun: dryRun, reason: reason)
            print(
                dryRun
                    ? "Would link \(counted(linked, "contribution")) containing '\(matching)' to theme \(key); nothing was written."
                    : "Linked \(counted(linked, "contribution")) containing '\(matching)' to theme \(key).")
        }
    }

    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take contributions out of a theme, leaving any other themes they are in.",
            discussion: HelpText.reflowed(
                """
                A contribution left in no theme is unthemed again: theme it, or mark it out of scope. Once an
                update has been published this needs --reason, in words for the public.

                Example:
                  yswd theme unlink GP-ACCESS-2026 phone-queue --contribution 12 \\
                    --reason "It was about parking"
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @Option(
            name: .customLong("contribution"), help: "A contribution number or range (12 or 12-40); repeat for more.")
        var contributions: [String]
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let reason = try change.value()
            let taken = try await store.open().unlinkTheme(
                activity: activity, key: key, contributions: try Parse.selections(contributions), reason: reason)
            print("Took \(counted(taken, "contribution")) out of theme \(key).")
        }
    }

    struct Update: AsyncParsableCommand {

        static let configuration = CommandConfiguration(
            abstract: "Reword a theme, or its easy-read wording.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd theme update GP-ACCESS-2026 phone-queue \\
                    --said "Phoning at 8am rarely gets an appointment"
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @Option(help: "The new wording.")
        var said: String?
        @Option(help: "The theme in easy read, for the easy read formats (up to 500 characters).")
        var easyRead: String?
        @Flag(help: "Remove the easy-read wording (the easy read formats then use the theme's wording).")
        var clearEasyRead = false
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if said == nil, easyRead == nil, !clearEasyRead {
                throw ValidationError("Give --said TEXT, --easy-read TEXT or --clear-easy-read.")
            }
            if easyRead != nil, clearEasyRead {
                throw ValidationError("Give --easy-read or --clear-easy-read, not both.")
            }
        }

        func run() async throws {
            let reason = try change.value()
            try await store.open().updateTheme(
                activity: activity, key: key, said: said, easyRead: easyRead, clearEasyRead: clearEasyRead,
                reason: reason)
            print("Updated theme \(key).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an activity's themes, how many people raised each, and whether each is answered.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd theme list GP-ACCESS-2026 --format json
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let themes = try await store.open().themes(activity: activity)
            Listing.print(themes, as: listing.format, empty: "No themes recorded for \(activity).")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a theme, its links and its explanation (history keeps them).",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd theme remove GP-ACCESS-2026 parking
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var key: String
        @OptionGroup var change: ChangeReasonOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let reason = try change.value()
            try await store.open().removeTheme(activity: activity, key: key, reason: reason)
            print("Removed theme \(key) from \(activity).")
        }
    }
}

extension Yswd.ThemeCommand {
    struct Reasons: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the reasons given for changes to themes' answers (--reason), oldest first.",
            discussion: HelpText.reflowed(
                """
                Examples:
                  yswd theme reasons GP-ACCESS-2026
                  yswd theme reasons GP-ACCESS-2026 phone-queue --format csv
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "Only this theme's.")
        var key: String?
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let reasons = try await store.open().changeReasons(activity: activity, theme: key)
            Listing.print(reasons, as: listing.format, empty: "No reasons recorded for \(activity).")
        }
    }
}

extension ChangeReason: ListingRow {
    static let headers = ["at", "actor", "theme", "subject", "reason"]
    var cells: [String] { [at, actor, theme, subject, reason] }
}

extension ThemeSummary: ListingRow {
    static let headers = ["key", "people", "contributions", "answer", "said"]
    var cells: [String] { [key, String(people), String(contributions), answer.rawValue, said] }
}
