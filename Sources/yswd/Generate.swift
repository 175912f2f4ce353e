import ArgumentParser
import FeedbackLoop
import FeedbackLoopPostgres
import FeedbackLoopSQLite
import FeedbackLoopStore
import FeedbackLoopSynthetic
import Foundation

extension Yswd {
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill an empty database with a realistic synthetic record, for trials and benchmarks.",
            discussion: HelpText.reflowed(
                """
                Activities in every loop state with dates around today, contributions, themes, decisions,
                explanations and participants (with example.org contact details). The same seed gives the same
                record. Written as one batch: history holds one entry for it.

                Example:
                  yswd init --database big.sqlite
                  yswd generate --activities 10000 --contributions 1000000 --seed 7 \\
                    --database big.sqlite
                """))

        @Option(help: "How many activities.")
        var activities: Int
        @Option(help: "How many contributions, shared unevenly among the activities that have opened.")
        var contributions: Int
        @Option(help: "The random seed (default 1).")
        var seed: UInt64 = 1
        @Option(help: "Date the record around this day (YYYY-MM-DD; default: today in the team's time zone).")
        var asOf: String?
        @Flag(help: "Add to a database that already holds data.")
        var force = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            _ = try EntryRules.number(activities, field: .entry("activities"), in: 1...1_000_000)
            _ = try EntryRules.number(contributions, field: .entry("contributions"), in: 0...100_000_000)
            let asOf = try Parse.date(asOf, field: .entry("as-of"))
            let started = Date()
            let report: GenerateReport
            if case .postgres(let server) = try store.address {
                report = try await generate(into: server, asOf: asOf)
            } else {
                let store = try store.openFile(for: "yswd generate", instead: "give --database a file name")
                let today: CalendarDate = if let asOf { asOf } else { try await store.settings().today() }
                report = try await store.generate(
                    activities: activities, contributions: contributions, seed: seed, today: today, force: force)
            }
            let counts = [
                counted(report.activities, "activity", plural: "activities"),
                counted(report.contributions, "contribution"), counted(report.participants, "participant"),
                counted(report.themes, "theme"), counted(report.decisions, "decision"),
                counted(report.explanations, "explanation"),
            ]
            print(
                "Generated \(counts.joined(separator: ", ")), with \(counted(report.updates, "recorded update")), "
                    + "as batch \(report.batchId) "
                    + String(format: "in %.1f s.", Date().timeIntervalSince(started)))
        }

        /// On PostgreSQL the record is built in a scratch SQLite file, then copied into the database in
        /// one transaction, as `yswd copy` does: the database must hold no record yet.
        private func generate(into server: PostgresAddress, asOf: CalendarDate?) async throws -> GenerateReport {
            let target = try await PostgresStore.open(server, mode: .existing, actor: store.actorName).store
            defer { target.close() }
            for table in RecordLayout.tables where try await target.rowCount(of: table) > 0 {
                throw ServerError.notOnThisEngine(
                    what: "adding to a record (yswd generate --force)",
                    instead: "\(target.shownAddress) already holds one; generate into an empty database")
            }
            let today: CalendarDate = if let asOf { asOf } else { try await target.settings().today() }
            let folder = FileManager.default.temporaryDirectory.appending(path: "yswd-generate-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let scratch = try SQLiteStore.open(
                path: folder.appending(path: "record.sqlite").path, mode: .createIfMissing, actor: store.actorName
            ).store
            let report = try await scratch.generate(
                activities: activities, contributions: contributions, seed: seed, today: today)
            _ = try await RecordCopy.copy(from: scratch, to: target)
            return report
        }
    }
}
