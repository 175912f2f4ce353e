import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

/// The aggregate query that gives the loop rules their per-activity facts.
///
/// It visits each activity's own contributions through indexes (never a scan of every
/// contribution) and returns counts and short lists only. The same SQL is what the loops
/// benchmark runs in the sqlite3 shell.
enum LoopSummaryQuery {
    /// The query, with an optional extra condition on the activity (aliased `a`).
    ///
    /// Who is owed a follow-up is gathered from the participants' side for every activity at once,
    /// or from each activity's side when a condition picks out a few.
    static func sql(where condition: String? = nil) -> String {
        let everything = condition == nil
        return """
            \(everything ? owedForAll : "")SELECT a.ref, a.title, a.lead, a.service, a.level, a.opens, a.closes,
                a.cadenceWeeks, a.feedbackBy,
                (SELECT count(*) FROM contribution c WHERE c.activityId = a.id) AS contributions,
                (SELECT count(*) FROM contribution c INDEXED BY contribution_unthemed
                 WHERE c.activityId = a.id AND c.outOfScope IS NULL AND c.themeLinks = 0) AS unthemed,
                (SELECT json_group_array(json_array(
                     EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                             WHERE dt.themeId = t.id AND dt.outcome = 'adopted' AND d.status <> 'dropped'),
                     EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                             WHERE dt.themeId = t.id AND dt.outcome = 'partly' AND d.status <> 'dropped'),
                     EXISTS (SELECT 1 FROM explanation e WHERE e.themeId = t.id)))
                 FROM (SELECT id FROM theme WHERE activityId = a.id ORDER BY key) AS t) AS themes,
                (SELECT json_group_array(json_object('due', d.due, 'decision', d.key)) FROM decision d
                 WHERE d.activityId = a.id AND d.status IN ('planned', 'in-progress') AND d.due IS NOT NULL) AS commitments,
                (SELECT count(*) FROM decision d
                 WHERE d.activityId = a.id AND d.status IN ('planned', 'in-progress') AND d.due IS NULL) AS undated,
                \(everything ? "owed.groups" : owedForOne) AS followUps,
                \(latestUpdate) AS latestUpdate
            FROM activity a\(everything ? " LEFT JOIN owed ON owed.activityId = a.id" : "")
            \(condition.map { "WHERE \($0)\n" } ?? "")ORDER BY a.ref
            """
    }

    /// Participants owed a follow-up, grouped by activity, preferred format and contact on file:
    /// from the (few) participants who asked to hear back, through their themed contributions.
    private static let owedForAll = """
        WITH owed AS (
            SELECT activityId, json_group_array(json_array(prefers, email, address, phone, people)) AS groups
            FROM (
                SELECT c.activityId, pc.prefers, pc.email IS NOT NULL AND pc.failedChannel IS NULL AS email,
                    pc.address IS NOT NULL AND pc.failedChannel IS NULL AS address,
                    pc.phone IS NOT NULL AND pc.failedChannel IS NULL AS phone, count(DISTINCT p.id) AS people
                FROM participant p INDEXED BY participant_wants_feedback
                CROSS JOIN contribution c INDEXED BY contribution_themed_participant
                LEFT JOIN participantContact pc ON pc.participantId = p.id
                WHERE c.participantId = p.id AND c.themeLinks > 0
                  AND \(FollowUpRule.owedSQL(activity: "c.activityId"))
                GROUP BY 1, 2, 3, 4, 5
            )
            GROUP BY activityId
        )

        """

    /// The latest update's date; when it no longer reports every theme with its current answer, the
    /// time of the first change to themes, decisions or explanations after it; and, when an update
    /// came before it, the time of the first such change after that one (what reopened the loop this
    /// update answered). A JSON array.
    private static let latestUpdate = """
        (SELECT json_array(u.published, CASE WHEN u.coverage IS coalesce(\(AnswerSignature.activity("a.id")), '')
                 THEN NULL
                 ELSE coalesce((SELECT min(h.at) FROM history h
                          WHERE h.activityId = a.id AND h.at >= u.recordedAt
                            AND h.entity IN \(answerEntities)), u.published)
                 END,
                 \(reopenedAt(update: "u")))
             FROM publishedUpdate u WHERE u.activityId = a.id ORDER BY u.number DESC LIMIT 1)
        """

