import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Runs `change` and records `reason` against each theme whose answer it changed; once the
    /// activity has a recorded update such a change needs a reason (as on SQLite).
    @discardableResult
    static func answerChange<T>(
        _ session: PostgresSession, activityId: Int64, activityRef: String, subject: String, reason: String?,
        _ change: () async throws -> T
    ) async throws -> T {
        let before = try await answerSignatures(session, activityId: activityId)
        let result = try await change()
        let after = try await answerSignatures(session, activityId: activityId)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        try await recordReason(
            session, activityId: activityId, activityRef: activityRef, themes: changed, subject: subject, reason: reason
        )
        return result
    }

    /// Every theme's answer signature, by key.
    static func answerSignatures(_ session: PostgresSession, activityId: Int64) async throws -> [String: String] {
        let rows = try await session.rows(
            PostgresQuery(
                unsafeSQL:
                    "SELECT t.key, \(AnswerSignature.theme("t")) AS signature FROM theme t WHERE t.activityId = $1",
                binds: bindings(activityId)))
        return Dictionary(
            uniqueKeysWithValues: try rows.map {
                (try $0.read("key", as: String.self), try $0.read("signature", as: String.self))
            })
    }

    /// Records `reason` against `themes`; refuses a change with none once an update was recorded.
    static func recordReason(
        _ session: PostgresSession, activityId: Int64, activityRef: String, themes: [String], subject: String,
        reason: String?
    ) async throws {
        guard !themes.isEmpty else { return }
        guard let reason else {
            if let update = try await session.value(
                "n", as: Int64?.self, "SELECT max(number) AS n FROM publishedUpdate WHERE activityId = \(activityId)")
                ?? nil
            {
                throw StoreError.reasonRequired(activity: activityRef, update: Int(update), themes: themes)
            }
            return
        }
        for theme in themes {
            try await session.execute(
                """
                INSERT INTO changeReason (activityId, themeKey, subject, reason, at, actor)
                VALUES (\(activityId), \(theme), \(subject), \(reason), yswd_now(), yswd_actor())
                """)
        }
    }

    /// The reasons given for changes to the activity's answers, oldest first.
    public func changeReasons(activity ref: String, theme: String?, since: String?) async throws -> [ChangeReason] {
        try await reading { session in
            try await Self.changeReasons(
                session, activityId: try await Self.activityId(session, ref: ref), theme: theme, since: since,
                until: nil)
        }
    }

    static func changeReasons(
        _ session: PostgresSession, activityId: Int64, theme: String?, since: String?, until: String?
    ) async throws -> [ChangeReason] {
        let reasons = try await session.rows(
            """
            SELECT themeKey, subject, reason, at, actor FROM changeReason
            WHERE activityId = \(activityId) AND (\(theme)::text IS NULL OR themeKey = \(theme))
              AND (\(since)::text IS NULL OR at >= \(since)) AND (\(until)::text IS NULL OR at < \(until))
            ORDER BY at, id
            """
        ).map {
            ChangeReason(
                theme: try $0.read("themeKey"), subject: try $0.read("subject"), reason: try $0.read("reason"),
                at: try $0.read("at"), actor: try $0.read("actor"))
        }
        guard let first = reasons.first?.at, let last = reasons.last?.at else { return reasons }
        let start =
            try await session.value(
                "at", as: String?.self,
                "SELECT max(at) AS at FROM changeReason WHERE activityId = \(activityId) AND at < \(first)") ?? nil
        let lower = start ?? ""
        let changes = try await session.rows(
            """
            SELECT at, entity, before, after FROM history
            WHERE activityId = \(activityId) AND at > \(lower) AND at >= \(since ?? "") AND at <= \(last)
              AND entity = ANY(\(ChangeWindows.entities))
            ORDER BY id
            """
        ).map {
            ChangeWindows.Change(
                at: try $0.read("at"), entity: try $0.read("entity"), before: try $0.read("before"),
                after: try $0.read("after"))
        }
        return ChangeWindows.attach(reasons, changes: changes, start: lower)
    }

    /// Bound values for a query written as text.
    static func bindings(_ values: Int64...) -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { bindings.append(value) }
        return bindings
    }
}
