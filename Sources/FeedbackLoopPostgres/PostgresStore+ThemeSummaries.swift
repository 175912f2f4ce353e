import FeedbackLoop
import FeedbackLoopStore
import PostgresNIO

extension PostgresStore {
    /// The ids of the contributions a selection names by their numbers in the activity.
    static func contributionIds(
        _ session: PostgresSession, _ selections: [ContributionSelection], activityId: Int64, activityRef: String
    ) async throws -> [Int64] {
        var ids: [Int64] = []
        for selection in selections {
            let bounds = selection.bounds
            let found = try await session.values(
                "id", as: Int64.self,
                """
                SELECT id FROM contribution WHERE activityId = \(activityId)
                  AND number BETWEEN \(bounds.lowerBound) AND \(bounds.upperBound) ORDER BY number
                """)
            if found.isEmpty {
                if case .single(let id) = selection { throw StoreError.unknownContribution(id) }
                throw StoreError.emptyContributionRange(
                    from: bounds.lowerBound, to: bounds.upperBound, activity: activityRef)
            }
            ids += found
        }
        return ids
    }

    /// The activity's themes, most views first (then most people, then key), each with its answer.
    static func themeSummaries(_ session: PostgresSession, activityId: Int64) async throws -> [ThemeSummary] {
        let responses = try await session.rows(
            """
            SELECT decisionTheme.themeId, decision.key, decision.text, decisionTheme.outcome,
                   decision.status, decision.due, decision.easyRead
            FROM decisionTheme JOIN decision ON decision.id = decisionTheme.decisionId
            WHERE decision.activityId = \(activityId) ORDER BY decision.key COLLATE "C"
            """)
        let responsesByTheme = try Dictionary(grouping: responses) { try $0.read("themeId", as: Int64.self) }
        return try await session.rows(
            """
            SELECT theme.id, theme.key, theme.said, theme.easyRead, explanation.why, explanation.reason,
                   explanation.easyRead AS whyEasyRead,
                   count(contribution.id) AS contributions,
                   count(DISTINCT contribution.participantId) AS people,
                   count(contribution.id) FILTER (WHERE contribution.participantId IS NULL) AS anonymous
            FROM theme
            LEFT JOIN explanation ON explanation.themeId = theme.id
            LEFT JOIN themeContribution ON themeContribution.themeId = theme.id
            LEFT JOIN contribution ON contribution.id = themeContribution.contributionId
                AND contribution.outOfScope IS NULL
            WHERE theme.activityId = \(activityId)
            GROUP BY theme.id, explanation.id ORDER BY contributions DESC, people DESC, theme.key COLLATE "C"
            """
        ).map { row in
            let why: String? = try row.read("why")
            return ThemeSummary(
                key: try row.read("key"), said: try row.read("said"), easyRead: try row.read("easyRead"),
                contributions: Int(try row.read("contributions", as: Int64.self)),
                people: Int(try row.read("people", as: Int64.self)),
                anonymous: Int(try row.read("anonymous", as: Int64.self)),
                responses: try (responsesByTheme[try row.read("id", as: Int64.self)] ?? []).map {
                    DecisionResponse(
                        decision: try $0.read("key"), text: try $0.read("text"),
                        outcome: try Outcome.stored(try $0.read("outcome"), column: "outcome"),
                        status: try DeliveryStatus.stored(try $0.read("status"), column: "status"),
                        due: try $0.read("due", as: String?.self).map { try CalendarDate.stored($0, column: "due") },
                        easyRead: try $0.read("easyRead"))
                },
                explanation: try why.map {
                    ExplanationSummary(
                        why: $0, reason: try ReasonCategory.stored(try row.read("reason"), column: "reason"),
                        easyRead: try row.read("whyEasyRead"))
                })
        }
    }
}
