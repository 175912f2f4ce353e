import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

/// The write phase of one import: set-based statements from the staged tables into the record.
struct ImportWriter {
    let db: Database
    let activityId: Int64
    let activityRef: String
    let source: ImportSource
    let actor: String
    let now: String
    let staged: ImportStaging
    /// The names of the id and theme columns, for messages.
    let columns: (id: String?, themes: String?)
    var report = ImportReport()

    init(
        db: Database, activityRef: String, source: ImportSource, actor: String, now: String, staged: ImportStaging,
        columns: (id: String?, themes: String?)
    ) throws {
        self.db = db
        self.staged = staged
        self.columns = columns
        self.activityRef = activityRef
        self.source = source
        self.actor = actor
        self.now = now
        activityId = try SQLiteStore.activityId(db, ref: activityRef)
        report.rows = staged.rows
        report.blankCells = staged.blankCells
    }

    mutating func write(createThemes: Bool) throws -> ImportReport {
        try checkParticipants()
        try findPeopleByContact()
        let batch = try Batch.start(db, kind: "import", description: source.name, actor: actor, at: now)
        try writeThemes(create: createThemes, batchId: batch.id)
        try writeParticipants(batchId: batch.id)
        try writeContributions(batchId: batch.id)
        if report.themesCreated > 0 {
            try Batch.refreshSearch(db, activities: "id = ?", arguments: [activityId])
        }
        try batch.record(
            db, activityId: activityId, actor: actor, at: now,
            details: [
                "file": source.name, "sha256": source.sha256, "rows": report.rows, "added": report.added,
                "skipped": report.skipped, "blankCells": report.blankCells,
                "participantsCreated": report.participantsCreated, "themesCreated": report.themesCreated,
                "leftOut": report.leftOut.rows,
                "leftOutRows": report.leftOut.rows > 0
                    ? report.leftOut.problems.map(\.sentence).joined(separator: "\n") : nil,
            ])
        report.batchId = batch.id
        return report
    }

