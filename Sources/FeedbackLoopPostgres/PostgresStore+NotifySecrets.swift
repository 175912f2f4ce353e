import FeedbackLoopStore
import Foundation
import PostgresNIO

/// The Notify API key and receipts token, in their own table, out of history but for their name.
extension PostgresStore {
    public func setNotifySecret(_ name: NotifySecretName, _ value: String?) async throws {
        let now = Self.timestamp(clock())
        let shown = value.map { "…" + $0.suffix(4) }
        let action = value == nil ? "delete" : "update"
        try await writing { session in
            if let value {
                try await session.execute(
                    """
                    INSERT INTO notifySecret (name, value, setAt) VALUES (\(name.rawValue), \(value), \(now))
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value, setAt = excluded.setAt
                    """)
            } else {
                try await session.execute("DELETE FROM notifySecret WHERE name = \(name.rawValue)")
            }
            // History names the secret and shows its last four characters, never the rest.
            try await session.execute(
                """
                INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
                VALUES (yswd_now(), yswd_actor(), \(action), 'notifySecret', NULL, NULL, NULL,
                        json_build_object('name', \(name.rawValue)::text, 'value', \(shown)::text))
                """)
        }
    }

    public func notifySecret(_ name: NotifySecretName) async throws -> String? {
        try await reading { session in
            try await session.value(
                "value", as: String.self, "SELECT value FROM notifySecret WHERE name = \(name.rawValue)")
        }
    }
}
