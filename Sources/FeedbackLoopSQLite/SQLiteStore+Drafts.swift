import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Keeps a form for the account whose session expired as it was sent, replacing any draft of
    /// theirs: fields are `[name, value]` pairs, secrets already left out.
    public func keepDraft(userId: Int64, path: String, fields: [[String]]) async throws {
        let json = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        try await writing { db in
            try db.execute(
                sql: "DELETE FROM formDraft WHERE userId = ? OR createdAt <= ?",
                arguments: [userId, Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.draftLifetime))])
            try db.execute(
                sql: "INSERT INTO formDraft (userId, path, fields, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [userId, path, json, self.now])
        }
    }

    /// The account's draft, while it is kept.
    public func draft(userId: Int64) async throws -> FormDraft? {
        try await reading { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM formDraft WHERE userId = ? AND createdAt > ? ORDER BY id DESC LIMIT 1
                        """,
                    arguments: [userId, Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.draftLifetime))])
            else { return nil }
            let fields = try JSONDecoder().decode(
                [[String]].self, from: Data((try row.read("fields", as: String.self)).utf8))
            return FormDraft(
                id: try row.read("id"), path: try row.read("path"), fields: fields, createdAt: try row.read("createdAt")
            )
        }
    }

    /// Deletes the account's draft: sent, or not wanted.
    public func removeDraft(userId: Int64) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM formDraft WHERE userId = ?", arguments: [userId]) }
    }
}
