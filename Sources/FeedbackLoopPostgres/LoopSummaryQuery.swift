import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

/// The aggregate query that gives the loop rules their per-activity facts, in PostgreSQL's dialect:
/// the same columns and JSON lists as the SQLite engine's `LoopSummaryQuery` (FeedbackLoopSQLite),
/// read by the same ``LoopSummaryParts``. RuleAgreementTests holds both to the Swift rules.
enum LoopSummaryQuery {
    /// The query, with an optional extra condition on the activity (aliased `a`).
    static func sql(where condition: String? = nil) -> String {
        """
        \(owed(only: condition))SELECT a.ref, a.title, a.lead, a.service, a.level, a.opens, a.closes, a.cadenceWeeks, a.feedbackBy,
            (SELECT count(*) FROM contribution c WHERE c.activityId = a.id) AS contributions,
            (SELECT count(*) FROM contribution c
             WHERE c.activityId = a.id AND c.outOfScope IS NULL AND c.themeLinks = 0) AS unthemed,
            (SELECT json_agg(json_build_array(
                 (EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                          WHERE dt.themeId = t.id AND dt.outcome = 'adopted' AND d.status <> 'dropped'))::int,
                 (EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                          WHERE dt.themeId = t.id AND dt.outcome = 'partly' AND d.status <> 'dropped'))::int,
                 (EXISTS (SELECT 1 FROM explanation e WHERE e.themeId = t.id))::int) ORDER BY t.key COLLATE "C")::text
             FROM theme t WHERE t.activityId = a.id) AS themes,
            (SELECT json_agg(json_build_object('due', d.due, 'decision', d.key) ORDER BY d.id)::text FROM decision d
             WHERE d.activityId = a.id AND d.status IN ('planned', 'in-progress') AND d.due IS NOT NULL) AS commitments,
            (SELECT count(*) FROM decision d
             WHERE d.activityId = a.id AND d.status IN ('planned', 'in-progress') AND d.due IS NULL) AS undated,
            owed.groups AS followUps,
            \(latestUpdate) AS latestUpdate
        FROM activity a LEFT JOIN owed ON owed.activityId = a.id
        \(condition.map { "WHERE \($0)\n" } ?? "")ORDER BY a.ref COLLATE "C"
        """
    }

    /// Participants owed a follow-up, grouped by activity, preferred format and contact on file; with
    /// a condition, only for the activities it lets through (PostgreSQL does not carry the outer
    /// query's filter into this aggregate, which would otherwise read every activity's contributions).
    private static func owed(only condition: String?) -> String {
        """
        WITH owed AS (
            SELECT activityId, json_agg(json_build_array(prefers, email, address, phone, people))::text AS groups
            FROM (
                SELECT c.activityId, pc.prefers, (pc.email IS NOT NULL AND pc.failedChannel IS NULL)::int AS email,
                    (pc.address IS NOT NULL AND pc.failedChannel IS NULL)::int AS address,
                    (pc.phone IS NOT NULL AND pc.failedChannel IS NULL)::int AS phone,
                    count(DISTINCT p.id) AS people
                FROM participant p
                JOIN contribution c ON c.participantId = p.id AND c.themeLinks > 0
                LEFT JOIN participantContact pc ON pc.participantId = p.id
                WHERE \(FollowUpRule.owedSQL(activity: "c.activityId"))\(
                    condition.map { "\n          AND c.activityId IN (SELECT a.id FROM activity a WHERE \($0))" } ?? "")
                GROUP BY 1, 2, 3, 4, 5
            ) AS grouped
            GROUP BY activityId
        )

        """
    }

    /// The latest update's date; the first change to an answer after it when it no longer reports
    /// every theme's current answer; and what reopened the loop it answered.
    private static let latestUpdate = """
        (SELECT json_build_array(u.published,
                 CASE WHEN u.coverage IS NOT DISTINCT FROM coalesce(\(AnswerSignature.activity("a.id")), '')
                 THEN NULL
                 ELSE coalesce((SELECT min(h.at) FROM history h
                          WHERE h.activityId = a.id AND h.at >= u.recordedAt
                            AND h.entity IN \(answerEntities)), u.published)
                 END,
                 \(reopenedAt(update: "u")))::text
             FROM publishedUpdate u WHERE u.activityId = a.id ORDER BY u.number DESC LIMIT 1)
        """

