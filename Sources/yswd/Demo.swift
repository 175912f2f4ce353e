import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a realistic sample record to try yswd on, and show what it made.",
            discussion: HelpText.reflowed(
                """
                The record goes into a new temporary database, or into a new file given with --database
                ($YSWD_DATABASE is not used, so your real record is never touched). Dates are relative to today.

                Example:
                  yswd demo
                  yswd demo --database try.sqlite
                """))

        @Option(help: "A new file to build the sample in (default: a new temporary database).")
        var database: String?
        @Option(help: "Who history says made the sample (default: yswd-demo).")
        var actor: String = "yswd-demo"

        func run() async throws {
            let path = try database ?? Self.temporaryDatabasePath()
            let store = try SQLiteStore.open(path: path, mode: .createNew, actor: actor).store
            let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/London") ?? .current)
            try await SampleRecord(today: today).build(in: store)

            print("Built a sample engagement record in \(path)\n")
            await print(Listing.render(try store.activities(), as: .table, empty: ""))
            for activity in try await store.activities() {
                let record = try await store.activityRecord(ref: activity.ref)
                let answered = record.themes.filter(\.answer.isAnswered).count
                print(
                    "\(activity.ref): \(counted(record.contributions.total, "contribution")), \(counted(record.themes.count, "theme")) "
                        + "(\(answered) answered), \(counted(record.decisions.count, "decision"))")
            }
            let owed = try await store.participants(wantsFeedback: true).count
            print("\n\(try await store.participants().count) participants, \(owed) of whom asked to hear back.")
            let sample = try await Self.writeSampleUpdate(store, next: path, today: today)
            print(
                "\nThe sample \"you said, we did\" update of GP-ACCESS, as a web page (recorded as update 1): \(sample)"
            )
            print(
                """

                Try:
                  yswd activity show GP-ACCESS --database \(path)
                  yswd theme list MH-CRISIS --database \(path)
                  yswd history GP-ACCESS --database \(path)
                  yswd loops --digest --database \(path)
                  yswd check MH-CRISIS --database \(path)
                  yswd publish GP-ACCESS --format easy-read --out gp-access-easy-read.html --database \(path)
                  yswd followups GP-ACCESS --out followups/ --database \(path)
                  yswd site --out site/ --database \(path)
                """)
            let rules = await LoopRules(settings: try store.settings())
            let rows = await rules.outstanding(try store.loopSummaries(), asOf: today).map(LoopRow.init)
            print("\nOpen feedback loops (yswd loops --database \(path)):\n")
            print(Listing.render(rows, as: .table, empty: "No open feedback loops."), terminator: "")
        }

        /// Publishes and records the GP-ACCESS update as HTML beside the database.
        /// - Returns: the page's path.
        private static func writeSampleUpdate(_ store: any RecordStore, next database: String, today: CalendarDate)
            async throws -> String
        {
            let snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: today)
            let publication = try UpdateRenderer().render(snapshot, as: .html)
            _ = try PrivacyGuard.review(PrivacyGuard.scan(snapshot), allowing: [])
            let path = URL(fileURLWithPath: database).deletingLastPathComponent().appending(
                path: "gp-access-update.html"
            )
            .path
            try OutputPaths.write(publication.bytes, to: path)
            try await store.recordUpdate(
                ref: "GP-ACCESS",
                UpdateRecording(
                    snapshot: snapshot, format: PublishFormat.html.rawValue, channels: [.web], bytes: publication.bytes,
                    sha256: publication.sha256, data: publication.data, quotes: publication.quotes, waivers: []))
            return path
        }

        private static func temporaryDatabasePath() throws -> String {
            let folder = FileManager.default.temporaryDirectory.appending(
                path: "yswd-demo-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return folder.appending(path: "yswd.sqlite").path()
        }
    }
}
