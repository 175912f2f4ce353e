import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// Activities whose title, purpose or themes contain every word of `text` (full-text search,
    /// best matches first), at most `limit`.
    public func searchActivities(_ text: String, limit: Int) async throws -> [Activity] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(20)
        guard !words.isEmpty else { return [] }
        // Each word as a quoted prefix term, so nothing typed is read as search syntax.
        let query = words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ")
        return try await reading { db in
            try Stored<Activity>.fetchAll(
                db,
                sql: """
                    SELECT activity.* FROM activitySearch JOIN activity ON activity.id = activitySearch.rowid
                    WHERE activitySearch MATCH ? ORDER BY rank LIMIT ?
                    """, arguments: [query, limit]
            ).map(\.value)
        }
    }
}

extension SQLiteStore {
    /// The refs of the activities changed since ``changeToken()`` returned `token`, and of those
    /// removed; nil when a change since then may touch any activity (a setting, a participant's
    /// details, a bulk write across activities), or when there are too many to list.
    public func activitiesChanged(since token: Int64, limit: Int) async throws -> (changed: [String], removed: [Int64])?
    {
        try await reading { db in
            let ids = try Int64?.fetchAll(
                db, sql: "SELECT DISTINCT activityId FROM history WHERE id > ? LIMIT ?", arguments: [token, limit + 1])
            guard ids.count <= limit, !ids.contains(where: { $0 == nil }) else { return nil }
            let known = ids.compactMap { $0 }
            guard !known.isEmpty else { return ([], []) }
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, ref FROM activity WHERE id IN (\(known.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(known))
            let present = Set(try rows.map { try $0.read("id", as: Int64.self) })
            return (try rows.map { try $0.read("ref", as: String.self) }, known.filter { !present.contains($0) })
        }
    }
}
