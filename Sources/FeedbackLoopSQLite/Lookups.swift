import FeedbackLoop
import FeedbackLoopStore
import GRDB

/// Lookups by the names users type, each failing with the message a user can act on.
extension SQLiteStore {
    static func activity(_ db: Database, ref: String) throws -> Activity {
        guard let activity = try Activity.rows.filter(Column("ref") == ref).one(db) else {
            throw StoreError.unknownActivity(ref)
        }
        return activity
    }

    static func activityId(_ db: Database, ref: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM activity WHERE ref = ?", arguments: [ref]) else {
            throw StoreError.unknownActivity(ref)
        }
        return id
    }

    static func theme(_ db: Database, activityId: Int64, activityRef: String, key: String) throws -> Theme {
        guard let theme = try Theme.rows.filter(Column("activityId") == activityId && Column("key") == key).one(db)
        else {
            let known = try String.fetchAll(
                db, sql: "SELECT key FROM theme WHERE activityId = ? ORDER BY key", arguments: [activityId])
            throw StoreError.unknownTheme(activity: activityRef, key: key, known: known)
        }
        return theme
    }

    static func decision(_ db: Database, activityId: Int64, activityRef: String, key: String) throws -> Decision {
        guard
            var decision = try Decision.rows.filter(Column("activityId") == activityId && Column("key") == key)
                .one(db)
        else {
            let known = try String.fetchAll(
                db, sql: "SELECT key FROM decision WHERE activityId = ? ORDER BY key", arguments: [activityId])
            throw StoreError.unknownDecision(activity: activityRef, key: key, known: known)
        }
        decision.responds = try responses(db, decisionId: decision.id.saved())
        return decision
    }

    static func responses(_ db: Database, decisionId: Int64) throws -> [ThemeResponse] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT theme.key, decisionTheme.outcome FROM decisionTheme
                JOIN theme ON theme.id = decisionTheme.themeId
                WHERE decisionTheme.decisionId = ? ORDER BY theme.key
                """, arguments: [decisionId]
        ).map { ThemeResponse(theme: try $0.read("key"), outcome: try $0.read("outcome")) }
    }

    static func participant(_ db: Database, ref: String) throws -> Participant {
        guard let participant = try Participant.rows.filter(Column("ref") == ref).one(db) else {
            throw StoreError.unknownParticipant(ref)
        }
        return participant
    }

    /// The ids of the contributions a selection names by their numbers in the activity.
    static func contributionIds(
        _ db: Database, _ selections: [ContributionSelection], activityId: Int64, activityRef: String
    ) throws -> [Int64] {
        var ids: [Int64] = []
        for selection in selections {
            let bounds = selection.bounds
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id FROM contribution WHERE activityId = ? AND number BETWEEN ? AND ? ORDER BY number
                    """, arguments: [activityId, bounds.lowerBound, bounds.upperBound])
            if rows.isEmpty {
                if case .single(let id) = selection { throw StoreError.unknownContribution(id) }
                throw StoreError.emptyContributionRange(
                    from: bounds.lowerBound, to: bounds.upperBound, activity: activityRef)
            }
            ids += try rows.map { try $0.read("id", as: Int64.self) }
        }
        return ids
    }
}
