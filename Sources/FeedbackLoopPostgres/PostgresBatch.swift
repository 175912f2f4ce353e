import FeedbackLoopStore
import PostgresNIO

/// A bulk write (an import, a bulk theme link), as on SQLite: its rows carry its id, so the
/// row-level history triggers skip them, and history records the whole write once.
struct PostgresBatch {
    let id: Int64
    let kind: String

    /// Starts a bulk write inside the current transaction.
    static func start(
        _ session: PostgresSession, kind: String, description: String, actor: String, at: String
    ) async throws -> PostgresBatch {
        guard
            let id = try await session.value(
                "id", as: Int64.self,
                """
                INSERT INTO batch (kind, description, actor, at) VALUES (\(kind), \(description), \(actor), \(at))
                RETURNING id
                """)
        else { throw StoreError.unreadable(column: "batch.id") }
        return PostgresBatch(id: id, kind: kind)
    }

    /// Records the bulk write in history, once: its kind and what it did, in the order given
    /// (each value a text or a whole number).
    func record(
        _ session: PostgresSession, activityId: Int64?, actor: String, at: String, details: [(String, Detail)]
    ) async throws {
        var bindings = PostgresBindings()
        bindings.append(at)
        bindings.append(actor)
        bindings.append(id)
        bindings.append(activityId)
        bindings.append(kind)
        var pairs: [String] = []
        for (name, value) in details {
            switch value {
            case .text(let text): bindings.append(text)
            case .number(let number): bindings.append(number)
            }
            pairs.append("'\(name)', $\(bindings.count)")
        }
        try await session.execute(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after, batchId)
                    VALUES ($1, $2, 'batch', 'batch', $3, $4, NULL,
                            json_build_object('kind', $5::text, \(pairs.joined(separator: ", ")))::text, $3)
                    """, binds: bindings))
    }

    enum Detail {
        case text(String)
        case number(Int64)
    }
}
