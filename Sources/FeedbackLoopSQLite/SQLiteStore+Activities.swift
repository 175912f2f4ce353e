import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// Records a new activity.
    /// - Throws: ``RecordError`` when it breaks a rule, ``StoreError/duplicateActivity(_:)`` when the ref is taken.
    @discardableResult
    public func addActivity(_ activity: Activity) async throws -> Activity {
        var activity = activity
        activity.ref = try EntryRules.identifier(activity.ref, field: .argument("REF"))
        try activity.validate()
        return try await writing { [activity] db in
            var activity = activity
            if try Activity.rows.filter(Column("ref") == activity.ref).fetchCount(db) > 0 {
                throw StoreError.duplicateActivity(activity.ref)
            }
            if activity.organisationId == nil, let key = try Self.settings(db).defaultOrganisation {
                activity.organisationId = try Self.organisation(db, key: key).id
            }
            try activity.insert(db)
            return activity
        }
    }

    /// Changes an activity: `change` edits a copy, which is checked and saved in one transaction.
    @discardableResult
    public func updateActivity(ref: String, _ change: @escaping @Sendable (inout Activity) throws -> Void) async throws
        -> Activity
    {
        try await writing { db in
            var activity = try Self.activity(db, ref: ref)
            try change(&activity)
            activity.ref = ref
            try activity.validate()
            try activity.update(db)
            return activity
        }
    }

    /// Activities, optionally only those of one service, lead or organisation, ordered by ref.
    public func activities(service: String?, lead: String?, organisation: String?) async throws
        -> [Activity]
    {
        try await reading { db in
            var request = Activity.rows.order(Column("ref"))
            if let service { request = request.filter(Column("service") == service) }
            if let lead { request = request.filter(Column("lead") == lead) }
            if let organisation {
                request = request.filter(Column("organisationId") == (try Self.organisation(db, key: organisation).id))
            }
            return try request.every(db)
        }
    }

    /// One activity by its ref.
    public func activity(ref: String) async throws -> Activity {
        try await reading { db in try Self.activity(db, ref: ref) }
    }

    /// Everything recorded about one activity: counts, themes with their answers, decisions, evaluation.
    public func activityRecord(ref: String) async throws -> ActivityRecord {
        try await reading { db in
            let activity = try Self.activity(db, ref: ref)
            let id = try activity.id.saved()
            return ActivityRecord(
                activity: activity,
                contributions: try Self.contributionCounts(db, activityId: id),
                themes: try Self.themeSummaries(db, activityId: id),
                decisions: try Self.decisions(db, activityId: id),
                evaluation: try Evaluation.rows.filter(Column("activityId") == id).one(db))
        }
    }

    static func contributionCounts(_ db: Database, activityId: Int64) throws -> ContributionCounts {
        // An aggregate query always returns one row.
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS total,
                       count(*) FILTER (WHERE outOfScope IS NOT NULL) AS outOfScope,
                       count(*) FILTER (WHERE outOfScope IS NULL AND themeLinks = 0) AS unthemed,
                       count(DISTINCT participantId) AS participants
                    FROM contribution WHERE activityId = ?
                    """, arguments: [activityId])
        else { return ContributionCounts(total: 0, unthemed: 0, outOfScope: 0, participants: 0, byMethod: [:]) }
        let byMethod = try Row.fetchAll(
            db,
            sql: """
                SELECT coalesce(method, 'unrecorded') AS method, count(*) AS n FROM contribution
                WHERE activityId = ? GROUP BY 1
                """, arguments: [activityId])
        return ContributionCounts(
            total: try row.read("total"), unthemed: try row.read("unthemed"), outOfScope: try row.read("outOfScope"),
            participants: try row.read("participants"),
            byMethod: Dictionary(
                uniqueKeysWithValues: try byMethod.map {
                    (try $0.read("method", as: String.self), try $0.read("n", as: Int.self))
                }))
    }
}