    private static let answerEntities = "('theme', 'decision', 'decisionTheme', 'explanation', 'batch')"

    /// The first change to an answer between the update before `update` and `update` itself.
    static func reopenedAt(update u: String) -> String {
        """
        (SELECT min(h.at) FROM publishedUpdate p JOIN history h ON h.activityId = \(u).activityId
                 AND h.at >= p.recordedAt AND h.at < \(u).recordedAt AND h.entity IN \(answerEntities)
         WHERE p.activityId = \(u).activityId AND p.number = \(u).number - 1)
        """
    }

    static func summary(_ row: PostgresRandomAccessRow, timeZone: TimeZone) throws -> LoopSummary {
        func date(_ column: String) throws -> CalendarDate? {
            try row.read(column, as: String?.self).map { try CalendarDate.stored($0, column: column) }
        }
        let summary = LoopSummary(
            ref: try row.read("ref"), title: try row.read("title"), lead: try row.read("lead"),
            service: try row.read("service"), level: try EngagementLevel.stored(try row.read("level"), column: "level"),
            opens: try date("opens"), closes: try date("closes"),
            cadenceWeeks: try row.read("cadenceWeeks", as: Int64?.self).map(Int.init),
            feedbackBy: try date("feedbackBy"),
            contributions: Int(try row.read("contributions", as: Int64.self)),
            unthemed: Int(try row.read("unthemed", as: Int64.self)),
            commitmentsWithoutDue: Int(try row.read("undated", as: Int64.self)))
        return try LoopSummaryParts.completing(
            summary,
            with: .init(
                themes: try row.read("themes"), commitments: try row.read("commitments"),
                followUps: try row.read("followUps"), latestUpdate: try row.read("latestUpdate")),
            timeZone: timeZone)
    }
}

extension FollowUpRule {
    /// ``FollowUpRule/isOwed(_:)`` in PostgreSQL's dialect, beside the SQLite engine's: a participant
    /// `p` with contact details `pc` (left-joined) and the activity `activity` (an SQL expression).
    static func owedSQL(activity: String) -> String {
        """
        p.wantsFeedback = 1 AND p.erasedAt IS NULL AND coalesce(pc.prefers, '') <> 'none'
        AND NOT \(PostgresStore.followUpCurrent(activity: activity))
        """
    }
}

extension PostgresStore {
    /// The condition that participant `p` has been sent a follow-up for `activity` since the answers
    /// to their themes last changed.
    static func followUpCurrent(activity: String) -> String {
        """
        EXISTS (SELECT 1 FROM followUp f WHERE f.activityId = \(activity) AND f.participantId = p.id
                AND f.signature = \(AnswerSignature.participant(activity: activity, participant: "p.id"))
                AND (f.deliveryId IS NULL OR NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = f.deliveryId
                     AND d.status IN ('permanent-failure', 'returned'))))
        """
    }

    /// The loop facts of every activity the filter lets through, ordered by ref.
    public func loopSummaries(_ filter: LoopFilter) async throws -> [LoopSummary] {
        try await reading { session in try await Self.loopSummaries(session, filter) }
    }

    static func loopSummaries(_ session: PostgresSession, _ filter: LoopFilter) async throws -> [LoopSummary] {
        var conditions: [String] = []
        var bindings = PostgresBindings()
        for (column, value) in [("ref", filter.ref), ("lead", filter.lead), ("service", filter.service)] {
            guard let value else { continue }
            bindings.append(value)
            conditions.append("a.\(column) = $\(bindings.count)")
        }
        if let organisation = filter.organisation {
            bindings.append(try await Self.organisation(session, key: organisation).id.saved())
            conditions.append("a.organisationId = $\(bindings.count)")
        }
        let timeZone = TimeZone(identifier: try await Self.settings(session).timeZone) ?? .gmt
        let sql = LoopSummaryQuery.sql(where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "))
        var summaries: [LoopSummary] = []
        for try await row in try await session.connection.query(
            PostgresQuery(unsafeSQL: sql, binds: bindings), logger: session.logger)
        {
            summaries.append(try LoopSummaryQuery.summary(row.makeRandomAccess(), timeZone: timeZone))
        }
        return summaries
    }

    /// The summary query exactly as `loopSummaries()` runs it unfiltered, for benchmarks and inspection.
    public static var loopSummarySQL: String { LoopSummaryQuery.sql() }
}
