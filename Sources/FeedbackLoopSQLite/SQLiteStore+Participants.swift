import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Records a participant and, apart from them, their private contact details.
    @discardableResult
    public func addParticipant(_ participant: Participant, contact: ParticipantContact) async throws -> Participant {
        var participant = participant
        participant.ref = try EntryRules.identifier(participant.ref, field: .argument("REF"))
        let contact = try contact.checked(against: nil)
        return try await writing { [participant] db in
            var participant = participant
            if try Participant.rows.filter(Column("ref") == participant.ref).fetchCount(db) > 0 {
                throw StoreError.duplicateParticipant(participant.ref)
            }
            try participant.insert(db)
            var contact = contact
            contact.participantId = try participant.id.saved()
            if !contact.isEmpty { try contact.insert(db) }
            return participant
        }
    }

    /// Changes a participant's consents and contact details in one transaction.
    public func updateParticipant(
        ref: String, _ change: @escaping @Sendable (inout Participant, inout ParticipantContact) throws -> Void
    ) async throws {
        try await writing { db in
            var participant = try Self.participant(db, ref: ref)
            if participant.isErased { throw StoreError.participantErased(ref) }
            let stored = try Stored<ParticipantContact>.fetchOne(db, key: participant.id.saved())?.value
            var contact = try stored ?? ParticipantContact(participantId: participant.id.saved())
            try change(&participant, &contact)
            contact = try contact.checked(against: stored)
            participant.ref = ref
            contact.participantId = try participant.id.saved()
            try participant.update(db)
            switch (stored, contact.isEmpty) {
            case (nil, false): try contact.insert(db)
            case (let old?, false) where old != contact: try contact.update(db)
            case (_?, true): try contact.delete(db)
            default: break
            }
        }
    }

    /// Participants, ordered by ref; `wantsFeedback` keeps only those who asked to hear back.
    public func participants(wantsFeedback: Bool) async throws -> [ParticipantSummary] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT participant.*, participantContact.email, participantContact.phone,
                           participantContact.address, participantContact.prefers, participantContact.name,
                           participantContact.salutation,
                           (SELECT count(*) FROM contribution WHERE participantId = participant.id) AS contributions
                    FROM participant LEFT JOIN participantContact ON participantContact.participantId = participant.id
                    WHERE participant.wantsFeedback OR NOT ?
                    ORDER BY participant.ref
                    """, arguments: [wantsFeedback]
            ).map { row in
                let contact = ParticipantContact(
                    participantId: try row.read("id"), name: try row.read("name"), email: try row.read("email"),
                    phone: try row.read("phone"), address: try row.read("address"), prefers: try row.read("prefers"),
                    salutation: try row.read("salutation"))
                return ParticipantSummary(
                    ref: try row.read("ref"), wantsFeedback: try row.read("wantsFeedback"),
                    mayQuote: try row.read("mayQuote"),
                    prefers: contact.prefers, contactOnFile: contact.kindsOnFile,
                    contributions: try row.read("contributions"),
                    erased: try row.read("erasedAt", as: String?.self) != nil)
            }
        }
    }

    /// Erases a participant's contact details, and every trace of them in history. With
    /// `contributions`, also redacts the text of what they said; their theme links and counts stay.
    ///
    /// Afterwards the write-ahead log is checkpointed so no copy of the details stays in the files.
    /// History records the erasure as incomplete until that is done.
    /// - Throws: ``ErasureIncomplete`` when another connection's read kept the checkpoint from
    ///   finishing within ``erasureTimeout``: the record is erased, but a copy may remain in the files
    ///   until ``finishErasure(ref:)`` succeeds.
    @discardableResult
    public func eraseParticipant(ref: String, contributions: Bool) async throws -> ErasureReport {
        let report = try await writing { db -> ErasureReport in
            var participant = try Self.participant(db, ref: ref)
            let id = try participant.id.saved()
            let contact = try Stored<ParticipantContact>.fetchOne(db, key: id)?.value
            // An upload waiting to be imported, or a form kept after a session expired, that holds their
            // details goes too.
            for detail in [contact?.email, contact?.phone].compactMap({ $0 }) where !detail.isEmpty {
                try db.execute(
                    sql: "DELETE FROM importUpload WHERE instr(content, CAST(? AS BLOB)) > 0", arguments: [detail])
            }
            // (A draft is JSON: each detail is looked for as JSON writes it.)
            for detail in [contact?.email, contact?.phone, contact?.name, contact?.address].compactMap({ $0 })
            where !detail.isEmpty {
                let written = String(decoding: try JSONEncoder().encode(detail), as: UTF8.self)
                try db.execute(
                    sql: "DELETE FROM formDraft WHERE instr(fields, ?) > 0",
                    arguments: [String(written.dropFirst().dropLast())])
            }
            try db.execute(
                sql: "DELETE FROM formDraft WHERE instr(fields, ?) > 0",
                arguments: [String(decoding: try JSONEncoder().encode(ref), as: UTF8.self)])
            let contactRemoved = try Stored<ParticipantContact>.deleteOne(db, key: id)
            if participant.erasedAt == nil {
                participant.erasedAt = self.now
                try participant.update(db)
            }
            var redacted = 0
            var updatesRedacted = 0
            if contributions {
                updatesRedacted = try Self.redactQuotes(db, participantId: id, at: self.now)
                try db.execute(
                    sql: "UPDATE contribution SET text = ? WHERE participantId = ? AND text <> ?",
                    arguments: [StorePolicy.erasedText, id, StorePolicy.erasedText])
                redacted =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM contribution WHERE participantId = ?", arguments: [id]) ?? 0
                try db.execute(
                    sql: """
                        UPDATE history SET redactedAt = ?,
                            before = CASE WHEN before IS NULL THEN NULL ELSE json_set(before, '$.text', ?) END,
                            after = CASE WHEN after IS NULL THEN NULL ELSE json_set(after, '$.text', ?) END
                        WHERE entity = 'contribution'
                          AND entityId IN (SELECT id FROM contribution WHERE participantId = ?)
                        """, arguments: [self.now, StorePolicy.erasedText, StorePolicy.erasedText, id])
                // A quote's translations are their words too: gone, and their history with them.
                try db.execute(
                    sql: """
                        DELETE FROM translation WHERE key IN (SELECT 'quote:' || id FROM contribution WHERE participantId = ?);
                        UPDATE history SET redactedAt = ?,
                            before = CASE WHEN before IS NULL THEN NULL
                                     ELSE json_set(before, '$.text', ?, '$.source', ?) END,
                            after = CASE WHEN after IS NULL THEN NULL ELSE json_set(after, '$.text', ?, '$.source', ?) END
                        WHERE entity = 'translation'
                          AND coalesce(json_extract(after, '$.key'), json_extract(before, '$.key'))
                              IN (SELECT 'quote:' || id FROM contribution WHERE participantId = ?)
                        """,
                    arguments: [
                        id, self.now, StorePolicy.erasedText, StorePolicy.erasedText, StorePolicy.erasedText,
                        StorePolicy.erasedText, id,
                    ])
            }
            try db.execute(
                sql: """
                    UPDATE history SET redactedAt = ?,
                        before = CASE WHEN before IS NULL THEN NULL ELSE json_object('participant', ?, 'erased', json('true')) END,
                        after = CASE WHEN after IS NULL THEN NULL ELSE json_object('participant', ?, 'erased', json('true')) END
                    WHERE entity = 'participantContact' AND entityId = ?
                    """, arguments: [self.now, ref, ref, id])
            let entries =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM history WHERE redactedAt IS NOT NULL AND "
                        + "((entity = 'participantContact' AND entityId = ?) OR (entity = 'contribution' AND "
                        + "entityId IN (SELECT id FROM contribution WHERE participantId = ?) AND ?))",
                    arguments: [id, id, contributions]) ?? 0
            try db.execute(
                sql: """
                    INSERT INTO history (at, actor, action, entity, entityId, before, after)
                    VALUES (?, ?, 'insert', 'erasure', ?, NULL,
                        json_object('participant', ?, 'contributions', json(?), 'complete', json('false')))
                    """, arguments: [self.now, self.actor, id, ref, contributions ? "true" : "false"])
            return ErasureReport(
                contactRemoved: contactRemoved, contributionsRedacted: redacted, historyEntriesRedacted: entries,
                updatesRedacted: updatesRedacted)
        }
        guard try await checkpointErasure(ref: ref) else { throw ErasureIncomplete(ref: ref, report: report) }
        return report
    }

    /// Finishes an erasure that ``eraseParticipant(ref:contributions:)`` could not: removes the
    /// last copies of the erased values from the database files.
    /// - Returns: whether an incomplete erasure was finished (false when none was waiting).
    /// - Throws: ``ErasureIncomplete`` when another connection still keeps the files from being
    ///   cleaned; ``StoreError/notErased(_:)`` for a participant who was never erased.
    @discardableResult
    public func finishErasure(ref: String) async throws -> Bool {
        let pending = try await reading { db in
            let participant = try Self.participant(db, ref: ref)
            guard participant.isErased else { throw StoreError.notErased(ref) }
            return try Self.erasurePending(db, participantId: participant.id.saved())
        }
        try await removeAllUploads()
        guard try await checkpointErasure(ref: ref) else { throw ErasureIncomplete(ref: ref, report: nil) }
        return pending
    }

    private static func erasurePending(_ db: Database, participantId: Int64) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT json_extract(after, '$.complete') = 0 FROM history
                WHERE entity = 'erasure' AND entityId = ? ORDER BY id DESC LIMIT 1
                """, arguments: [participantId]) ?? false
    }

    /// Copies every page out of the write-ahead log into the main file and empties the log, so the
    /// erased values are nowhere in the files (secure_delete zeroes them in the pages), then records
    /// the erasure as complete. False when another connection's read kept it from finishing.
    private func checkpointErasure(ref: String) async throws -> Bool {
        do {
            _ = try await writingWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(Int(StorePolicy.erasureTimeout * 1000))")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(StorePolicy.busyTimeout * 1000))") }
                return try db.checkpoint(.truncate)
            }
        } catch StoreError.database(_, busy: true) {
            return false
        }
        try await writing { db in
            let id = try Self.participant(db, ref: ref).id.saved()
            guard try Self.erasurePending(db, participantId: id) else { return }
            try db.execute(
                sql: """
                    INSERT INTO history (at, actor, action, entity, entityId, before, after)
                    VALUES (?, ?, 'update', 'erasure', ?, json_object('participant', ?, 'complete', json('false')),
                        json_object('participant', ?, 'complete', json('true')))
                    """, arguments: [self.now, self.actor, id, ref, ref])
        }
        return true
    }
}
