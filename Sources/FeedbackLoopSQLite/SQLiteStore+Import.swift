import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Imports a stream of survey rows into an activity: all or nothing, in two phases.
    ///
    /// First every row is read, checked and staged in temporary tables (on disk, so memory stays
    /// flat at any size) without taking the database's write lock: other commands can write while a
    /// large file is parsed. Then one short transaction writes participants, their contact details,
    /// contributions and theme links, under one batch, so history has one entry for the import.
    ///
    /// Rows already imported (same source id and column) are skipped and counted; a source id
    /// repeated within the file is an error naming both lines. Unknown participants are created;
    /// contact details go to their private record. Theme keys must exist unless `createThemes`.
    /// Every row with a value the record cannot take is listed (``InvalidRows``) and nothing is
    /// written, unless `skipInvalid`: then those rows are left out and history lists their lines.
    /// - Parameter dryRun: check everything and report, then roll back.
    public func importContributions(
        activity ref: String, rows: inout some ImportedRowStream, source: ImportSource, createThemes: Bool,
        skipInvalid: Bool, dryRun: Bool,
        progress: @escaping @Sendable (_ fraction: Double, _ rows: Int) -> Void
    ) async throws -> ImportReport {
        let stream = HandedOver(rows)
        defer { rows = stream.value }
        var report = try await writingWithoutTransaction { db in
            var report = ImportReport()
            var staging = try ImportStaging(db)
            defer { staging.drop() }
            var invalid = InvalidRows(problems: [], rows: 0)
            // Phase 1: only the temporary tables are written, so no lock is taken on the record. The
            // file is read on another thread meanwhile.
            let pipeline = ImportPipeline(stream)
            defer { pipeline.finish() }
            try db.inTransaction(.deferred) {
                while let batch = pipeline.next() {
                    for item in batch.items {
                        switch item {
                        case .row(let row):
                            try staging.stage(row)
                            if staging.rows % 1000 == 0 { progress(batch.progress, staging.rows) }
                        case .invalid(let bad):
                            invalid.rows += bad.rows
                            if invalid.problems.count < Self.problemsKept { invalid.problems += bad.problems }
                        }
                    }
                    if let failure = batch.failure { throw failure }
                }
                return .commit
            }
            pipeline.finish()
            if invalid.rows > 0 && !skipInvalid { throw invalid }
            // Phase 2: the one write, with a larger page cache so the record's indexes are updated
            // in memory: the lock is held as briefly as possible.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA main.cache_size") ?? -2000
            try db.execute(sql: "PRAGMA main.cache_size = \(Self.importCacheSize)")
            defer { try? db.execute(sql: "PRAGMA main.cache_size = \(cacheSize)") }
            try db.inTransaction(.immediate) {
                var writer = try ImportWriter(
                    db: db, activityRef: ref, source: source, actor: self.actor, now: self.now, staged: staging,
                    columns: (stream.value.idColumn, stream.value.themeColumn))
                writer.report.leftOut = invalid
                writer.report.rows += invalid.rows
                report = try writer.write(createThemes: createThemes)
                return dryRun ? .rollback : .commit
            }
            return report
        }
        if dryRun { report.batchId = nil }
        return report
    }
}

extension SQLiteStore {
    /// The page cache of an import's write phase, in SQLite's units (negative: KiB): 48 MiB.
    static let importCacheSize = -49_152
    /// How many problems an import keeps to list (the count of bad rows is always exact).
    static let problemsKept = 1000
}