    /// An erased participant cannot be given new details or contributions.
    private func checkParticipants() throws {
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT staged.line, staged.ref FROM temp.importPerson AS staged
                JOIN participant ON participant.ref = staged.ref
                WHERE participant.erasedAt IS NOT NULL ORDER BY staged.line LIMIT 1
                """)
        {
            throw ImportRowError(
                line: try row.read("line"),
                problem:
                    "participant '\(try row.read("ref", as: String.self))' has been erased and cannot be given new details"
            )
        }
    }

    /// People the file names only by an email address or phone number are the participants with
    /// that contact (not erased), or new participants: importing the file again finds the same people.
    private func findPeopleByContact() throws {
        let prefix = ImportStaging.contactPrefix
        let staged = try Row.fetchAll(
            db, sql: "SELECT * FROM temp.importPerson WHERE substr(ref, 1, ?) = ? ORDER BY line",
            arguments: [prefix.count, prefix])
        guard !staged.isEmpty else { return }
        var known: [String: String] = [:]
        let contacts = try Row.fetchCursor(
            db,
            sql: """
                SELECT participant.ref, contact.email, contact.phone FROM participantContact AS contact
                JOIN participant ON participant.id = contact.participantId
                WHERE participant.erasedAt IS NULL AND (contact.email IS NOT NULL OR contact.phone IS NOT NULL)
                ORDER BY participant.id
                """)
        // The first participant recorded with a contact is the one it names.
        while let row = try contacts.next() {
            let ref: String = try row.read("ref")
            for key in [
                (try row.read("email", as: String?.self)).map { ImportStaging.contactKey(email: $0, phone: nil) },
                (try row.read("phone", as: String?.self)).map { ImportStaging.contactKey(email: nil, phone: $0) },
            ].compactMap({ $0 }) where known[key] == nil {
                known[key] = ref
            }
        }
        try db.execute(sql: "CREATE TEMP TABLE importRef (staged TEXT PRIMARY KEY, ref TEXT NOT NULL)")
        let insert = try db.makeStatement(sql: "INSERT INTO temp.importRef (staged, ref) VALUES (?, ?)")
        for row in staged {
            let key: String = try row.read("ref")
            let phoneKey = (try row.read("phone", as: String?.self)).map {
                ImportStaging.contactKey(email: nil, phone: $0)
            }
            let ref = known[key] ?? phoneKey.flatMap { known[$0] } ?? Self.newParticipantRef()
            known[key] = ref
            try insert.execute(arguments: [key, ref])
        }
        try db.execute(
            sql: """
                UPDATE temp.importRow SET participantRef = found.ref FROM temp.importRef AS found
                WHERE importRow.participantRef = found.staged;
                DELETE FROM temp.importPerson WHERE ref IN (SELECT staged FROM temp.importRef);
                """)
        let upsert = try db.makeStatement(sql: ImportStaging.upsertPersonSQL)
        for row in staged {
            let key: String = try row.read("ref")
            try upsert.execute(arguments: [
                known[key], try row.read("line", as: DatabaseValue.self),
                try row.read("wantsFeedback", as: DatabaseValue.self), try row.read("mayQuote", as: DatabaseValue.self),
                try row.read("email", as: DatabaseValue.self), try row.read("phone", as: DatabaseValue.self),
            ])
        }
    }

    /// A reference for a participant known only by contact details: `p-` and ten random hex digits.
    private static func newParticipantRef() -> String {
        let hex = String(UInt64.random(in: 0..<(1 << 40)), radix: 16)
        return "p-" + String(repeating: "0", count: 10 - hex.count) + hex
    }

    /// Checks every theme key named, creating the unknown ones when asked.
    private mutating func writeThemes(create: Bool, batchId: Int64) throws {
        guard staged.themed > 0 else { return }
        let unknown = try Row.fetchAll(
            db,
            sql: """
                SELECT key.value AS key, min(staged.line) AS line FROM temp.importRow AS staged,
                    json_each(staged.themeKeys) AS key
                WHERE staged.themeKeys IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM theme WHERE activityId = ? AND theme.key = key.value)
                GROUP BY key.value ORDER BY min(staged.line), key.value
                """, arguments: [activityId])
        guard let first = unknown.first else { return }
        guard create else {
            let known = try String.fetchAll(
                db, sql: "SELECT key FROM theme WHERE activityId = ? ORDER BY key", arguments: [activityId]
            ).joined(separator: ", ")
            throw ImportRowError(
                line: try first.read("line"), column: columns.themes,
                problem: "'\(try first.read("key", as: String.self))' is not a theme of \(activityRef)"
                    + (known.isEmpty ? "" : " (its themes are: \(known))"), remedy: .createThemes)
        }
        let insert = try db.makeStatement(
            sql: "INSERT INTO theme (activityId, key, said, batchId) VALUES (?, ?, ?, ?)")
        for row in unknown {
            let key: String = try row.read("key")
            try insert.execute(arguments: [activityId, key, key, batchId])
        }
        report.themesCreated = unknown.count
    }

    /// Each participant named in the file is written once, with the last consent and contact
    /// details the file gives for them.
    private mutating func writeParticipants(batchId: Int64) throws {
        try db.execute(
            sql: """
                UPDATE participant SET wantsFeedback = coalesce(staged.wantsFeedback, participant.wantsFeedback),
                    mayQuote = coalesce(staged.mayQuote, participant.mayQuote), batchId = ?
                FROM temp.importPerson AS staged
                WHERE participant.ref = staged.ref AND (staged.wantsFeedback IS NOT NULL OR staged.mayQuote IS NOT NULL)
                """, arguments: [batchId])
        try db.execute(
            sql: """
                INSERT INTO participant (ref, wantsFeedback, mayQuote, batchId)
                SELECT ref, coalesce(wantsFeedback, 0), coalesce(mayQuote, 0), ? FROM temp.importPerson AS staged
                WHERE NOT EXISTS (SELECT 1 FROM participant WHERE participant.ref = staged.ref) ORDER BY line
                """, arguments: [batchId])
        report.participantsCreated = db.changesCount
        // A person hears back in the language their responses were given in: the row's language
        // column where it says, else the file's.
        let spoken =
            source.languageColumn
            ? """
            LEFT JOIN (SELECT participantRef, max(language) AS language FROM temp.importRow
                WHERE language IS NOT NULL GROUP BY participantRef) AS spoken ON spoken.participantRef = staged.ref
            """ : ""
        try db.execute(
            sql: """
                INSERT INTO participantContact (participantId, email, phone, batchId, language)
                SELECT participant.id, staged.email, staged.phone, ?,
                    nullif(coalesce(\(source.languageColumn ? "spoken.language" : "NULL"), ?), '')
                FROM temp.importPerson AS staged JOIN participant ON participant.ref = staged.ref \(spoken)
                WHERE staged.email IS NOT NULL OR staged.phone IS NOT NULL
                ON CONFLICT (participantId) DO UPDATE SET email = coalesce(excluded.email, email),
                    phone = coalesce(excluded.phone, phone), batchId = excluded.batchId,
                    language = coalesce(language, excluded.language)
                """, arguments: [batchId, source.language])
        let reach = try Row.fetchOne(
            db,
            sql: """
                SELECT coalesce(sum(participant.wantsFeedback), 0) AS asked, count(*) AS contactable
                FROM temp.importPerson AS staged JOIN participant ON participant.ref = staged.ref
                WHERE staged.email IS NOT NULL OR staged.phone IS NOT NULL
                """)
        report.canHearBack = try reach?.read("asked", as: Int.self) ?? 0
        report.contactWithoutAsking = (try reach?.read("contactable", as: Int.self) ?? 0) - report.canHearBack
    }

    /// Writes the staged rows to the record; rows already imported are skipped and counted.
    private mutating func writeContributions(batchId: Int64) throws {
        // Numbers follow the activity's last, in file order; answers imported before take none.
        let last =
            try Int64.fetchOne(
                db, sql: "SELECT last FROM contributionCounter WHERE activityId = ?", arguments: [activityId]) ?? 0
        let rows = staged.contributions
        let contiguous =
            try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM temp.importRow") == rows
        let importedBefore =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM contribution WHERE activityId = ? AND sourceId IS NOT NULL)",
                arguments: [activityId]) ?? true
        // The first import into an activity (the usual case) skips no row imported before, so each
        // row's number is its place in the file: no row has to be looked up or counted to number it.
        // A row repeating an id of the file is skipped, which is an error (below): nothing is kept.
        let numbered =
            contiguous && !importedBefore
            ? "?3 + staged.rowid"
            : "?3 + row_number() OVER (ORDER BY staged.rowid)"
        let notImportedBefore =
            contiguous && !importedBefore
            ? "true"
            : """
            NOT EXISTS (
                SELECT 1 FROM contribution AS earlier WHERE earlier.activityId = ?1
                    AND earlier.sourceId = staged.sourceId AND earlier.sourceColumn = staged.sourceColumn)
            """
        // The table's two insert triggers do nothing for these rows, yet SQLite runs each for every row
        // (a third of the write's time): every row has its number, and has the batch's id, so history
        // takes one entry for the whole import (below) rather than one per row. They are set aside for
        // this one statement and put back as they were, in the same transaction: no other connection
        // ever sees the table without them, and a failure rolls both back.
        let quietTriggers = try String.fetchAll(
            db,
            sql: """
                SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contribution'
                    AND name IN ('contribution_number_given', 'contribution_history_insert')
                """)
        try db.execute(
            sql: "DROP TRIGGER IF EXISTS contribution_number_given; DROP TRIGGER IF EXISTS contribution_history_insert")
        try db.execute(
            sql: """
                INSERT INTO contribution (activityId, participantId, text, method, received, sourceId, sourceColumn,
                    themeLinks, batchId, number, language)
                SELECT ?1, participant.id, staged.text, staged.method, staged.received, staged.sourceId,
                    staged.sourceColumn, coalesce(json_array_length(staged.themeKeys), 0), ?2, \(numbered),
                    nullif(coalesce(staged.language, ?4), '')
                FROM temp.importRow AS staged LEFT JOIN participant ON participant.ref = staged.participantRef
                WHERE \(notImportedBefore)
                ORDER BY staged.rowid
                ON CONFLICT (activityId, sourceId, sourceColumn) DO NOTHING
                """, arguments: [activityId, batchId, last, source.language])
        report.added = db.changesCount
        for trigger in quietTriggers { try db.execute(sql: trigger) }
        if report.added > 0 {
            try db.execute(
                sql: """
                    INSERT INTO contributionCounter (activityId, last)
                    SELECT ?1, max(number) FROM contribution WHERE activityId = ?1
                    ON CONFLICT (activityId) DO UPDATE SET last = max(last, excluded.last)
                    """, arguments: [activityId])
        }
        report.skipped = Int(rows) - report.added
        // A row is skipped when its id was imported before, or when it repeats an id of this file:
        // the second is an error naming both lines. (When nothing was skipped, nothing repeats.)
        if report.skipped > 0 { try staged.checkRepeatedIds(column: columns.id) }
        guard staged.themed > 0 else { return }
        try db.execute(
            sql: """
                INSERT INTO themeContribution (themeId, contributionId, batchId)
                SELECT theme.id, contribution.id, ?2
                FROM temp.importRow AS staged
                JOIN contribution ON contribution.activityId = ?1 AND contribution.sourceId = staged.sourceId
                    AND contribution.sourceColumn = staged.sourceColumn AND contribution.batchId = ?2,
                    json_each(staged.themeKeys) AS key
                JOIN theme ON theme.activityId = ?1 AND theme.key = key.value
                WHERE staged.themeKeys IS NOT NULL
                """, arguments: [activityId, batchId])
    }
}
