import FeedbackLoop
import FeedbackLoopStore
import PostgresNIO

extension PostgresStore {
    /// Records the learning review of an activity, replacing any earlier one.
    @discardableResult
    public func evaluate(
        activity ref: String, worked: String, improve: String, participantsInvolved: Bool, sharedWith: [String]
    ) async throws -> Bool {
        let worked = try requireText(worked, field: .entry("worked"))
        let improve = try requireText(improve, field: .entry("improve"))
        return try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let evaluation = Evaluation(
                activityId: activityId, worked: worked, improve: improve, participantsInvolved: participantsInvolved,
                sharedWith: sharedWith)
            let values = try RowValues(evaluation, leaving: ["id"])
            if let existing = try await session.value(
                "id", as: Int64.self, "SELECT id FROM evaluation WHERE activityId = \(activityId)")
            {
                try await session.execute(values.update("evaluation", where: { "id = $\($0)" }, [existing]))
                return true
            }
            try await session.execute(values.insert(into: "evaluation"))
            return false
        }
    }

    /// The history of changes, oldest first: all of it, or one activity's, from a date (UTC) on.
    public func history(activity ref: String?, since: CalendarDate?) async throws -> [HistoryEntry] {
        try await history(HistoryFilter(activity: ref, from: since))
    }

    /// The changes `filter` keeps, oldest first (newest first with `newestFirst`).
    public func history(_ filter: HistoryFilter, newestFirst: Bool, limit: Int?, offset: Int) async throws
        -> [HistoryEntry]
    {
        try await reading { session in
            var query = try await Self.condition(filter, session)
            query.sql =
                """
                SELECT history.*, activity.ref AS activityRef FROM history
                LEFT JOIN activity ON activity.id = history.activityId
                WHERE \(query.sql)
                ORDER BY history.id \(newestFirst ? "DESC" : "") \(limit.map { "LIMIT \($0)" } ?? "") OFFSET \(offset)
                """
            return try await session.all(HistoryEntry.self, query)
        }
    }

    /// How many changes `filter` keeps.
    public func historyCount(_ filter: HistoryFilter) async throws -> Int {
        try await reading { session in
            var query = try await Self.condition(filter, session)
            query.sql = "SELECT count(*) AS n FROM history WHERE \(query.sql)"
            return try await session.count(query)
        }
    }

    /// Who has made changes, for a filter's list.
    public func historyActors() async throws -> [String] {
        try await reading { session in
            try await session.values(
                "actor", as: String.self, "SELECT actor FROM history GROUP BY actor ORDER BY actor COLLATE \"C\"")
        }
    }

    /// The UTC date each activity was first recorded (by hand, or in a bulk write), by ref.
    public func recordedDates() async throws -> [String: CalendarDate] {
        try await reading { session in
            let rows = try await session.rows(
                """
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
                    else { return nil }
                    return (try row.read("ref"), date)
                })
        }
    }

    /// The filter as a condition on `history`, with its bound values.
    static func condition(_ filter: HistoryFilter, _ session: PostgresSession) async throws -> PostgresQuery {
        var conditions = ["true"]
        var bindings = PostgresBindings()
        func bind(_ value: some PostgresNonThrowingEncodable & Sendable) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        if let activity = filter.activity {
            conditions.append("history.activityId = \(bind(try await activityId(session, ref: activity)))")
        }
        if let by = filter.by { conditions.append("history.actor = \(bind(by))") }
        if !filter.kinds.isEmpty { conditions.append("history.entity = ANY(\(bind(filter.kinds)))") }
        if let from = filter.from { conditions.append("history.at >= \(bind(from.description))") }
        if let to = filter.to { conditions.append("history.at < \(bind(to.adding(days: 1).description))") }
        if filter.withoutParts { conditions.append("history.entity <> 'publishedUpdateTheme'") }
        return PostgresQuery(unsafeSQL: conditions.joined(separator: " AND "), binds: bindings)
    }
}
