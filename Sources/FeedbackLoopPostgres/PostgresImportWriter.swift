import FeedbackLoop
import FeedbackLoopStore
import Foundation
import NIOCore
import PostgresNIO

/// The write phase of one import on PostgreSQL: the staged rows copied into temporary tables (gone
/// when the transaction ends), then set-based statements from them into the record, as on SQLite.
struct PostgresImportWriter {
    let session: PostgresSession
    let activityId: Int64
    let activityRef: String
    let source: ImportSource
    let actor: String
    let now: String
    let columns: (id: String?, themes: String?)
    var report = ImportReport()

    init(
        session: PostgresSession, activityRef: String, source: ImportSource, actor: String, now: String,
        columns: (id: String?, themes: String?)
    ) async throws {
        self.session = session
        self.activityRef = activityRef
        self.source = source
        self.actor = actor
        self.now = now
        self.columns = columns
        activityId = try await PostgresStore.activityId(session, ref: activityRef)
    }

    static let contactPrefix = "contact: "

    /// What stands for a person the file names only by contact details, as on SQLite.
    static func contactKey(email: String?, phone: String?) -> String {
        if let email { return contactPrefix + "email " + email.lowercased() }
        return contactPrefix + "phone " + String((phone ?? "").filter(\.isNumber))
    }

    mutating func write(createThemes: Bool) async throws -> ImportReport {
        try await checkParticipants()
        try await findPeopleByContact()
        let batch = try await PostgresBatch.start(
            session, kind: "import", description: source.name, actor: actor, at: now)
        try await writeThemes(create: createThemes, batchId: batch.id)
        try await writeParticipants(batchId: batch.id)
        try await writeContributions(batchId: batch.id)
        if report.themesCreated > 0 {
            try await session.execute(
                """
                UPDATE activitySearch SET themes = coalesce(
                    (SELECT string_agg(said, ' ' ORDER BY id) FROM theme WHERE activityId = \(activityId)), '')
                WHERE activityId = \(activityId)
                """)
        }
        var details: [(String, PostgresBatch.Detail)] = [
            ("file", .text(source.name)), ("sha256", .text(source.sha256)), ("rows", .number(Int64(report.rows))),
            ("added", .number(Int64(report.added))), ("skipped", .number(Int64(report.skipped))),
            ("blankCells", .number(Int64(report.blankCells))),
            ("participantsCreated", .number(Int64(report.participantsCreated))),
            ("themesCreated", .number(Int64(report.themesCreated))), ("leftOut", .number(Int64(report.leftOut.rows))),
        ]
        if report.leftOut.rows > 0 {
            details.append(("leftOutRows", .text(report.leftOut.problems.map(\.sentence).joined(separator: "\n"))))
        }
        try await batch.record(session, activityId: activityId, actor: actor, at: now, details: details)
        report.batchId = batch.id
        return report
    }

    /// An erased participant cannot be given new details or contributions.
    private func checkParticipants() async throws {
        if let row = try await session.rows(
            """
            SELECT staged.line, staged.ref FROM importPerson AS staged JOIN participant ON participant.ref = staged.ref
            WHERE participant.erasedAt IS NOT NULL ORDER BY staged.line LIMIT 1
            """
        ).first {
            throw ImportRowError(
                line: Int(try row.read("line", as: Int64.self)),
                problem:
                    "participant '\(try row.read("ref", as: String.self))' has been erased and cannot be given new details"
            )
        }
    }

