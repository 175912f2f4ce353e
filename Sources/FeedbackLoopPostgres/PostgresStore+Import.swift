import FeedbackLoop
import FeedbackLoopStore
import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Imports a stream of survey rows into an activity: all or nothing. Every row is read and
    /// checked first, then staged with `COPY` into temporary tables that only this transaction sees,
    /// and written by the same set-based statements as on SQLite, under one batch, so history has
    /// one entry for the import. With `dryRun`, everything is checked and reported, then rolled back.
    public func importContributions(
        activity ref: String, rows: inout some ImportedRowStream, source: ImportSource, createThemes: Bool,
        skipInvalid: Bool, dryRun: Bool, progress: @escaping @Sendable (_ fraction: Double, _ rows: Int) -> Void
    ) async throws -> ImportReport {
        // Reading a large file holds a thread for long: not one of Swift's few concurrency threads.
        let stream = StreamBox(rows)
        defer { rows = stream.value }
        let (staged, invalid) = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try Self.read(stream, progress: progress) })
            }
        }
        if invalid.rows > 0 && !skipInvalid { throw invalid }
        let columns = (id: rows.idColumn, themes: rows.themeColumn)
        let leftOut = invalid
        let staging = staged
        do {
            return try await writing { session in
                var writer = try await PostgresImportWriter(
                    session: session, activityRef: ref, source: source, actor: actor, now: now, columns: columns)
                try await writer.stage(staging)
                writer.report.leftOut = leftOut
                writer.report.rows += leftOut.rows
                let report = try await writer.write(createThemes: createThemes)
                if dryRun { throw DryRun.report(report) }
                return report
            }
        } catch DryRun.report(var report) {
            report.batchId = nil
            return report
        }
    }

    private enum DryRun: Error { case report(ImportReport) }

    /// Every row of the stream, and the rows that cannot be imported.
    private static func read<Stream: ImportedRowStream>(
        _ stream: StreamBox<Stream>, progress: @Sendable (_ fraction: Double, _ rows: Int) -> Void
    ) throws -> (StagedImport, InvalidRows) {
        var staged = StagedImport()
        var invalid = InvalidRows(problems: [], rows: 0)
        while true {
            let row: ImportedRow?
            do { row = try stream.value.next() } catch let bad as InvalidRows {
                invalid.rows += bad.rows
                if invalid.problems.count < 1000 { invalid.problems += bad.problems }
                continue
            }
            guard let row else { break }
            staged.add(row)
            if staged.rows % 1000 == 0 { progress(stream.value.progress, staged.rows) }
        }
        return (staged, invalid)
    }
}

/// A stream handed to the one thread that reads it: the caller waits for that read, so the stream is
/// never used from two threads at once.
private final class StreamBox<Stream>: @unchecked Sendable {
    var value: Stream
    init(_ value: Stream) { self.value = value }
}

/// An import's rows, read and merged before anything is sent: each contribution, and each person
/// with the last consent and details the file gives for them.
struct StagedImport: Sendable {
    struct Person: Sendable {
        var line: Int
        var wantsFeedback: Bool?
        var mayQuote: Bool?
        var email: String?
        var phone: String?
    }

    struct Row: Sendable {
        var line: Int
        var participantRef: String?
        var text: String
        var method: String?
        var received: String?
        var sourceId: String
        var sourceColumn: String
        var themeKeys: [String]
    }

    private(set) var rows = 0
    private(set) var blankCells = 0
    private(set) var contributions: [Row] = []
    private(set) var people: [String: Person] = [:]

    mutating func add(_ row: ImportedRow) {
        rows += 1
        blankCells += row.blankCells
        let key = row.participant.map { $0.ref ?? PostgresImportWriter.contactKey(email: $0.email, phone: $0.phone) }
        if let key, let person = row.participant {
            var merged = people[key] ?? Person(line: row.line)
            merged.wantsFeedback = person.wantsFeedback ?? merged.wantsFeedback
            merged.mayQuote = person.mayQuote ?? merged.mayQuote
            merged.email = person.email ?? merged.email
            merged.phone = person.phone ?? merged.phone
            people[key] = merged
        }
        var keys: [String] = []
        for theme in row.themes where !keys.contains(theme) { keys.append(theme) }
        for contribution in row.contributions {
            contributions.append(
                Row(
                    line: row.line, participantRef: key, text: contribution.text, method: contribution.method?.rawValue,
                    received: contribution.received?.description, sourceId: contribution.sourceId,
                    sourceColumn: contribution.column, themeKeys: keys))
        }
    }
}
