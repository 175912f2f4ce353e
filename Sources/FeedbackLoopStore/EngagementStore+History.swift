import FeedbackLoop
import Foundation
import GRDB

extension EngagementStore {
    /// Records the learning review of an activity, replacing any earlier one.
    /// - Returns: whether an earlier evaluation was replaced.
    @discardableResult
    public func evaluate(
        activity ref: String, worked: String, improve: String, participantsInvolved: Bool, sharedWith: [String]
    ) throws -> Bool {
        let worked = try requireText(worked, field: .entry("worked"))
        let improve = try requireText(improve, field: .entry("improve"))
        return try writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            var evaluation = Evaluation(
                activityId: activityId, worked: worked, improve: improve, participantsInvolved: participantsInvolved,
                sharedWith: sharedWith)
            if let existing = try Evaluation.filter(Column("activityId") == activityId).fetchOne(db) {
                evaluation.id = existing.id
                try evaluation.update(db)
                return true
            }
            try evaluation.insert(db)
            return false
        }
    }

    /// The history of changes, oldest first: all of it, or one activity's, from a date (UTC) on.
    public func history(activity ref: String? = nil, since: CalendarDate? = nil) throws -> [HistoryEntry] {
        try reading { db in
            let activityId = try ref.map { try Self.activityId(db, ref: $0) }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT history.*, activity.ref AS activityRef FROM history
                    LEFT JOIN activity ON activity.id = history.activityId
                    WHERE (?1 IS NULL OR history.activityId = ?1) AND (?2 IS NULL OR history.at >= ?2)
                    ORDER BY history.id
                    """, arguments: [activityId, since?.description]
            ).map { row in
                HistoryEntry(
                    id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"],
                    entityId: row["entityId"], activityRef: row["activityRef"], before: row["before"],
                    after: row["after"], batchId: row["batchId"], redactedAt: row["redactedAt"])
            }
        }
    }

    /// Writes a consistent copy of the database to a new file, readable by its owner only, while
    /// other yswd processes may be writing.
    ///
    /// The copy is written to a hidden file beside `path` (``partialBackupPath(for:)``) and renamed
    /// into place only when complete, so a backup that is stopped part way leaves no file at `path`,
    /// and trying again with the same name works (it replaces the partial file).
    public func backup(to path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            throw isDirectory.boolValue ? StoreError.databaseIsDirectory(path: path) : StoreError.fileExists(path: path)
        }
        try DatabaseLocation.checkCreatable(path)
        let partial = Self.partialBackupPath(for: path)
        // A partial file is left only by a backup that was stopped: it is incomplete, and replaced.
        try? FileManager.default.removeItem(atPath: partial)
        try DatabaseLocation.createOwnerOnly(partial)
        do {
            try writingWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [partial])
            }
            // A hard link refuses an existing name, so a file that appeared meanwhile is never replaced.
            if FileManager.default.fileExists(atPath: path) { throw StoreError.fileExists(path: path) }
            try FileManager.default.linkItem(atPath: partial, toPath: path)
            try? FileManager.default.removeItem(atPath: partial)
        } catch let error as StoreError {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError.backupFailed(path: path, reason: "\(error)")
        }
    }

    /// Where ``backup(to:)`` writes its copy before renaming it to `path`: a hidden file beside it.
    public static func partialBackupPath(for path: String) -> String {
        let url = URL(filePath: path)
        return url.deletingLastPathComponent().appending(path: "." + url.lastPathComponent + ".partial").path
    }
}

extension EngagementStore {
    /// The UTC date each activity was first recorded (by hand, or in a bulk write), by ref.
    public func recordedDates() throws -> [String: CalendarDate] {
        try reading { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT activity.ref,
                           substr(coalesce(
                               (SELECT min(at) FROM history WHERE entity = 'activity' AND entityId = activity.id),
                               (SELECT at FROM batch WHERE id = activity.batchId)), 1, 10) AS day
                    FROM activity
                    """)
            return Dictionary(
                uniqueKeysWithValues: rows.compactMap { row -> (String, CalendarDate)? in
                    guard let day: String = row["day"], let date = try? CalendarDate.parse(day, field: "date") else {
                        return nil
                    }
                    return (row["ref"], date)
                })
        }
    }
}
