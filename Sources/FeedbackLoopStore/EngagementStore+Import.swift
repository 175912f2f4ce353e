import FeedbackLoop
import Foundation
import GRDB

/// The file an import reads, as history records it.
public struct ImportSource: Sendable {
    public var name: String
    public var sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}

/// What an import did (or, in a dry run, would do).
public struct ImportReport: Sendable, Equatable {
    public var batchId: Int64?
    public var rows = 0
    public var added = 0
    public var skipped = 0
    public var blankCells = 0
    public var participantsCreated = 0
    public var themesCreated = 0
}

extension EngagementStore {
    /// Imports a stream of survey rows into an activity in one transaction: all or nothing.
    ///
    /// Rows already imported (same source id and column) are skipped and counted. Unknown
    /// participants are created; contact details go to their private record. Theme keys must
    /// exist unless `createThemes`. History gets one entry for the whole import.
    /// - Parameter dryRun: check everything and report, then roll back.
    public func importContributions(
        activity ref: String, rows: inout some ImportedRowStream, source: ImportSource, createThemes: Bool,
        dryRun: Bool = false, progress: (_ fraction: Double, _ rows: Int) -> Void = { _, _ in }
    ) throws -> ImportReport {
        var report = ImportReport()
        try database.writeWithoutTransaction { db in
            try db.inTransaction {
                var writer = try ImportWriter(db: db, activityRef: ref, source: source, actor: actor, now: now)
                while let row = try rows.next() {
                    try writer.write(row, createThemes: createThemes)
                    if writer.report.rows % 1000 == 0 { progress(rows.progress, writer.report.rows) }
                }
                report = try writer.finish()
                return dryRun ? .rollback : .commit
            }
        }
        if dryRun { report.batchId = nil }
        return report
    }
}

/// The prepared statements and lookups of one import.
private struct ImportWriter {
    let db: Database
    let activityId: Int64
    let activityRef: String
    let batch: Batch
    let batchId: Int64
    let source: ImportSource
    let actor: String
    let now: String
    var report = ImportReport()
    var themes: [String: Int64]
    var participants: [String: Int64] = [:]
    let stageRow, findParticipant, insertParticipant, updateParticipant, upsertContact: Statement

