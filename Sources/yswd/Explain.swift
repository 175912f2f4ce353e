import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say why a theme, or the part of it not adopted, was not acted on (\"we didn't, because\").",
            discussion: HelpText.reflowed(
                """
                A new explanation replaces the theme's earlier one; --withdraw removes it. Once an update has
                been recorded, a new or changed explanation needs --change-reason TEXT: why it changed, in words
                for the public (--reason is the kind of reason the explanation gives).

                Example:
                  yswd explain GP-ACCESS-2026 parking \\
                    --why "The car park belongs to the council" --reason outside-control
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The theme's key.")
        var theme: String
        @Option(help: "Why it was not acted on, in participants' terms.")
        var why: String?
        @Option(help: "The explanation in easy read, for the easy read formats (up to 500 characters).")
        var easyRead: String?
        @Option(help: "The kind of reason.")
        var reason: ReasonCategory?
        @Flag(help: "Withdraw the theme's explanation.")
        var withdraw = false
        @Option(
            help: ArgumentHelp(
                "Why the explanation changed, in words for the public (up to 1,000 characters): needed once an "
                    + "update has been recorded, and published with the next one."))
        var changeReason: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if withdraw, why != nil || reason != nil {
                throw ValidationError("--withdraw cannot be combined with --why or --reason.")
            }
            if !withdraw, why == nil || reason == nil {
                throw ValidationError("Give both --why TEXT and --reason R, or --withdraw.")
            }
        }

        func run() async throws {
            let change = try changeReason.map { try EntryRules.reason($0, field: .entry("change-reason")) }
            do {
                if withdraw {
                    try await store.open().withdrawExplanation(activity: activity, theme: theme, reason: change)
                    print("Withdrew the explanation for theme \(theme).")
                    return
                }
                guard let why, let reason else {
                    throw CommandError("Give both --why TEXT and --reason R, or --withdraw.")
                }
                let replaced = try await store.open().explain(
                    activity: activity, theme: theme, why: why, reason: reason,
                    easyRead: try easyRead.map { try EntryRules.easyRead($0) }, changeReason: change)
                print(replaced ? "Replaced the explanation for theme \(theme)." : "Explained theme \(theme).")
            } catch StoreError.reasonRequired(let activity, let update, let themes, _) {
                // Every other command takes a change's reason as --reason; here that is the kind of reason.
                let error = StoreError.reasonRequired(
                    activity: activity, update: update, themes: themes, field: .entry("change-reason"))
                throw CommandError(
                    error.message(naming: \.flag)
                        + " (in explain, --reason is the kind of reason the explanation gives, so the reason for "
                        + "the change goes in --change-reason)")
            }

        }
    }

    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the learning review of an activity (replaces an earlier one).",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd evaluate GP-ACCESS-2026 --worked "Drop-ins reached carers" \\
                    --improve "Start outreach earlier" \\
                    --participants-involved --shared-with "Healthwatch Coventry"
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "What worked.")
        var worked: String
        @Option(help: "What to do better next time.")
        var improve: String
        @Flag(help: "Participants took part in the review.")
        var participantsInvolved = false
        @Option(help: "A partner the learning was shared with; repeat for several.")
        var sharedWith: [String] = []
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let shared = try sharedWith.map { try requireText($0, field: .entry("shared-with")) }
            let replaced = try await store.open().evaluate(
                activity: activity, worked: worked, improve: improve, participantsInvolved: participantsInvolved,
                sharedWith: shared)
            print(replaced ? "Replaced the evaluation of \(activity)." : "Recorded the evaluation of \(activity).")
        }
    }

    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the database to a new file, even while others are writing.",
            discussion: HelpText.reflowed(
                """
                The copy holds participants' contact details: it is created readable by you only. Keep it safe.

                Example:
                  yswd backup backups/yswd-2026-11-27.sqlite
                """))

        @Argument(help: "The new file to write.")
        var file: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let database = try store.openFile(
                for: "yswd backup",
                instead: "back up a PostgreSQL database with pg_dump (pg_dump --format=custom --file=FILE DATABASE), as"
                    + " the README's Hosting section shows")
            try await database.backup(to: file)
            print("Backed up \(store.databasePath) to \(file).")
        }
    }
}
