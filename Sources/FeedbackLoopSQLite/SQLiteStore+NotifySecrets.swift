import FeedbackLoopStore
import Foundation
import GRDB

/// The Notify API key and receipts token, in their own table, out of history but for their name.
extension SQLiteStore {
    public func setNotifySecret(_ name: NotifySecretName, _ value: String?) async throws {
        let now = Self.timestamp(clock())
        try await writing { db in
            if let value {
                try db.execute(
                    sql: """
                        INSERT INTO notifySecret (name, value, setAt) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, setAt = excluded.setAt
                        """, arguments: [name.rawValue, value, now])
            } else {
                try db.execute(sql: "DELETE FROM notifySecret WHERE name = ?", arguments: [name.rawValue])
            }
            // History names the secret and shows its last four characters, never the rest.
            try db.execute(
                sql: """
                    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
                    VALUES (yswd_now(), yswd_actor(), ?, 'notifySecret', NULL, NULL, NULL, json_object('name', ?, 'value', ?))
                    """,
                arguments: [
                    value == nil ? "delete" : "update", name.rawValue, value.map { "…" + $0.suffix(4) },
                ])
        }
    }

    public func notifySecret(_ name: NotifySecretName) async throws -> String? {
        try await reading { db in
            try String.fetchOne(db, sql: "SELECT value FROM notifySecret WHERE name = ?", arguments: [name.rawValue])
        }
    }
}