    /// People the file names only by contact details are the participants with that contact, or new ones.
    private func findPeopleByContact() async throws {
        let staged = try await session.rows(
            "SELECT * FROM importPerson WHERE starts_with(ref, \(Self.contactPrefix)) ORDER BY line")
        guard !staged.isEmpty else { return }
        var known: [String: String] = [:]
        for row in try await session.rows(
            """
            SELECT participant.ref, contact.email, contact.phone FROM participantContact AS contact
            JOIN participant ON participant.id = contact.participantId
            WHERE participant.erasedAt IS NULL AND (contact.email IS NOT NULL OR contact.phone IS NOT NULL)
            ORDER BY participant.id
            """)
        {
            let ref: String = try row.read("ref")
            for key in [
                (try row.read("email", as: String?.self)).map { Self.contactKey(email: $0, phone: nil) },
                (try row.read("phone", as: String?.self)).map { Self.contactKey(email: nil, phone: $0) },
            ].compactMap({ $0 }) where known[key] == nil {
                known[key] = ref
            }
        }
        for row in staged {
            let key: String = try row.read("ref")
            let phoneKey = (try row.read("phone", as: String?.self)).map { Self.contactKey(email: nil, phone: $0) }
            let ref = known[key] ?? phoneKey.flatMap { known[$0] } ?? Self.newParticipantRef()
            known[key] = ref
            try await session.execute("UPDATE importRow SET participantRef = \(ref) WHERE participantRef = \(key)")
            try await session.execute("DELETE FROM importPerson WHERE ref = \(key)")
            try await session.execute(
                """
                INSERT INTO importPerson (ref, line, wantsFeedback, mayQuote, email, phone)
                VALUES (\(ref), \(try row.read("line", as: Int64.self)), \(try row.read("wantsFeedback", as: Int64?.self)),
                        \(try row.read("mayQuote", as: Int64?.self)), \(try row.read("email", as: String?.self)),
                        \(try row.read("phone", as: String?.self)))
                ON CONFLICT (ref) DO UPDATE SET wantsFeedback = coalesce(excluded.wantsFeedback, importPerson.wantsFeedback),
                    mayQuote = coalesce(excluded.mayQuote, importPerson.mayQuote),
                    email = coalesce(excluded.email, importPerson.email), phone = coalesce(excluded.phone, importPerson.phone)
                """)
        }
    }

    private static func newParticipantRef() -> String {
        let hex = String(UInt64.random(in: 0..<(1 << 40)), radix: 16)
        return "p-" + String(repeating: "0", count: 10 - hex.count) + hex
    }

    /// Checks every theme key named, creating the unknown ones when asked.
    private mutating func writeThemes(create: Bool, batchId: Int64) async throws {
        let unknown = try await session.rows(
            """
            SELECT key, min(line) AS line FROM (SELECT unnest(themeKeys) AS key, line FROM importRow) AS named
            WHERE NOT EXISTS (SELECT 1 FROM theme WHERE activityId = \(activityId) AND theme.key = named.key)
            GROUP BY key ORDER BY min(line), key COLLATE "C"
            """)
        guard let first = unknown.first else { return }
        guard create else {
            let known = try await session.values(
                "key", as: String.self,
                "SELECT key FROM theme WHERE activityId = \(activityId) ORDER BY key COLLATE \"C\""
            ).joined(separator: ", ")
            throw ImportRowError(
                line: Int(try first.read("line", as: Int64.self)), column: columns.themes,
                problem: "'\(try first.read("key", as: String.self))' is not a theme of \(activityRef)"
                    + (known.isEmpty ? "" : " (its themes are: \(known))"), remedy: .createThemes)
        }
        for row in unknown {
            let key: String = try row.read("key")
            try await session.execute(
                "INSERT INTO theme (activityId, key, said, batchId) VALUES (\(activityId), \(key), \(key), \(batchId))")
        }
        report.themesCreated = unknown.count
    }

    /// Each participant named in the file is written once, with the last consent and details given.
    private mutating func writeParticipants(batchId: Int64) async throws {
        try await session.execute(
            """
            UPDATE participant SET wantsFeedback = coalesce(staged.wantsFeedback, participant.wantsFeedback),
                mayQuote = coalesce(staged.mayQuote, participant.mayQuote), batchId = \(batchId)
            FROM importPerson AS staged
            WHERE participant.ref = staged.ref AND (staged.wantsFeedback IS NOT NULL OR staged.mayQuote IS NOT NULL)
            """)
        report.participantsCreated = try await session.count(
            """
            WITH made AS (
                INSERT INTO participant (ref, wantsFeedback, mayQuote, batchId)
                SELECT ref, coalesce(wantsFeedback, 0), coalesce(mayQuote, 0), \(batchId) FROM importPerson AS staged
                WHERE NOT EXISTS (SELECT 1 FROM participant WHERE participant.ref = staged.ref) ORDER BY line
                RETURNING 1)
            SELECT count(*) AS n FROM made
            """)
        try await session.execute(
            """
            INSERT INTO participantContact (participantId, email, phone, batchId, language)
            SELECT participant.id, staged.email, staged.phone, \(batchId),
                nullif(coalesce(spoken.language, \(source.language)::text), '')
            FROM importPerson AS staged JOIN participant ON participant.ref = staged.ref
            LEFT JOIN (SELECT participantRef, max(language) AS language FROM importRow
                WHERE \(source.languageColumn) AND language IS NOT NULL GROUP BY participantRef) AS spoken
                ON spoken.participantRef = staged.ref
            WHERE staged.email IS NOT NULL OR staged.phone IS NOT NULL
            ON CONFLICT (participantId) DO UPDATE SET email = coalesce(excluded.email, participantContact.email),
                phone = coalesce(excluded.phone, participantContact.phone), batchId = excluded.batchId,
                language = coalesce(participantContact.language, excluded.language)
            """)
        // (An import gives emails and phone numbers only: the words contacts are found by, from names
        // and addresses, do not change.)
        let reach = try await session.rows(
            """
            SELECT coalesce(sum(participant.wantsFeedback), 0)::bigint AS asked, count(*) AS contactable
            FROM importPerson AS staged JOIN participant ON participant.ref = staged.ref
            WHERE staged.email IS NOT NULL OR staged.phone IS NOT NULL
            """
        ).first
        report.canHearBack = Int(try reach?.read("asked", as: Int64.self) ?? 0)
        report.contactWithoutAsking = Int(try reach?.read("contactable", as: Int64.self) ?? 0) - report.canHearBack
    }

