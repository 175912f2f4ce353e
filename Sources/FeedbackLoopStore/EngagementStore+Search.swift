import FeedbackLoop
import GRDB

extension EngagementStore {
    /// Activities whose title, purpose or themes contain every word of `text` (full-text search,
    /// best matches first), at most `limit`.
    public func searchActivities(_ text: String, limit: Int = 200) throws -> [Activity] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(20)
        guard !words.isEmpty else { return [] }
        // Each word as a quoted prefix term, so nothing typed is read as search syntax.
        let query = words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ")
        return try reading { db in
            try Activity.fetchAll(
                db,
                sql: """
                    SELECT activity.* FROM activitySearch JOIN activity ON activity.id = activitySearch.rowid
                    WHERE activitySearch MATCH ? ORDER BY rank LIMIT ?
                    """, arguments: [query, limit])
        }
    }
}
