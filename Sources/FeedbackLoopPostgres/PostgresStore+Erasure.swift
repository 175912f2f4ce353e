import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The tables an erased detail may have been in; `VACUUM FULL` rewrites them so no old version
    /// of a row (PostgreSQL keeps them until vacuumed) still holds it.
    static let erasureTables = [
        "participantContact", "contactKey", "history", "contribution", "importUpload", "formDraft", "publishedUpdate",
        "updateRendition", "publishedQuote", "participant", "translation",
    ]

    /// Erases a participant's contact details, and every trace of them in history; with
    /// `contributions`, also the text of what they said. Then rewrites the tables that held them, so
    /// no old row version keeps a copy (``finishErasure(ref:)`` does it again if it could not).
    @discardableResult
    public func eraseParticipant(ref: String, contributions: Bool) async throws -> ErasureReport {
        let erasedText = StorePolicy.erasedText
        let report = try await writing { session -> ErasureReport in
            let participant = try await Self.participant(session, ref: ref)
            let id = try participant.id.saved()
            let contact = try await session.one(
                ParticipantContact.self, "SELECT * FROM participantContact WHERE participantId = \(id)")
            for detail in [contact?.email, contact?.phone].compactMap({ $0 }) where !detail.isEmpty {
                try await session.execute(
                    "DELETE FROM importUpload WHERE position(convert_to(\(detail), 'UTF8') in content) > 0")
            }
            // (A draft is JSON: each detail is looked for as JSON writes it.)
            var written: [String] = []
            for detail in [contact?.email, contact?.phone, contact?.name, contact?.address].compactMap({ $0 })
            where !detail.isEmpty {
                written.append(
                    String(String(decoding: try JSONEncoder().encode(detail), as: UTF8.self).dropFirst().dropLast()))
            }
            written.append(String(decoding: try JSONEncoder().encode(ref), as: UTF8.self))
            for text in written { try await session.execute("DELETE FROM formDraft WHERE strpos(fields, \(text)) > 0") }
            let contactRemoved =
                try await session.count(
                    "WITH gone AS (DELETE FROM participantContact WHERE participantId = \(id) RETURNING 1) SELECT count(*) AS n FROM gone"
                ) > 0
            try await session.execute("DELETE FROM contactKey WHERE participantId = \(id)")
            if participant.erasedAt == nil {
                try await session.execute("UPDATE participant SET erasedAt = \(now) WHERE id = \(id)")
            }
            var redacted = 0
            var updatesRedacted = 0
            if contributions {
                updatesRedacted = try await Self.redactQuotes(session, participantId: id, at: now)
                try await session.execute(
                    "UPDATE contribution SET text = \(erasedText) WHERE participantId = \(id) AND text <> \(erasedText)"
                )
                redacted = try await session.count("SELECT count(*) AS n FROM contribution WHERE participantId = \(id)")
                try await session.execute(
                    """
                    UPDATE history SET redactedAt = \(now),
                        before = CASE WHEN before IS NULL THEN NULL
                                 ELSE jsonb_set(before::jsonb, '{text}', to_jsonb(\(erasedText)::text))::text END,
                        after = CASE WHEN after IS NULL THEN NULL
                                ELSE jsonb_set(after::jsonb, '{text}', to_jsonb(\(erasedText)::text))::text END
                    WHERE entity = 'contribution'
                      AND entityId IN (SELECT id FROM contribution WHERE participantId = \(id))
                    """)
                // A quote's translations are their words too: gone, and their history with them.
                try await session.execute(
                    "DELETE FROM translation WHERE key IN (SELECT 'quote:' || id FROM contribution WHERE participantId = \(id))"
                )
                try await session.execute(
                    """
                    UPDATE history SET redactedAt = \(now),
                        before = CASE WHEN before IS NULL THEN NULL
                                 ELSE (before::jsonb || jsonb_build_object('text', \(erasedText)::text,
                                     'source', \(erasedText)::text))::text END,
                        after = CASE WHEN after IS NULL THEN NULL
                                ELSE (after::jsonb || jsonb_build_object('text', \(erasedText)::text,
                                    'source', \(erasedText)::text))::text END
                    WHERE entity = 'translation'
                      AND coalesce(after::jsonb ->> 'key', before::jsonb ->> 'key')
                          IN (SELECT 'quote:' || id FROM contribution WHERE participantId = \(id))
                    """)
            }
            try await session.execute(
                """
                UPDATE history SET redactedAt = \(now),
                    before = CASE WHEN before IS NULL THEN NULL
                             ELSE json_build_object('participant', \(ref)::text, 'erased', true)::text END,
                    after = CASE WHEN after IS NULL THEN NULL
                            ELSE json_build_object('participant', \(ref)::text, 'erased', true)::text END
                WHERE entity = 'participantContact' AND entityId = \(id)
                """)
            let entries = try await session.count(
                """
                SELECT count(*) AS n FROM history WHERE redactedAt IS NOT NULL AND
                    ((entity = 'participantContact' AND entityId = \(id)) OR (entity = 'contribution' AND
                     entityId IN (SELECT id FROM contribution WHERE participantId = \(id)) AND \(contributions)))
                """)
            try await session.execute(
                """
                INSERT INTO history (at, actor, action, entity, entityId, before, after)
                VALUES (\(now), \(actor), 'insert', 'erasure', \(id), NULL,
                    json_build_object('participant', \(ref)::text, 'contributions', \(contributions), 'complete', false)::text)
                """)
            return ErasureReport(
                contactRemoved: contactRemoved, contributionsRedacted: redacted, historyEntriesRedacted: entries,
                updatesRedacted: updatesRedacted)
        }
        guard try await rewriteErasedTables(ref: ref) else { throw ErasureIncomplete(ref: ref, report: report) }
        return report
    }

    /// Finishes an erasure that ``eraseParticipant(ref:contributions:)`` could not.
    @discardableResult
    public func finishErasure(ref: String) async throws -> Bool {
        let pending = try await reading { session in
            let participant = try await Self.participant(session, ref: ref)
            guard participant.isErased else { throw StoreError.notErased(ref) }
            return try await Self.erasurePending(session, participantId: participant.id.saved())
        }
        try await removeAllUploads()
        guard try await rewriteErasedTables(ref: ref) else { throw ErasureIncomplete(ref: ref, report: nil) }
        return pending
    }

    private static func erasurePending(_ session: PostgresSession, participantId: Int64) async throws -> Bool {
        try await session.value(
            "pending", as: Bool.self,
            """
            SELECT (after::jsonb ->> 'complete') = 'false' AS pending FROM history
            WHERE entity = 'erasure' AND entityId = \(participantId) ORDER BY id DESC LIMIT 1
            """) ?? false
    }

    /// `VACUUM FULL` of the tables erased details were in, then the erasure recorded as complete.
    /// False when other sessions held the tables for longer than ``StorePolicy/erasureTimeout``.
    private func rewriteErasedTables(ref: String) async throws -> Bool {
        do {
            try await mappingErrors {
                try await client.withConnection { connection in
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "SET lock_timeout = '\(Int(StorePolicy.erasureTimeout))s'"),
                        logger: logger)
                    for table in Self.erasureTables {
                        let before = try await Self.files(of: table, connection, logger: logger)
                        try await connection.query(PostgresQuery(unsafeSQL: "VACUUM FULL \(table)"), logger: logger)
                        // Each rewritten table (and the TOAST table of its long values) is in new files;
                        // the old ones are emptied as the rewrite commits. Files that stayed would
                        // still hold what was erased: the erasure is then not complete.
                        let after = try await Self.files(of: table, connection, logger: logger)
                        guard Set(before).isDisjoint(with: after) else {
                            throw StoreError.database(message: "\(table) was not rewritten", busy: true)
                        }
                    }
                    try await connection.query("RESET lock_timeout", logger: logger)
                }
            }
        } catch StoreError.database(_, busy: true) {
            return false
        }
        try await writing { session in
            let id = try await Self.participant(session, ref: ref).id.saved()
            guard try await Self.erasurePending(session, participantId: id) else { return }
            try await session.execute(
                """
                INSERT INTO history (at, actor, action, entity, entityId, before, after)
                VALUES (\(now), \(actor), 'update', 'erasure', \(id),
                    json_build_object('participant', \(ref)::text, 'complete', false)::text,
                    json_build_object('participant', \(ref)::text, 'complete', true)::text)
                """)
        }
        return true
    }

    /// The file numbers of a table and of its TOAST table.
    private static func files(of table: String, _ connection: PostgresConnection, logger: Logger) async throws
        -> [Int64]
    {
        let name = table.lowercased()
        return try await connection.query(
            """
            SELECT pg_relation_filenode(oid)::bigint AS node FROM pg_class
            WHERE oid = \(name)::regclass OR oid = (SELECT reltoastrelid FROM pg_class WHERE oid = \(name)::regclass)
            """, logger: logger
        ).collect().map { try $0.decode(Int64.self) }
    }

    /// Replaces an erased participant's quotes in every published update and rendition.
    static func redactQuotes(_ session: PostgresSession, participantId: Int64, at now: String) async throws -> Int {
        let quotes = try await session.rows(
            "SELECT updateId, inData, published, redacted, renditionId FROM publishedQuote WHERE participantId = \(participantId)"
        )
        var updates = Set<Int64>()
        for quote in quotes {
            let updateId = try quote.read("updateId", as: Int64.self)
            let published = try quote.read("published", as: String.self)
            let redacted = try quote.read("redacted", as: String.self)
            if let rendition = try quote.read("renditionId", as: Int64?.self) {
                try await session.execute(
                    """
                    UPDATE updateRendition
                    SET content = convert_to(replace(convert_from(content, 'UTF8'), \(published), \(redacted)), 'UTF8'),
                        redactedAt = \(now)
                    WHERE id = \(rendition)
                    """)
            } else if try quote.read("inData", as: Int64.self) != 0 {
                try await session.execute(
                    """
                    UPDATE publishedUpdate
                    SET data = convert_to(replace(convert_from(data, 'UTF8'), \(published), \(redacted)), 'UTF8'),
                        redactedAt = \(now)
                    WHERE id = \(updateId)
                    """)
            } else {
                try await session.execute(
                    """
                    UPDATE publishedUpdate
                    SET content = convert_to(replace(convert_from(content, 'UTF8'), \(published), \(redacted)), 'UTF8'),
                        redactedAt = \(now)
                    WHERE id = \(updateId)
                    """)
            }
            updates.insert(updateId)
        }
        try await session.execute("DELETE FROM publishedQuote WHERE participantId = \(participantId)")
        return updates.count
    }
}
