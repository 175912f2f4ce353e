import FeedbackLoop
import FeedbackLoopStore
import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Imports a stream of survey rows into an activity: all or nothing. The file is read on a
    /// dispatch thread and staged with `COPY`, as it is read, into temporary tables that only this
    /// transaction sees; once every row is read and checked, the record is written by the same
    /// set-based statements as on SQLite, under one batch, so history has one entry for the import.
    /// Other writes wait only for that last part. With `dryRun`, everything is checked and reported,
    /// then rolled back.
    public func importContributions(
        activity ref: String, rows: inout some ImportedRowStream, source: ImportSource, createThemes: Bool,
        skipInvalid: Bool, dryRun: Bool, progress: @escaping @Sendable (_ fraction: Double, _ rows: Int) -> Void
    ) async throws -> ImportReport {
        let columns = (id: rows.idColumn, themes: rows.themeColumn)
        let feed = ImportFeed(rows)
        feed.start(progress: progress)
        let result: Result<ImportReport, any Error>
        do {
            result = .success(
                try await writing(takingTurn: false) { session in
                    var writer = try await PostgresImportWriter(
                        session: session, activityRef: ref, source: source, actor: actor, now: now, columns: columns)
                    try await writer.createStaging()
                    try await writer.stageRows(from: feed)
                    let found = feed.outcome
                    if found.invalid.rows > 0 && !skipInvalid { throw found.invalid }
                    try await writer.stagePeople(found)
                    try await session.takeTurn()
                    writer.report.leftOut = found.invalid
                    writer.report.rows += found.invalid.rows
                    let report = try await writer.write(createThemes: createThemes)
                    if dryRun { throw DryRun.report(report) }
                    return report
                })
        } catch DryRun.report(var report) {
            report.batchId = nil
            result = .success(report)
        } catch {
            result = .failure(error)
        }
        feed.stop()
        await feed.finished()
        rows = feed.rest
        return try result.get()
    }

    private enum DryRun: Error { case report(ImportReport) }
}
