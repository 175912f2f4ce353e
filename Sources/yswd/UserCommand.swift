import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Manage who can sign in to the web app (`yswd serve`), and what each may do.",
            discussion: HelpText.reflowed(
                """
                Roles, each able to do all the one before it can: viewer reads everything but participants'
                private details; editor records activities, contributions, themes, decisions, explanations and
                imports; publisher also publishes, records updates, writes follow-ups and the site, and sees
                participants; admin also manages users, settings and erasure.

                A new user, or one who is reset, gets a link to set their own password: it works once, for 24
                hours. Send it to them yourself.
                """),
            subcommands: [Add.self, List.self, Update.self, Disable.self, Reset.self])
    }
}

/// Where the web app is reached, for the links `user add` and `user reset` print.
struct ServerAddressOption: ParsableArguments {
    @Option(help: "The web app's address, as staff reach it (default: http://127.0.0.1:8080).")
    var server: String = "http://127.0.0.1:8080"

    func link(_ link: PasswordLink) -> String {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        return "\(base)/set-password/\(link.token)"
    }

    func announce(_ link: PasswordLink, action: String) {
        print("\(action) \(link.account.email) (\(link.account.role.rawValue)).")
        print("Send them this link to set their password. It works once, until \(link.expiresAt.prefix(16)) UTC:")
        print(self.link(link))
    }
}

extension Yswd.UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a member of staff, and print a link for them to set their password.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd user add sam.patel@example.nhs.uk --name "Sam Patel" --role editor
                """))

        @Argument(help: "Their email address: what they sign in with.")
        var email: String
        @Option(help: "Their name, as it appears as the lead of activities they lead.")
        var name: String
        @Option(help: "What they may do.")
        var role: StaffRole
        @OptionGroup var address: ServerAddressOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            address.announce(
                try await store.open().addUser(email: email, name: name, role: role), action: "Added")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the members of staff, their roles, and whether they can sign in.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd user list --format csv
                """))

        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            Listing.print(
                try await store.open().users(), as: listing.format, empty: "No users yet: add one with `yswd user add`."
            )
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a member of staff's role or name.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd user update sam.patel@example.nhs.uk --role publisher
                """))

        @Argument(help: "Their email address.")
        var email: String
        @Option(help: "Their new role.")
        var role: StaffRole?
        @Option(help: "Their name.")
        var name: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if role == nil, name == nil { throw ValidationError("Give --role ROLE, --name NAME or both.") }
        }

        func run() async throws {
            let account = try await store.open().updateUser(email: email, role: role, name: name)
            print("Updated \(account.email): \(account.name), \(account.role.rawValue).")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a member of staff signing in; they are signed out at once.",
            discussion: HelpText.reflowed(
                """
                Their past changes stay in history under their name. `yswd user reset` lets them back in.

                Example:
                  yswd user disable sam.patel@example.nhs.uk
                """))

        @Argument(help: "Their email address.")
        var email: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.open().disableUser(email: email)
            print("Disabled \(email): they can no longer sign in.")
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear a member of staff's password, sign them out, and print a new link to set one.",
            discussion: HelpText.reflowed(
                """
                Also lets a disabled user back in.

                Example:
                  yswd user reset sam.patel@example.nhs.uk
                """))

        @Argument(help: "Their email address.")
        var email: String
        @OptionGroup var address: ServerAddressOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            address.announce(try await store.open().resetUser(email: email), action: "Reset")
        }
    }
}

extension StaffAccount: ListingRow {
    static let headers = ["email", "name", "role", "can sign in", "created"]
    var cells: [String] {
        [
            email, name, role.rawValue, isDisabled ? "no (disabled)" : hasPassword ? "yes" : "not yet",
            String(createdAt.prefix(10)),
        ]
    }
}