    init(db: Database, activityRef: String, source: ImportSource, actor: String, now: String) throws {
        self.db = db
        self.activityRef = activityRef
        self.source = source
        self.actor = actor
        self.now = now
        activityId = try EngagementStore.activityId(db, ref: activityRef)
        themes = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT key, id FROM theme WHERE activityId = ?", arguments: [activityId]
            )
            .map { ($0["key"], $0["id"]) })
        batch = try Batch.start(db, kind: "import", description: source.name, actor: actor, at: now)
        batchId = batch.id
        // Rows are staged in a temporary table with no indexes, then written to the record in one
        // INSERT … SELECT, the way the sqlite3 shell imports: far faster than a row at a time.
        try db.execute(
            sql: """
                CREATE TEMP TABLE importRow (participantId INTEGER, text TEXT, method TEXT, received TEXT,
                    sourceId TEXT, sourceColumn TEXT, themeIds TEXT)
                """)
        stageRow = try db.makeStatement(sql: "INSERT INTO temp.importRow VALUES (?, ?, ?, ?, ?, ?, ?)")
        findParticipant = try db.makeStatement(sql: "SELECT id, erasedAt FROM participant WHERE ref = ?")
        insertParticipant = try db.makeStatement(
            sql: "INSERT INTO participant (ref, wantsFeedback, mayQuote, batchId) VALUES (?, ?, ?, ?)")
        updateParticipant = try db.makeStatement(
            sql: """
                UPDATE participant SET wantsFeedback = coalesce(?, wantsFeedback), mayQuote = coalesce(?, mayQuote),
                    batchId = ? WHERE id = ?
                """)
        upsertContact = try db.makeStatement(
            sql: """
                INSERT INTO participantContact (participantId, email, phone, batchId) VALUES (?, ?, ?, ?)
                ON CONFLICT (participantId) DO UPDATE SET email = coalesce(excluded.email, email),
                    phone = coalesce(excluded.phone, phone), batchId = excluded.batchId
                """)
    }

    mutating func write(_ row: ImportedRow, createThemes: Bool) throws {
        report.rows += 1
        report.blankCells += row.blankCells
        let participantId = try row.participant.map { try participant($0, line: row.line) }
        var themeIds: [Int64] = []
        for key in row.themes {
            themeIds.append(try theme(key, line: row.line, create: createThemes))
        }
        let links = Set(themeIds).sorted()
        let themes = links.isEmpty ? nil : "[" + links.map(String.init).joined(separator: ",") + "]"
        for contribution in row.contributions {
            try stageRow.runRaw(
                .integer(participantId), .text(contribution.text), .text(contribution.method?.rawValue),
                .text(contribution.received?.description), .text(contribution.sourceId), .text(contribution.column),
                .text(themes), in: db)
        }
    }

    /// Writes the staged rows to the record; rows already imported are skipped and counted.
    private mutating func writeStaged() throws {
        let staged = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.importRow") ?? 0
        try db.execute(
            sql: """
                INSERT INTO contribution (activityId, participantId, text, method, received, sourceId, sourceColumn,
                    themeLinks, batchId)
                SELECT ?1, participantId, text, method, received, sourceId, sourceColumn,
                    coalesce(json_array_length(themeIds), 0), ?2
                FROM temp.importRow ORDER BY rowid
                ON CONFLICT (activityId, sourceId, sourceColumn) DO NOTHING
                """, arguments: [activityId, batchId])
        report.added = db.changesCount
        report.skipped = staged - report.added
        try db.execute(
            sql: """
                INSERT INTO themeContribution (themeId, contributionId, batchId)
                SELECT theme.value, contribution.id, ?2
                FROM temp.importRow AS staged
                JOIN contribution ON contribution.activityId = ?1 AND contribution.sourceId = staged.sourceId
                    AND contribution.sourceColumn = staged.sourceColumn AND contribution.batchId = ?2,
                    json_each(staged.themeIds) AS theme
                WHERE staged.themeIds IS NOT NULL
                """, arguments: [activityId, batchId])
        try db.execute(sql: "DROP TABLE temp.importRow")
    }

    private mutating func participant(_ person: ImportedParticipant, line: Int) throws -> Int64 {
        var id = participants[person.ref]
        if id == nil, let row = try Row.fetchOne(findParticipant, arguments: [person.ref]) {
            if row["erasedAt"] as String? != nil {
                throw ImportRowError(
                    line: line, problem: "participant '\(person.ref)' has been erased and cannot be given new details")
            }
            id = row["id"]
        }
        if let existing = id {
            if person.wantsFeedback != nil || person.mayQuote != nil {
                try updateParticipant.execute(arguments: [person.wantsFeedback, person.mayQuote, batchId, existing])
            }
        } else {
            try insertParticipant.execute(arguments: [
                person.ref, person.wantsFeedback ?? false, person.mayQuote ?? false, batchId,
            ])
            id = db.lastInsertedRowID
            report.participantsCreated += 1
        }
        participants[person.ref] = id
        if person.email != nil || person.phone != nil {
            try upsertContact.execute(arguments: [id, person.email, person.phone, batchId])
        }
        return id!
    }

    private mutating func theme(_ key: String, line: Int, create: Bool) throws -> Int64 {
        if let id = themes[key] { return id }
        guard create else {
            let known = themes.keys.sorted().joined(separator: ", ")
            throw ImportRowError(
                line: line,
                problem: "'\(key)' is not a theme of \(activityRef)"
                    + (known.isEmpty ? "" : " (its themes are: \(known))") + "; add --create-themes to create it")
        }
        try db.execute(
            sql: "INSERT INTO theme (activityId, key, said, batchId) VALUES (?, ?, ?, ?)",
            arguments: [activityId, key, key, batchId])
        themes[key] = db.lastInsertedRowID
        report.themesCreated += 1
        return db.lastInsertedRowID
    }

    /// Refreshes what the batch's rows skipped (the search index) and records the import once in history.
    mutating func finish() throws -> ImportReport {
        try writeStaged()
        if report.themesCreated > 0 {
            try Batch.refreshSearch(db, activities: "id = ?", arguments: [activityId])
        }
        try batch.record(
            db, activityId: activityId, actor: actor, at: now,
            details: [
                "file": source.name, "sha256": source.sha256, "rows": report.rows, "added": report.added,
                "skipped": report.skipped, "blankCells": report.blankCells,
                "participantsCreated": report.participantsCreated, "themesCreated": report.themesCreated,
            ])
        report.batchId = batchId
        return report
    }
}

/// A row the record cannot take, found while writing (an unknown theme, an erased participant).
public struct ImportRowError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var problem: String
    public var description: String { "line \(line): \(problem)" }
}
