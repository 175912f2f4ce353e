import FeedbackLoop
import GRDB

extension EngagementStore {
    /// Runs `change` and, when it changed what any theme's answer is or says (its statement, easy-read
    /// wording, decisions or explanation, or the theme itself), records `reason` against each such
    /// theme. Once the activity has a recorded update, such a change needs a reason: without one it
    /// is refused, and the transaction rolls back.
    /// - Throws: ``StoreError/reasonRequired(activity:update:themes:)``.
    @discardableResult
    static func answerChange<T>(
        _ db: Database, activityId: Int64, activityRef: String, subject: String, reason: String?,
        _ change: () throws -> T
    ) throws -> T {
        let before = try answerSignatures(db, activityId: activityId)
        let result = try change()
        let after = try answerSignatures(db, activityId: activityId)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        try recordReason(
            db, activityId: activityId, activityRef: activityRef, themes: changed, subject: subject, reason: reason)
        return result
    }

    /// Records `reason` against `themes`; refuses a change with none once an update was recorded.
    static func recordReason(
        _ db: Database, activityId: Int64, activityRef: String, themes: [String], subject: String, reason: String?
    ) throws {
        guard !themes.isEmpty else { return }
        guard let reason else {
            if let update = try Int.fetchOne(
                db, sql: "SELECT max(number) FROM publishedUpdate WHERE activityId = ?", arguments: [activityId])
            {
                throw StoreError.reasonRequired(activity: activityRef, update: update, themes: themes)
            }
            return
        }
        for theme in themes {
            try db.execute(
                sql: """
                    INSERT INTO changeReason (activityId, themeKey, subject, reason, at, actor)
                    VALUES (?, ?, ?, ?, yswd_now(), yswd_actor())
                    """, arguments: [activityId, theme, subject, reason])
        }
    }

    /// The reasons given for changes to the activity's answers, oldest first: all of them, or
    /// those of one theme, or those since a time (UTC, as history records times).
    public func changeReasons(activity ref: String, theme: String? = nil, since: String? = nil) throws
        -> [ChangeReason]
    {
        try reading { db in
            try Self.changeReasons(
                db, activityId: try Self.activityId(db, ref: ref), theme: theme, since: since, until: nil)
        }
    }

    static func changeReasons(_ db: Database, activityId: Int64, theme: String?, since: String?, until: String?)
        throws -> [ChangeReason]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT themeKey, subject, reason, at, actor FROM changeReason
                WHERE activityId = ? AND (? IS NULL OR themeKey = ?) AND (? IS NULL OR at >= ?)
                  AND (? IS NULL OR at < ?)
                ORDER BY at, id
                """, arguments: [activityId, theme, theme, since, since, until, until]
        ).map { ChangeReason(theme: $0[0], subject: $0[1], reason: $0[2], at: $0[3], actor: $0[4]) }
    }
}