    /// The history entities whose changes can change an answer.
    private static let answerEntities = "('theme', 'decision', 'decisionTheme', 'explanation', 'batch')"

    /// The time of the first change to an answer between the update before `update` (an alias of
    /// `publishedUpdate`) and `update` itself: what reopened the loop it answered. NULL for a first update.
    static func reopenedAt(update u: String) -> String {
        """
        (SELECT min(h.at) FROM publishedUpdate p JOIN history h ON h.activityId = \(u).activityId
                 AND h.at >= p.recordedAt AND h.at < \(u).recordedAt AND h.entity IN \(answerEntities)
         WHERE p.activityId = \(u).activityId AND p.number = \(u).number - 1)
        """
    }

    /// The same for one activity (`a`), from its own themed contributions.

    private static let owedForOne = """
        (SELECT json_group_array(json_array(prefers, email, address, phone, people))
                 FROM (
                     SELECT pc.prefers, pc.email IS NOT NULL AND pc.failedChannel IS NULL AS email,
                    pc.address IS NOT NULL AND pc.failedChannel IS NULL AS address,
                         pc.phone IS NOT NULL AND pc.failedChannel IS NULL AS phone, count(*) AS people
                     FROM (SELECT DISTINCT participantId FROM contribution INDEXED BY contribution_activity_participant
                           WHERE activityId = a.id AND participantId IS NOT NULL AND themeLinks > 0) AS named
                     JOIN participant p ON p.id = named.participantId
                     LEFT JOIN participantContact pc ON pc.participantId = p.id
                     WHERE \(FollowUpRule.owedSQL(activity: "a.id"))
                     GROUP BY 1, 2, 3, 4) HAVING count(*) > 0)
        """

    static func summary(_ row: Row, timeZone: TimeZone) throws(StoreError) -> LoopSummary {
        let summary = LoopSummary(
            ref: try row.read("ref"), title: try row.read("title"), lead: try row.read("lead"),
            service: try row.read("service"), level: try row.read("level"),
            opens: try row.read("opens"), closes: try row.read("closes"), cadenceWeeks: try row.read("cadenceWeeks"),
            feedbackBy: try row.read("feedbackBy"), contributions: try row.read("contributions"),
            unthemed: try row.read("unthemed"),
            commitmentsWithoutDue: try row.read("undated"))
        return try LoopSummaryParts.completing(
            summary,
            with: .init(
                themes: try row.read("themes"), commitments: try row.read("commitments"),
                followUps: try row.read("followUps"), latestUpdate: try row.read("latestUpdate")),
            timeZone: timeZone)
    }
}

extension SQLiteStore {
    /// The loop facts of every activity the filter lets through, ordered by ref.
    public func loopSummaries(_ filter: LoopFilter = LoopFilter()) async throws -> [LoopSummary] {
        try await reading { db in try Self.loopSummaries(db, filter) }
    }

    static func loopSummaries(_ db: Database, _ filter: LoopFilter) throws -> [LoopSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (column, value) in [("ref", filter.ref), ("lead", filter.lead), ("service", filter.service)] {
            guard let value else { continue }
            conditions.append("a.\(column) = ?")
            arguments += [value]
        }
        if let organisation = filter.organisation {
            conditions.append("a.organisationId = ?")
            arguments += [try Self.organisation(db, key: organisation).id]
        }
        let sql = LoopSummaryQuery.sql(where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "))
        let settings = try Self.settings(db)
        let timeZone = TimeZone(identifier: settings.timeZone) ?? .gmt
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var summaries: [LoopSummary] = []
        while let row = try rows.next() { summaries.append(try LoopSummaryQuery.summary(row, timeZone: timeZone)) }
        return summaries
    }

    /// The summary query exactly as `loopSummaries()` runs it unfiltered, for benchmarks and inspection.
    public static var loopSummarySQL: String { LoopSummaryQuery.sql() }
}
