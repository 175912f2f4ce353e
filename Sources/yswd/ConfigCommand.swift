import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct ConfigCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show and change the team's settings.",
            discussion: HelpText.reflowed(
                """
                feedback-weeks   weeks after closing by which a response is due when none was promised (12)
                due-soon-days    days before the due date from which a loop is due soon (14)
                reopen-days      days after a change that reopens a loop by which the new update is due (28)
                min-window-days  the shortest collection window principle 5 accepts (28)
                timezone         the time zone "today" is read in (Europe/London)
                organisation     the organisation's name, as published
                public-contact   where participants can ask questions, as published
                """),
            subcommands: [Set.self, Unset.self, List.self])
    }
}

extension Yswd.ConfigCommand {
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a setting (recorded in history).",
            discussion: HelpText.reflowed(
                """
                Examples:
                  yswd config set due-soon-days 21
                  yswd config set organisation "Coventry and Warwickshire ICB"
                """))

        @Argument(help: "The setting's name.")
        var key: TeamSettings.Key
        @Argument(parsing: .allUnrecognized, help: "The new value.")
        var values: [String] = []
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if values.isEmpty { throw ValidationError("Missing expected argument '<value>'.") }
        }

        func run() async throws {
            let value = values.joined(separator: " ")
            var checked = TeamSettings()
            try checked.set(key, to: value)  // bad values fail before the database is opened
            let settings = try await store.open().setSetting(key, to: value)
            print("Set \(key.rawValue) to \(settings.value(of: key) ?? value).")
        }
    }

    struct Unset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Return a setting to its default, or a text setting to not set (recorded in history).",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd config unset public-url
                """))

        @Argument(help: "The setting's name.")
        var key: TeamSettings.Key
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.open().unsetSetting(key)
            print(settings.value(of: key).map { "Set \(key.rawValue) back to \($0)." } ?? "Unset \(key.rawValue).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every setting and its value.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd config list --format json
                """))

        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.open().settings()
            let rows = TeamSettings.Key.allCases.map { SettingRow(key: $0.rawValue, value: settings.value(of: $0)) }
            Listing.print(rows, as: listing.format, empty: "")
        }
    }
}

struct SettingRow: ListingRow {
    var key: String
    var value: String?
    static let headers = ["key", "value"]
    var cells: [String] { [key, value ?? "(not set)"] }
}
