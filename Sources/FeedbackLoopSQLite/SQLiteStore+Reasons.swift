import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
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
    public func changeReasons(activity ref: String, theme: String?, since: String?) async throws
        -> [ChangeReason]
    {
        try await reading { db in
            try Self.changeReasons(
                db, activityId: try Self.activityId(db, ref: ref), theme: theme, since: since, until: nil)
        }
    }

    static func changeReasons(_ db: Database, activityId: Int64, theme: String?, since: String?, until: String?)
        throws -> [ChangeReason]
    {
        let reasons = try Row.fetchAll(
            db,
            sql: """
                SELECT themeKey, subject, reason, at, actor FROM changeReason
                WHERE activityId = ? AND (? IS NULL OR themeKey = ?) AND (? IS NULL OR at >= ?)
                  AND (? IS NULL OR at < ?)
                ORDER BY at, id
                """, arguments: [activityId, theme, theme, since, since, until, until]
        ).map {
            ChangeReason(
                theme: try $0.read("themeKey"), subject: try $0.read("subject"), reason: try $0.read("reason"),
                at: try $0.read("at"), actor: try $0.read("actor"))
        }
        return try withChangedFields(db, activityId: activityId, since: since, reasons)
    }

    /// Each reason with what its change changed in its subject, from the history written in the same
    /// transaction: a change's rows come before the reason recorded after it, and after the reason
    /// of the change before.
    private static func withChangedFields(
        _ db: Database, activityId: Int64, since: String?, _ reasons: [ChangeReason]
    ) throws -> [ChangeReason] {
        guard let last = reasons.last?.at else { return reasons }
        // The change before the first reason ended at the latest reason before it, if any, and
        // none of it is before `since`.
        let start =
            try String.fetchOne(
                db, sql: "SELECT max(at) FROM changeReason WHERE activityId = ? AND at < ?",
                arguments: [activityId, reasons[0].at]) ?? ""
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT at, entity, before, after FROM history
                WHERE activityId = ? AND at > ? AND at >= ? AND at <= ?
                  AND entity IN ('decision', 'decisionTheme', 'explanation', 'theme')
                ORDER BY id
                """, arguments: [activityId, start, since ?? "", last])
        let changes = try rows.map { row in
            ChangeWindows.Change(
                at: try row.read("at"), entity: try row.read("entity"), before: try row.read("before"),
                after: try row.read("after"))
        }
        return ChangeWindows.attach(reasons, changes: changes, start: start)
    }
}
