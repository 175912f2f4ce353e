import FeedbackLoop
import FeedbackLoopStore
import PostgresNIO

extension PostgresStore {
    /// Records a new activity.
    @discardableResult
    public func addActivity(_ activity: Activity) async throws -> Activity {
        var activity = activity
        activity.ref = try EntryRules.identifier(activity.ref, field: .argument("REF"))
        try activity.validate()
        return try await writing { [activity] session in
            var activity = activity
            if try await session.count("SELECT count(*) AS n FROM activity WHERE ref = \(activity.ref)") > 0 {
                throw StoreError.duplicateActivity(activity.ref)
            }
            if activity.organisationId == nil, let key = try await Self.settings(session).defaultOrganisation {
                activity.organisationId = try await Self.organisation(session, key: key).id
            }
            activity.id = try await session.value(
                "id", as: Int64.self, RowValues(activity, leaving: ["id"]).insert(into: "activity", returning: "id"))
            return activity
        }
    }

    /// Changes an activity: `change` edits a copy, which is checked and saved in one transaction.
    @discardableResult
    public func updateActivity(ref: String, _ change: @escaping @Sendable (inout Activity) throws -> Void) async throws
        -> Activity
    {
        try await writing { session in
            var activity = try await Self.activity(session, ref: ref)
            try change(&activity)
            activity.ref = ref
            try activity.validate()
            try await session.execute(
                RowValues(activity, leaving: ["id"]).update(
                    "activity", where: { "id = $\($0)" }, [try activity.id.saved()]))
            return activity
        }
    }

    /// Activities, optionally only those of one service, lead or organisation, ordered by ref.
    public func activities(service: String?, lead: String?, organisation: String?) async throws -> [Activity] {
        try await reading { session in
            let organisationId = try await organisation.asyncMap { try await Self.organisation(session, key: $0).id }
            return try await session.all(
                Activity.self,
                """
                SELECT * FROM activity
                WHERE (\(service)::text IS NULL OR service = \(service))
                  AND (\(lead)::text IS NULL OR lead = \(lead))
                  AND (\(organisationId ?? nil)::bigint IS NULL OR organisationId = \(organisationId ?? nil))
                ORDER BY ref COLLATE "C"
                """)
        }
    }

    /// One activity by its ref.
    public func activity(ref: String) async throws -> Activity {
        try await reading { session in try await Self.activity(session, ref: ref) }
    }

    static func activity(_ session: PostgresSession, ref: String) async throws -> Activity {
        guard let activity = try await session.one(Activity.self, "SELECT * FROM activity WHERE ref = \(ref)") else {
            throw StoreError.unknownActivity(ref)
        }
        return activity
    }

    static func activityId(_ session: PostgresSession, ref: String) async throws -> Int64 {
        guard let id = try await session.value("id", as: Int64.self, "SELECT id FROM activity WHERE ref = \(ref)")
        else {
            throw StoreError.unknownActivity(ref)
        }
        return id
    }

    /// Activities whose title, purpose or themes contain every word of `text` (each a prefix, as
    /// on SQLite), best matches first, at most `limit`.
    public func searchActivities(_ text: String, limit: Int) async throws -> [Activity] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(20)
        guard !words.isEmpty else { return [] }
        // Each word a quoted prefix term, so nothing typed is read as search syntax.
        let terms = words.map { "'\($0.lowercased().replacingOccurrences(of: "'", with: "''"))':*" }
            .joined(separator: " & ")
        return try await reading { session in
            try await session.all(
                Activity.self,
                """
                SELECT activity.* FROM activitySearch JOIN activity ON activity.id = activitySearch.activityId
                WHERE activitySearch.document @@ to_tsquery('simple', yswd_fold(\(terms)))
                ORDER BY ts_rank(activitySearch.document, to_tsquery('simple', yswd_fold(\(terms)))) DESC, activity.id
                LIMIT \(limit)
                """)
        }
    }

    /// The refs of the activities changed since ``changeToken()`` returned `token`, and the ids of
    /// those removed; nil when a change may touch any activity, or there are too many to list.
    public func activitiesChanged(since token: Int64, limit: Int) async throws -> (changed: [String], removed: [Int64])?
    {
        try await reading { session in
            let rows = try await session.rows(
                "SELECT DISTINCT activityId FROM history WHERE id > \(token) LIMIT \(limit + 1)")
            let ids = try rows.map { try $0.read("activityId", as: Int64?.self) }
            guard ids.count <= limit, !ids.contains(where: { $0 == nil }) else { return nil }
            let known = ids.compactMap { $0 }
            guard !known.isEmpty else { return ([], []) }
            let present = try await session.rows("SELECT id, ref FROM activity WHERE id = ANY(\(known))")
            let presentIds = Set(try present.map { try $0.read("id", as: Int64.self) })
            return (try present.map { try $0.read("ref", as: String.self) }, known.filter { !presentIds.contains($0) })
        }
    }
}

extension Optional {
    /// The wrapped value transformed by an async function, or nil.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
