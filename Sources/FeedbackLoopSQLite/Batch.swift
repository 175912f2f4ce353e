import FeedbackLoopStore
import GRDB

/// A bulk write (an import, `generate`, a bulk theme link). Its rows carry its id, so the row-level
/// history triggers skip them, and history records the whole write once.
struct Batch {
    let id: Int64
    let kind: String

    /// Starts a bulk write inside the current transaction.
    static func start(_ db: Database, kind: String, description: String, actor: String, at: String) throws -> Batch {
        try db.execute(
            sql: "INSERT INTO batch (kind, description, actor, at) VALUES (?, ?, ?, ?)",
            arguments: [kind, description, actor, at])
        return Batch(id: db.lastInsertedRowID, kind: kind)
    }

    /// Records the bulk write in history, once: its kind and what it did.
    func record(
        _ db: Database, activityId: Int64?, actor: String, at: String,
        details: KeyValuePairs<String, (any DatabaseValueConvertible)?>
    ) throws {
        try record(db, activityId: activityId, actor: actor, at: at, details: details.map { ($0.key, $0.value) })
    }

    /// Records the bulk write in history, once: its kind and what it did, in the order given.
    func record(
        _ db: Database, activityId: Int64?, actor: String, at: String,
        details: [(String, (any DatabaseValueConvertible)?)]
    ) throws {
        let pairs = details.map { "'\($0.0)', ?" }.joined(separator: ", ")
        var arguments: StatementArguments = [at, actor, id, activityId, kind]
        for (_, value) in details { arguments += [value] }
        arguments += [id]
        try db.execute(
            sql: """
                INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after, batchId)
                VALUES (?, ?, 'batch', 'batch', ?, ?, NULL, json_object('kind', ?, \(pairs)), ?)
                """, arguments: arguments)
    }

    /// Brings the search index up to date for activities a bulk write touched (its rows skip the
    /// index triggers).
    static func refreshSearch(_ db: Database, activities condition: String, arguments: StatementArguments) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO activitySearch (rowid, title, purpose, themes)
                SELECT id, title, purpose,
                       coalesce((SELECT group_concat(said, ' ') FROM theme WHERE activityId = activity.id), '')
                FROM activity WHERE \(condition)
                """, arguments: arguments)
    }
}
