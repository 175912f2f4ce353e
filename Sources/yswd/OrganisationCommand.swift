import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct OrganisationCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "organisation",
            abstract: "Record the organisations in the care system that run engagement, for the yearly report.",
            discussion: HelpText.reflowed(
                """
                Activities name the organisation that ran them (activity add|update --organisation KEY); yswd
                config set default-organisation KEY names it for new ones. The organisation setting is still the
                name printed on published updates.
                """),
            subcommands: [Add.self, List.self, Update.self, Remove.self])
    }
}

extension Yswd.OrganisationCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an organisation.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd organisation add uhcw --kind trust \\
                    --name "University Hospitals Coventry and Warwickshire"
                """))

        @Argument(help: "A short key for it, unique in the record.")
        var key: String
        @Option(help: "Its name.")
        var name: String
        @Option(help: "What kind of organisation it is.")
        var kind: OrganisationKind
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.open().addOrganisation(Organisation(key: key, name: name, kind: kind))
            print("Added organisation \(key).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the organisations and how many activities each ran.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd organisation list --format csv
                """))

        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            Listing.print(
                try await store.open().organisations(), as: listing.format, empty: "No organisations recorded.")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename an organisation or change its kind.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd organisation update uhcw --name "UHCW NHS Trust"
                """))

        @Argument(help: "The organisation's key.")
        var key: String
        @Option(help: "Its new name.")
        var name: String?
        @Option(help: "Its kind.")
        var kind: OrganisationKind?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if name == nil, kind == nil { throw ValidationError("Give --name NAME, --kind KIND or both.") }
        }

        func run() async throws {
            try await store.open().updateOrganisation(key: key, name: name, kind: kind)
            print("Updated organisation \(key).")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an organisation no activity names.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd organisation remove old-ccg
                """))

        @Argument(help: "The organisation's key.")
        var key: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.open().removeOrganisation(key: key)
            print("Removed organisation \(key).")
        }
    }
}

extension OrganisationSummary: ListingRow {
    static let headers = ["key", "name", "kind", "activities"]
    var cells: [String] { [key, name, kind.rawValue, String(activities)] }
}
