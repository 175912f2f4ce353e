import FeedbackLoop
import GRDB

/// The aggregate query that gives the loop rules their per-activity facts.
///
/// It visits each activity's own contributions through indexes (never a scan of every
/// contribution) and returns counts and short lists only. The same SQL is what the loops
/// benchmark runs in the sqlite3 shell.
enum LoopSummaryQuery {
    /// The query, with an optional extra condition on the activity (aliased `a`).
    static func sql(where condition: String? = nil) -> String {
        """
        WITH owed AS (
            SELECT activityId, group_concat(prefers || ':' || contact || ':' || people, ' ') AS groups
            FROM (
                SELECT c.activityId, coalesce(pc.prefers, '') AS prefers,
                    4 * (pc.email IS NOT NULL) + 2 * (pc.address IS NOT NULL) + (pc.phone IS NOT NULL) AS contact,
                    count(DISTINCT p.id) AS people
                FROM participant p INDEXED BY participant_wants_feedback
                CROSS JOIN contribution c INDEXED BY contribution_themed_participant
                LEFT JOIN participantContact pc ON pc.participantId = p.id
                WHERE p.wantsFeedback = 1 AND p.erasedAt IS NULL AND coalesce(pc.prefers, '') <> 'none'
                  AND c.participantId = p.id AND c.themeLinks > 0
                GROUP BY 1, 2, 3
            )
            GROUP BY activityId
        )
        SELECT a.ref, a.title, a.lead, a.service, a.level, a.opens, a.closes, a.cadenceWeeks, a.feedbackBy,
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
            owed.groups AS followUps
        FROM activity a LEFT JOIN owed ON owed.activityId = a.id
        \(condition.map { "WHERE \($0)\n" } ?? "")ORDER BY a.ref
        """
    }

    static func summary(_ row: Row) -> LoopSummary {
        var summary = LoopSummary(
            ref: row["ref"], title: row["title"], lead: row["lead"], service: row["service"], level: row["level"],
            opens: row["opens"], closes: row["closes"], cadenceWeeks: row["cadenceWeeks"],
            feedbackBy: row["feedbackBy"],
            contributions: row["contributions"], unthemed: row["unthemed"], commitmentsWithoutDue: row["undated"])
        // Theme facts: one digit per theme.
        if let codes: String = row["themes"] {
            summary.themes = codes.utf8.map { ThemeFacts(code: Int($0) - 48) }
        }
        // Open commitments: "YYYY-MM-DD key" per line.
        if let lines: String = row["commitments"] {
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
        try database.read { db in try Self.loopSummaries(db, filter) }
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
