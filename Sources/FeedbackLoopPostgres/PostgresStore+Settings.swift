import FeedbackLoop
import FeedbackLoopStore
import PostgresNIO

extension PostgresStore {
    /// The team's settings: stored values over the defaults.
    public func settings() async throws -> TeamSettings {
        try await reading { session in try await Self.settings(session) }
    }

    static func settings(_ session: PostgresSession) async throws -> TeamSettings {
        let rows = try await session.rows("SELECT key, value FROM setting")
        return TeamSettings(
            stored: Dictionary(
                uniqueKeysWithValues: try rows.map {
                    (try $0.read("key", as: String.self), try $0.read("value", as: String.self))
                }))
    }

    /// Changes a setting, checking the value first; the change is recorded in history.
    @discardableResult
    public func setSetting(_ key: TeamSettings.Key, to value: String) async throws -> TeamSettings {
        try await writing { session in
            var settings = try await Self.settings(session)
            try settings.set(key, to: value)
            if key == .defaultOrganisation { _ = try await Self.organisation(session, key: value) }
            let stored = settings.value(of: key) ?? value
            try await session.execute(
                """
                INSERT INTO setting (key, value) VALUES (\(key.rawValue), \(stored))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
            return settings
        }
    }

    /// Returns a setting to its default; history records the change.
    @discardableResult
    public func unsetSetting(_ key: TeamSettings.Key) async throws -> TeamSettings {
        try await writing { session in
            try await session.execute("DELETE FROM setting WHERE key = \(key.rawValue)")
            return try await Self.settings(session)
        }
    }
}
