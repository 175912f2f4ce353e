import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// The team's settings: stored values over the defaults.
    public func settings() async throws -> TeamSettings {
        try await reading { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> TeamSettings {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
        return TeamSettings(
            stored: Dictionary(
                uniqueKeysWithValues: try rows.map {
                    (try $0.read("key", as: String.self), try $0.read("value", as: String.self))
                }))
    }

    /// Changes a setting, checking the value first; the change is recorded in history.
    /// - Returns: the settings after the change.
    @discardableResult
    public func setSetting(_ key: TeamSettings.Key, to value: String) async throws -> TeamSettings {
        try await writing { db in
            var settings = try Self.settings(db)
            try settings.set(key, to: value)
            if key == .defaultOrganisation { _ = try Self.organisation(db, key: value) }
            try db.execute(
                sql:
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [key.rawValue, settings.value(of: key) ?? value])
            return settings
        }
    }

    /// Returns a setting to its default (a text setting to not set); history records the change.
    @discardableResult
    public func unsetSetting(_ key: TeamSettings.Key) async throws -> TeamSettings {
        try await writing { db in
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key.rawValue])
            return try Self.settings(db)
        }
    }
}
