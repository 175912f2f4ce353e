import ArgumentParser
import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import Foundation

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
                notify-api-key, notify-callback-token
                                 GOV.UK Notify's API key and the token its delivery receipts carry: secret, set
                                 with --from-file (a file, or - for standard input), never shown whole
                notify-email-template, notify-sms-template, notify-letter-template
                                 the ids of the three Notify templates (see the README)
                notify-base-url  Notify's API address (https://api.notifications.service.gov.uk)
                notify-rate-limit
                                 requests a minute to keep under (3000, Notify's limit)
                notify-callback-path
                                 where yswd serve takes Notify's receipts (/notify/delivery-receipts)
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
                  yswd config set notify-api-key --from-file -
                """))

        @Argument(help: "The setting's name.")
        var name: String
        @Option(help: "Read the value from this file (- for standard input): how the secrets are set.")
        var fromFile: String?
        @Argument(parsing: .allUnrecognized, help: "The new value.")
        var values: [String] = []
        @OptionGroup var store: StoreOptions

        /// Every name `config set` takes: the settings, then the secrets.
        static var names: [String] {
            TeamSettings.Key.allCases.map(\.rawValue) + NotifySecretName.allCases.map(\.rawValue)
        }

        func validate() throws {
            if !Self.names.contains(name.lowercased()) {
                throw ValidationError(
                    "The value '\(name)' is invalid for '<name>'. Please provide one of: "
                        + Self.names.joined(separator: ", ") + ".")
            }
            if values.isEmpty, fromFile == nil { throw ValidationError("Missing expected argument '<value>'.") }
            if !values.isEmpty, fromFile != nil {
                throw ValidationError("give the value or --from-file, not both")
            }
        }

        func run() async throws {
            if let secret = NotifySecretName(rawValue: name.lowercased()) {
                try await setSecret(secret)
                return
            }
            let key = try TeamSettings.Key.parse(name)
            let value = try fromFile.map(Self.read) ?? values.joined(separator: " ")
            var checked = TeamSettings()
            // Bad values fail before the database is opened (the bilingual languages are checked against the
            // team's list once it is).
            if key == .bilingual {
                _ = try LanguageTag.list(value, field: .setting("bilingual"))
            } else {
                try checked.set(key, to: value)
            }
            let settings = try await store.open().setSetting(key, to: value)
            print("Set \(key.rawValue) to \(settings.value(of: key) ?? value).")
        }

        /// A secret is never typed on the command line (shell history and the process list would show it),
        /// never echoed, and checked before it is kept.
        private func setSecret(_ secret: NotifySecretName) async throws {
            guard let fromFile else {
                throw CommandError(
                    "\(secret.rawValue) is secret: give it with --from-file PATH, or --from-file - and paste it,"
                        + " so it stays out of your shell's history")
            }
            let value = try NotifySecretValue.checked(secret.rawValue, try Self.read(fromFile))
            try await store.open().setNotifySecret(secret, value)
            print("Set \(secret.rawValue) (…\(value.suffix(4))).")
        }

        static func read(_ path: String) throws -> String {
            let data: Data
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw CommandError(
                        "--from-file \(path) cannot be read; give a file that exists, or - for standard input")
                }
                data = contents
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandError("--from-file \(path) is not UTF-8 text")
            }
            return text
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
        var name: String
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if !Set.names.contains(name.lowercased()) {
                throw ValidationError(
                    "The value '\(name)' is invalid for '<name>'. Please provide one of: "
                        + Set.names.joined(separator: ", ") + ".")
            }
        }

        func run() async throws {
            if let secret = NotifySecretName(rawValue: name.lowercased()) {
                try await store.open().setNotifySecret(secret, nil)
                print("Unset \(secret.rawValue).")
                return
            }
            let key = try TeamSettings.Key.parse(name)
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
            let store = try await store.open()
            let settings = try await store.settings()
            var rows = TeamSettings.Key.allCases.map { SettingRow(key: $0.rawValue, value: settings.value(of: $0)) }
            for secret in NotifySecretName.allCases {
                // Secrets are shown by their last four characters only.
                let value = try await store.notifySecret(secret)
                rows.append(SettingRow(key: secret.rawValue, value: value.map { "set (…\($0.suffix(4)))" }))
            }
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
