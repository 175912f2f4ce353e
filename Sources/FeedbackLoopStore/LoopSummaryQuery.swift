import FeedbackLoop
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
                (SELECT group_concat(
                     4 * EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                                 WHERE dt.themeId = t.id AND dt.outcome = 'adopted' AND d.status <> 'dropped')
                   + 2 * EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                                 WHERE dt.themeId = t.id AND dt.outcome = 'partly' AND d.status <> 'dropped')
                   + EXISTS (SELECT 1 FROM explanation e WHERE e.themeId = t.id), '')
                 FROM theme t WHERE t.activityId = a.id) AS themes,
                (SELECT group_concat(d.due || ' ' || d.key, char(10)) FROM decision d
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
            SELECT activityId, group_concat(prefers || ':' || contact || ':' || people, ' ') AS groups
            FROM (
                SELECT c.activityId, coalesce(pc.prefers, '') AS prefers,
                    4 * (pc.email IS NOT NULL) + 2 * (pc.address IS NOT NULL) + (pc.phone IS NOT NULL) AS contact,
                    count(DISTINCT p.id) AS people
                FROM participant p INDEXED BY participant_wants_feedback
                CROSS JOIN contribution c INDEXED BY contribution_themed_participant
                LEFT JOIN participantContact pc ON pc.participantId = p.id
                WHERE c.participantId = p.id AND c.themeLinks > 0
                  AND \(FollowUpRule.owedSQL(activity: "c.activityId"))
                GROUP BY 1, 2, 3
            )
            GROUP BY activityId
        )

        """

    /// The same for one activity (`a`), from its own themed contributions.
    /// The latest update's date and, when it no longer reports every theme with its current answer,
    /// the date of the first change to themes, decisions or explanations after it: "DATE" or "DATE DATE".
    private static let latestUpdate = """
        (SELECT u.published || CASE WHEN u.coverage IS coalesce(\(AnswerSignature.activity("a.id")), '') THEN ''
                 ELSE ' ' || coalesce((SELECT date(min(h.at)) FROM history h
                          WHERE h.activityId = a.id AND h.at >= u.recordedAt
                            AND h.entity IN ('theme', 'decision', 'decisionTheme', 'explanation', 'batch')), u.published)
                 END
             FROM publishedUpdate u WHERE u.activityId = a.id ORDER BY u.number DESC LIMIT 1)
        """

    private static let owedForOne = """
        (SELECT group_concat(prefers || ':' || contact || ':' || people, ' ')
                 FROM (
                     SELECT coalesce(pc.prefers, '') AS prefers,
                         4 * (pc.email IS NOT NULL) + 2 * (pc.address IS NOT NULL) + (pc.phone IS NOT NULL) AS contact,
                         count(*) AS people
                     FROM (SELECT DISTINCT participantId FROM contribution INDEXED BY contribution_activity_participant
                           WHERE activityId = a.id AND participantId IS NOT NULL AND themeLinks > 0) AS named
                     JOIN participant p ON p.id = named.participantId
                     LEFT JOIN participantContact pc ON pc.participantId = p.id
                     WHERE \(FollowUpRule.owedSQL(activity: "a.id"))
                     GROUP BY 1, 2))
        """

    static func summary(_ row: Row) -> LoopSummary {
        // Columns by position, in the order of the SELECT: this runs once per activity.
        var summary = LoopSummary(
            ref: row[0], title: row[1], lead: row[2], service: row[3], level: row[4], opens: row[5], closes: row[6],
            cadenceWeeks: row[7], feedbackBy: row[8], contributions: row[9], unthemed: row[10],
            commitmentsWithoutDue: row[13])
        // Theme facts: one digit per theme.
        if let codes: String = row[11] {
            summary.themes = codes.utf8.map { ThemeFacts(code: Int($0) - 48) }
        }
        // Open commitments: "YYYY-MM-DD key" per line.
        if let lines: String = row[12] {
            summary.openCommitments = lines.split(separator: "\n").compactMap { line in
                guard line.count > 11, let due = try? CalendarDate.parse(String(line.prefix(10)), option: "due") else {
                    return nil
                }
                return Commitment(decision: String(line.dropFirst(11)), due: due)
            }
        }
        // Follow-ups: "prefers:contact:people" per group of participants with the same details on file.
        if let groups: String = row[14] {
            for group in groups.split(separator: " ") {
                let parts = group.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 3, let code = Int(parts[1]), let people = Int(parts[2]) else { continue }
                let contact = FollowUpContact(prefers: PreferredFormat(rawValue: String(parts[0])), code: code)
                summary.owedFollowUps += people
                if !contact.isReachable { summary.unreachable += people }
            }
        }
        // The latest update: "published" or "published uncoveredSince".
        if let update: String = row[15] {
            let dates = update.split(separator: " ").compactMap { try? CalendarDate.parse(String($0), option: "date") }
            if let published = dates.first {
                summary.latestUpdate = UpdateFacts(published: published, uncoveredSince: dates.dropFirst().first)
            }
        }
        return summary
    }
}

/// Which activities a loop summary covers.
public struct LoopFilter: Sendable, Equatable {
    public var ref: String?
    public var lead: String?
    public var service: String?

    public init(ref: String? = nil, lead: String? = nil, service: String? = nil) {
        self.ref = ref
        self.lead = lead
        self.service = service
    }
}

extension EngagementStore {
    /// The loop facts of every activity the filter lets through, ordered by ref.
    public func loopSummaries(_ filter: LoopFilter = LoopFilter()) throws -> [LoopSummary] {
        try reading { db in try Self.loopSummaries(db, filter) }
    }

    static func loopSummaries(_ db: Database, _ filter: LoopFilter) throws -> [LoopSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (column, value) in [("ref", filter.ref), ("lead", filter.lead), ("service", filter.service)] {
            guard let value else { continue }
            conditions.append("a.\(column) = ?")
            arguments += [value]
        }
        let sql = LoopSummaryQuery.sql(where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "))
        return try Row.fetchCursor(db, sql: sql, arguments: arguments).map(LoopSummaryQuery.summary).reduce(into: []) {
            $0.append($1)
        }
    }

    /// The summary query exactly as `loopSummaries()` runs it unfiltered, for benchmarks and inspection.
    public static var loopSummarySQL: String { LoopSummaryQuery.sql() }
}
