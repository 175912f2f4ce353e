import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every change to the record: who, when, what before and after.",
            discussion: HelpText.reflowed(
                """
                The table says each change in words, with the values before and after; JSON and CSV keep
                the values exactly as recorded.

                Example:
                  yswd history GP-ACCESS-2026 --since 2026-01-01
                  yswd history --by "Sam Patel" --kind decision --kind explanation
                  yswd history --format json > history.json
                """))

        @Argument(help: "Only changes to this activity and what belongs to it.")
        var activity: String?
        @Option(help: "Only changes on or after this date (UTC, YYYY-MM-DD).")
        var since: String?
        @Option(help: "Only changes on or before this date (UTC, YYYY-MM-DD).")
        var until: String?
        @Option(help: "Only changes made by this person, as history names them.")
        var by: String?
        @Option(
            help: ArgumentHelp(
                "Only changes to this kind of thing; repeat for several.",
                discussion: "One of: " + HistoryWording.kinds.map(\.entity).joined(separator: ", ")))
        var kind: [String] = []
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let since = try Parse.date(since, field: .entry("since"))
            let until = try Parse.date(until, field: .entry("until"))
            let known = HistoryWording.kinds.map(\.entity)
            if let unknown = kind.first(where: { !known.contains($0) }) {
                throw CommandError(
                    "--kind '\(unknown)' is not a kind of change; use one of: \(known.joined(separator: ", "))")
            }
            let entries = try await store.open().history(
                HistoryFilter(activity: activity, by: by, kinds: kind, from: since, to: until))
            Listing.print(entries, as: listing.format, empty: "No changes recorded.")
        }
    }
}

extension HistoryEntry: ListingRow {
    static let headers = ["id", "at", "actor", "action", "entity", "activity", "change"]
    var cells: [String] {
        [String(id), at, actor, action, entity + (entityId.map { " \($0)" } ?? ""), activityRef ?? "", change]
    }

    /// The change in words, with the values before and after.
    var change: String {
        (redactedAt.map { "(redacted \($0)) " } ?? "") + HistoryWording.sentence(self)
    }
}
