import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Keeps an upload until it is imported or abandoned; returns its id. Uploads past their
    /// lifetime are deleted first: they hold what participants said.
    public func keepUpload(activity ref: String, userId: Int64, fileName: String, content: Data) async throws -> String
    {
        let id = UUID().uuidString.lowercased()
        try await writing { session in
            try await removeOldUploads(session)
            let activityId = try await Self.activityId(session, ref: ref)
            try await session.execute(
                """
                INSERT INTO importUpload (id, activityId, userId, fileName, content, createdAt)
                VALUES (\(id), \(activityId), \(userId), \(fileName), \(ByteBuffer(bytes: content)), \(now))
                """)
        }
        return id
    }

    /// The upload with this id, for this activity and account; nil when it was imported,
    /// abandoned or expired.
    public func upload(id: String, activity ref: String, userId: Int64) async throws -> PendingUpload? {
        let since = Self.timestamp(clock().addingTimeInterval(-StorePolicy.uploadLifetime))
        return try await reading { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT importUpload.* FROM importUpload JOIN activity ON activity.id = importUpload.activityId
                    WHERE importUpload.id = \(id) AND activity.ref = \(ref) AND userId = \(userId) AND createdAt > \(since)
                    """
                ).first
            else { return nil }
            let choices = try? JSONDecoder().decode(
                [String: [String]].self, from: Data(try row.read("choices", as: String.self).utf8))
            return PendingUpload(
                id: try row.read("id"), activityRef: ref, userId: try row.read("userId"),
                fileName: try row.read("fileName"),
                content: Data(try row.read("content", as: ByteBuffer.self).readableBytesView), choices: choices ?? [:],
                createdAt: try row.read("createdAt"))
        }
    }

    /// Keeps the choices made so far, so the import can be continued from any server.
    public func keepUploadChoices(id: String, _ choices: [String: [String]]) async throws {
        let json = String(decoding: try JSONEncoder().encode(choices), as: UTF8.self)
        try await writing { session in
            try await session.execute("UPDATE importUpload SET choices = \(json) WHERE id = \(id)")
        }
    }

    /// Deletes an upload: imported, or abandoned.
    public func removeUpload(id: String) async throws {
        try await writing { session in try await session.execute("DELETE FROM importUpload WHERE id = \(id)") }
    }

    /// Deletes uploads and drafts past their lifetimes: what a server does as it starts.
    public func sweepPrivateLeftovers() async throws {
        let drafts = Self.timestamp(clock().addingTimeInterval(-StorePolicy.draftLifetime))
        try await writing { session in
            try await removeOldUploads(session)
            try await session.execute("DELETE FROM formDraft WHERE createdAt <= \(drafts)")
        }
    }

    /// Deletes every upload waiting to be imported, whoever's.
    public func removeAllUploads() async throws {
        try await writing { session in try await session.execute("DELETE FROM importUpload") }
    }

    private func removeOldUploads(_ session: PostgresSession) async throws {
        let before = Self.timestamp(clock().addingTimeInterval(-StorePolicy.uploadLifetime))
        try await session.execute("DELETE FROM importUpload WHERE createdAt <= \(before)")
    }

    /// What the team said each value of a method column means, from earlier imports.
    public func methodMappings() async throws -> [String: EngagementMethod] {
        try await reading { session in
            var map: [String: EngagementMethod] = [:]
            for row in try await session.rows("SELECT value, method FROM methodMapping") {
                if let method = EngagementMethod(rawValue: try row.read("method")) {
                    map[try row.read("value")] = method
                }
            }
            return map
        }
    }

    /// Remembers what values of a method column mean, for the next import.
    public func rememberMethodMappings(_ map: [String: EngagementMethod]) async throws {
        guard !map.isEmpty else { return }
        try await writing { session in
            for (value, method) in map.sorted(by: { $0.key < $1.key }) {
                let key = value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !key.isEmpty else { continue }
                try await session.execute(
                    """
                    INSERT INTO methodMapping (value, method) VALUES (\(key), \(method.rawValue))
                    ON CONFLICT (value) DO UPDATE SET method = excluded.method WHERE methodMapping.method <> excluded.method
                    """)
            }
        }
    }
}
