import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Records a participant and, apart from them, their private contact details.
    @discardableResult
    public func addParticipant(_ participant: Participant, contact: ParticipantContact) async throws -> Participant {
        var participant = participant
        participant.ref = try EntryRules.identifier(participant.ref, field: .argument("REF"))
        let contact = try contact.checked(against: nil)
        return try await writing { [participant] session in
            var participant = participant
            if try await session.count("SELECT count(*) AS n FROM participant WHERE ref = \(participant.ref)") > 0 {
                throw StoreError.duplicateParticipant(participant.ref)
            }
            let id = try await Self.insert(participant, into: "participant", session)
            participant.id = id
            var contact = contact
            contact.participantId = id
            if !contact.isEmpty {
                try await session.execute(try RowValues(contact).insert(into: "participantContact"))
                try await Self.writeContactKeys(contact, session)
            }
            return participant
        }
    }

    /// Changes a participant's consents and contact details in one transaction.
    public func updateParticipant(
        ref: String, _ change: @escaping @Sendable (inout Participant, inout ParticipantContact) throws -> Void
    ) async throws {
        try await writing { session in
            var participant = try await Self.participant(session, ref: ref)
            if participant.isErased { throw StoreError.participantErased(ref) }
            let id = try participant.id.saved()
            let stored = try await session.one(
                ParticipantContact.self, "SELECT * FROM participantContact WHERE participantId = \(id)")
            var contact = stored ?? ParticipantContact(participantId: id)
            try change(&participant, &contact)
            contact = try contact.checked(against: stored)
            participant.ref = ref
            contact.participantId = id
            try await session.execute(
                try RowValues(participant, leaving: ["id"]).update("participant", where: { "id = $\($0)" }, [id]))
            switch (stored, contact.isEmpty) {
            case (nil, false):
                try await session.execute(try RowValues(contact).insert(into: "participantContact"))
            case (let old?, false) where old != contact:
                try await session.execute(
                    try RowValues(contact, leaving: ["participantId"]).update(
                        "participantContact", where: { "participantId = $\($0)" }, [id]))
            case (_?, true):
                try await session.execute("DELETE FROM participantContact WHERE participantId = \(id)")
            default: break
            }
            if stored?.name != contact.name || stored?.address != contact.address {
                try await Self.writeContactKeys(contact, session)
            }
        }
    }

    /// Participants, ordered by ref; `wantsFeedback` keeps only those who asked to hear back.
    public func participants(wantsFeedback: Bool) async throws -> [ParticipantSummary] {
        try await reading { session in
            try await session.rows(
                """
                SELECT participant.*, participantContact.email, participantContact.phone,
                       participantContact.address, participantContact.prefers, participantContact.name,
                       participantContact.salutation,
                       (SELECT count(*) FROM contribution WHERE participantId = participant.id) AS contributions
                FROM participant LEFT JOIN participantContact ON participantContact.participantId = participant.id
                WHERE participant.wantsFeedback = 1 OR NOT \(wantsFeedback)
                ORDER BY participant.ref COLLATE "C"
                """
            ).map { row in
                let contact = ParticipantContact(
                    participantId: try row.read("id"), name: try row.read("name"), email: try row.read("email"),
                    phone: try row.read("phone"), address: try row.read("address"),
                    prefers: try row.read("prefers", as: String?.self).map {
                        try PreferredFormat.stored($0, column: "prefers")
                    },
                    salutation: try row.read("salutation"))
                return ParticipantSummary(
                    ref: try row.read("ref"), wantsFeedback: try row.read("wantsFeedback", as: Int64.self) != 0,
                    mayQuote: try row.read("mayQuote", as: Int64.self) != 0, prefers: contact.prefers,
                    contactOnFile: contact.kindsOnFile,
                    contributions: Int(try row.read("contributions", as: Int64.self)),
                    erased: try row.read("erasedAt", as: String?.self) != nil)
            }
        }
    }

    static func participant(_ session: PostgresSession, ref: String) async throws -> Participant {
        guard let participant = try await session.one(Participant.self, "SELECT * FROM participant WHERE ref = \(ref)")
        else { throw StoreError.unknownParticipant(ref) }
        return participant
    }

    /// Inserts a domain value without its id, and gives the id the database chose.
    static func insert<T: Encodable>(_ value: T, into table: String, _ session: PostgresSession) async throws -> Int64 {
        guard
            let id = try await session.value(
                "id", as: Int64.self, try RowValues(value, leaving: ["id"]).insert(into: table, returning: "id"))
        else { throw StoreError.unreadable(column: "\(table).id") }
        return id
    }

    /// The words a contact is found by (``PersonalDetails/lookupKeys(name:address:)``): on SQLite a
    /// trigger keeps them; PostgreSQL cannot call Swift, so the store writes them with each change.
    static func writeContactKeys(_ contact: ParticipantContact, _ session: PostgresSession) async throws {
        try await session.execute("DELETE FROM contactKey WHERE participantId = \(contact.participantId)")
        let keys = PersonalDetails.lookupKeys(name: contact.name, address: contact.address)
        guard !keys.isEmpty else { return }
        try await session.execute(
            """
            INSERT INTO contactKey (key, participantId)
            SELECT DISTINCT unnest(\(keys)::text[]), \(contact.participantId) ON CONFLICT DO NOTHING
            """)
    }
}
