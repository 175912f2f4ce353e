import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Records the learning review of an activity, replacing any earlier one.
    /// - Returns: whether an earlier evaluation was replaced.
    @discardableResult
    public func evaluate(
        activity ref: String, worked: String, improve: String, participantsInvolved: Bool, sharedWith: [String]
    ) async throws -> Bool {
        let worked = try requireText(worked, field: .entry("worked"))
        let improve = try requireText(improve, field: .entry("improve"))
        return try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            var evaluation = Evaluation(
                activityId: activityId, worked: worked, improve: improve, participantsInvolved: participantsInvolved,
                sharedWith: sharedWith)
            if let existing = try Evaluation.rows.filter(Column("activityId") == activityId).one(db) {
                evaluation.id = existing.id
                try evaluation.update(db)
                return true
            }
            try evaluation.insert(db)
            return false
        }
    }

    /// The history of changes, oldest first: all of it, or one activity's, from a date (UTC) on.
    public func history(activity ref: String?, since: CalendarDate?) async throws -> [HistoryEntry] {
        try await history(HistoryFilter(activity: ref, from: since))
    }

    /// The changes `filter` keeps, oldest first (newest first with `newestFirst`), `limit` of them
    /// after skipping `offset`.
    public func history(
        _ filter: HistoryFilter, newestFirst: Bool, limit: Int?, offset: Int
    ) async throws -> [HistoryEntry] {
        try await reading { db in
            let (conditions, arguments) = try filter.sql(db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT history.*, activity.ref AS activityRef FROM history
                    LEFT JOIN activity ON activity.id = history.activityId
                    WHERE \(conditions)
                    ORDER BY history.id \(newestFirst ? "DESC" : "") LIMIT \(limit ?? -1) OFFSET \(offset)
                    """, arguments: arguments
            ).map { row in
                HistoryEntry(
                    id: try row.read("id"), at: try row.read("at"), actor: try row.read("actor"),
                    action: try row.read("action"), entity: try row.read("entity"),
                    entityId: try row.read("entityId"), activityRef: try row.read("activityRef"),
                    before: try row.read("before"),
                    after: try row.read("after"), batchId: try row.read("batchId"),
                    redactedAt: try row.read("redactedAt"))
            }
        }
    }

    /// How many changes `filter` keeps.
    public func historyCount(_ filter: HistoryFilter) async throws -> Int {
        try await reading { db in
            let (conditions, arguments) = try filter.sql(db)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM history WHERE \(conditions)", arguments: arguments)
                ?? 0
        }
    }

    /// Who has made changes, for a filter's list.
    public func historyActors() async throws -> [String] {
        try await reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT actor FROM history ORDER BY actor") }
    }

    /// Writes a consistent copy of the database to a new file, readable by its owner only, while
    /// other yswd processes may be writing.
    ///
    /// The copy is written to a hidden file beside `path` (``partialBackupPath(for:)``) and renamed
    /// into place only when complete, so a backup that is stopped part way leaves no file at `path`,
    /// and trying again with the same name works (it replaces the partial file).
    public func backup(to path: String) async throws {
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
            try await writingWithoutTransaction { db in
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

extension SQLiteStore {
    /// The UTC date each activity was first recorded (by hand, or in a bulk write), by ref.
    public func recordedDates() async throws -> [String: CalendarDate] {
        try await reading { db in
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
                uniqueKeysWithValues: try rows.compactMap { row -> (String, CalendarDate)? in
                    guard let day = try row.read("day", as: String?.self),
                        let date = try? CalendarDate.parse(day, field: "date")
                    else {
                        return nil
                    }
                    return (try row.read("ref"), date)
                })
        }
    }
}

extension HistoryFilter {
    /// The filter as an SQL condition on `history`, with its arguments.
    func sql(_ db: Database) throws -> (String, StatementArguments) {
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let activity {
            conditions.append("history.activityId = ?")
            arguments += [try SQLiteStore.activityId(db, ref: activity)]
        }
        if let by {
            conditions.append("history.actor = ?")
            arguments += [by]
        }
        if !kinds.isEmpty {
            conditions.append("history.entity IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))")
            for kind in kinds { arguments += [kind] }
        }
        if let from {
            conditions.append("history.at >= ?")
            arguments += [from.description]
        }
        if let to {
            conditions.append("history.at < ?")
            arguments += [to.adding(days: 1).description]
        }
        if withoutParts { conditions.append("history.entity <> 'publishedUpdateTheme'") }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
