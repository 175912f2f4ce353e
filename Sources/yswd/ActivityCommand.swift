import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd {
    struct ActivityCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activity",
            abstract: "Record, change and look at engagement activities.",
            subcommands: [Add.self, Update.self, List.self, Show.self])
    }
}

extension Yswd.ActivityCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a new engagement activity.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd activity add GP-ACCESS-2026 --title "Getting a GP appointment" \\
                    --purpose "Understand why people struggle to book" \\
                    --can-influence "How the booking line and online booking work" \\
                    --level consult \\
                    --method survey --method drop-in --lead "Sam Patel" \\
                    --opens 2026-01-05 --closes 2026-02-27 --feedback-by 2026-04-30 \\
                    --feedback-channel web
                """))

        @Argument(help: "A short reference, unique in the record (e.g. GP-ACCESS-2026).")
        var ref: String
        @Option(help: "The title people will recognise.")
        var title: String
        @Option(help: "Why the activity is happening: the goal.")
        var purpose: String
        @Option(help: "What participants can influence.")
        var canInfluence: String
        @Option(help: "How much power is shared.")
        var level: EngagementLevel
        @OptionGroup var details: ActivityDetailOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var activity = Activity(
                ref: try requireText(ref, field: .argument("REF")),
                title: try requireText(title, field: .entry("title")),
                purpose: try requireText(purpose, field: .entry("purpose")),
                canInfluence: try requireText(canInfluence, field: .entry("can-influence")),
                level: level)
            try details.apply(to: &activity)
            try activity.validate()
            let store = try await store.open()
            if let key = details.organisation { activity.organisationId = try await store.organisation(key: key).id }
            try await store.addActivity(activity)
            print("Added activity \(activity.ref).")
            if activity.level == .inform {
                note("note: informing people is not engagement; \(activity.ref) is recorded but will be flagged.")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an activity. A repeated option replaces that list; --clear FIELD empties a field.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd activity update GP-ACCESS-2026 --feedback-by 2026-05-15 \\
                    --partner "Healthwatch" --clear resources
                Fields --clear accepts: \(ActivityField.allCases.map(\.rawValue).joined(separator: ", ")).
                """))

        @Argument(help: "The activity's ref.")
        var ref: String
        @Option(help: "The title people will recognise.")
        var title: String?
        @Option(help: "Why the activity is happening: the goal.")
        var purpose: String?
        @Option(help: "What participants can influence.")
        var canInfluence: String?
        @Option(help: "How much power is shared.")
        var level: EngagementLevel?
        @OptionGroup var details: ActivityDetailOptions
        @Option(help: "An optional field to empty; repeat for several.")
        var clear: [ActivityField] = []
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let fields = clear
            let title = try Parse.text(title, field: .entry("title"))
            let purpose = try Parse.text(purpose, field: .entry("purpose"))
            let canInfluence = try Parse.text(canInfluence, field: .entry("can-influence"))
            let store = try await store.open()
            var organisation: Int64?
            if let key = details.organisation { organisation = try await store.organisation(key: key).id }
            let chosen = organisation
            try await store.updateActivity(ref: ref) { activity in
                for field in fields { field.clear(in: &activity) }
                if let organisation = chosen { activity.organisationId = organisation }
                if let title { activity.title = title }
                if let purpose { activity.purpose = purpose }
                if let canInfluence { activity.canInfluence = canInfluence }
                if let level { activity.level = level }
                try details.apply(to: &activity)
            }
            print("Updated activity \(ref).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List activities.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd activity list --service "Primary care" --format csv > activities.csv
                """))

        @Option(help: "Only activities of this service.")
        var service: String?
        @Option(help: "Only activities this person leads.")
        var lead: String?
        @Option(help: "Only activities this organisation ran (its key).")
        var organisation: String?
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let activities = try await store.open().activities(service: service, lead: lead, organisation: organisation)
            Listing.print(activities, as: listing.format, empty: "No activities recorded.")
        }
    }
}

extension Activity: ListingRow {
    static let headers = ["ref", "title", "level", "lead", "service", "opens", "closes", "feedbackBy"]
    var cells: [String] {
        [
            ref, title, level.rawValue, lead ?? "", service ?? "", opens?.description ?? "",
            closes?.description ?? cadenceWeeks.map { "every \($0) weeks" } ?? "", feedbackBy?.description ?? "",
        ]
    }
}
