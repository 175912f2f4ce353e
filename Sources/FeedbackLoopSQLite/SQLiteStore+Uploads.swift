import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Keeps an upload until it is imported or abandoned; returns its id. Uploads past their
    /// lifetime are deleted first: they hold what participants said.
    public func keepUpload(activity ref: String, userId: Int64, fileName: String, content: Data) async throws -> String
    {
        let id = UUID().uuidString.lowercased()
        try await writing { db in
            try Self.removeOldUploads(db, now: self.clock())
            try db.execute(
                sql: """
                    INSERT INTO importUpload (id, activityId, userId, fileName, content, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, try Self.activityId(db, ref: ref), userId, fileName, content, self.now])
        }
        return id
    }

    /// The upload with this id, for this activity and account; nil when it was imported,
    /// abandoned or expired.
    public func upload(id: String, activity ref: String, userId: Int64) async throws -> PendingUpload? {
        try await reading { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT importUpload.* FROM importUpload JOIN activity ON activity.id = importUpload.activityId
                        WHERE importUpload.id = ? AND activity.ref = ? AND userId = ? AND createdAt > ?
                        """,
                    arguments: [
                        id, ref, userId, Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.uploadLifetime)),
                    ])
            else { return nil }
            let choices = (try row.read("choices", as: String?.self)).flatMap {
                try? JSONDecoder().decode([String: [String]].self, from: Data($0.utf8))
            }
            return PendingUpload(
                id: try row.read("id"), activityRef: ref, userId: try row.read("userId"),
                fileName: try row.read("fileName"),
                content: try row.read("content"), choices: choices ?? [:], createdAt: try row.read("createdAt"))
        }
    }

    /// Keeps the choices made so far, so the import can be continued from any server.
    public func keepUploadChoices(id: String, _ choices: [String: [String]]) async throws {
        let json = String(decoding: try JSONEncoder().encode(choices), as: UTF8.self)
        try await writing { db in
            try db.execute(sql: "UPDATE importUpload SET choices = ? WHERE id = ?", arguments: [json, id])
        }
    }

    /// Deletes an upload: imported, or abandoned.
    public func removeUpload(id: String) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM importUpload WHERE id = ?", arguments: [id]) }
    }

    /// Deletes uploads past their lifetime, and drafts past theirs: what a server does as it starts.
    public func sweepPrivateLeftovers() async throws {
        try await writing { db in
            try Self.removeOldUploads(db, now: self.clock())
            try db.execute(
                sql: "DELETE FROM formDraft WHERE createdAt <= ?",
                arguments: [Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.draftLifetime))])
        }
    }

    /// Deletes every upload waiting to be imported, whoever's: an erasure being finished may not
    /// leave what participants said in one.
    public func removeAllUploads() async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM importUpload") }
    }

    static func removeOldUploads(_ db: Database, now: Date) throws {
        try db.execute(
            sql: "DELETE FROM importUpload WHERE createdAt <= ?",
            arguments: [timestamp(now.addingTimeInterval(-StorePolicy.uploadLifetime))])
    }

    /// What the team said each value of a method column means, from earlier imports.
    public func methodMappings() async throws -> [String: EngagementMethod] {
        try await reading { db in
            var map: [String: EngagementMethod] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT value, method FROM methodMapping") {
                if let method = EngagementMethod(rawValue: try row.read("method")) {
                    map[try row.read("value")] = method
                }
            }
            return map
        }
    }

    /// Remembers what values of a method column mean, for the next import. Values are kept in
    /// lower case with spaces collapsed, as imports match them.
    public func rememberMethodMappings(_ map: [String: EngagementMethod]) async throws {
        guard !map.isEmpty else { return }
        try await writing { db in
            for (value, method) in map.sorted(by: { $0.key < $1.key }) {
                let key = value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !key.isEmpty else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO methodMapping (value, method) VALUES (?, ?)
                        ON CONFLICT (value) DO UPDATE SET method = excluded.method WHERE method <> excluded.method
                        """, arguments: [key, method.rawValue])
            }
        }
    }
}