    /// Writes the staged rows to the record; rows already imported are skipped and counted.
    private mutating func writeContributions(batchId: Int64) async throws {
        let last =
            try await session.value(
                "last", as: Int64.self, "SELECT last FROM contributionCounter WHERE activityId = \(activityId)") ?? 0
        report.added = try await session.count(
            """
            WITH made AS (
                INSERT INTO contribution (activityId, participantId, text, method, received, sourceId, sourceColumn,
                    themeLinks, batchId, number, language)
                SELECT \(activityId), participant.id, staged.text, staged.method, staged.received, staged.sourceId,
                    staged.sourceColumn, coalesce(cardinality(staged.themeKeys), 0), \(batchId),
                    \(last) + row_number() OVER (ORDER BY staged.position),
                    nullif(coalesce(staged.language, \(source.language)::text), '')
                FROM importRow AS staged LEFT JOIN participant ON participant.ref = staged.participantRef
                WHERE NOT EXISTS (
                    SELECT 1 FROM contribution AS earlier WHERE earlier.activityId = \(activityId)
                        AND earlier.sourceId = staged.sourceId AND earlier.sourceColumn = staged.sourceColumn)
                ORDER BY staged.position
                ON CONFLICT (activityId, sourceId, sourceColumn) DO NOTHING
                RETURNING 1)
            SELECT count(*) AS n FROM made
            """)
        if report.added > 0 {
            try await session.execute(
                """
                INSERT INTO contributionCounter (activityId, last)
                SELECT \(activityId), max(number) FROM contribution WHERE activityId = \(activityId)
                ON CONFLICT (activityId) DO UPDATE SET last = greatest(contributionCounter.last, excluded.last)
                """)
        }
        report.skipped = try await session.count("SELECT count(*) AS n FROM importRow") - report.added
        if report.skipped > 0 { try await checkRepeatedIds() }
        try await session.execute(
            """
            INSERT INTO themeContribution (themeId, contributionId, batchId)
            SELECT theme.id, contribution.id, \(batchId)
            FROM importRow AS staged
            JOIN contribution ON contribution.activityId = \(activityId) AND contribution.sourceId = staged.sourceId
                AND contribution.sourceColumn = staged.sourceColumn AND contribution.batchId = \(batchId)
            CROSS JOIN LATERAL unnest(staged.themeKeys) AS named(themeKey)
            JOIN theme ON theme.activityId = \(activityId) AND theme.key = named.themeKey
            """)
    }

    /// A source id (and column) staged twice is an error naming both lines.
    private func checkRepeatedIds() async throws {
        guard
            let repeated = try await session.rows(
                """
                SELECT sourceId, first, line FROM (
                    SELECT sourceId, line, first_value(line) OVER source AS first, row_number() OVER source AS use
                    FROM importRow WINDOW source AS (PARTITION BY sourceId, sourceColumn ORDER BY position)) AS uses
                WHERE use = 2 ORDER BY line LIMIT 1
                """
            ).first
        else { return }
        throw ImportRowError(
            line: Int(try repeated.read("line", as: Int64.self)), column: columns.id,
            problem: "the response id '\(try repeated.read("sourceId", as: String.self))' was already used on line"
                + " \(try repeated.read("first", as: Int64.self)); each response needs its own id")
    }
}
