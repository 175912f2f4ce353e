import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Records a decision ("we did" / "we will") and the themes it answers.
    @discardableResult
    public func addDecision(activity ref: String, _ decision: Decision, reason: String?) async throws -> Decision {
        var decision = decision
        decision.key = try EntryRules.identifier(decision.key, field: .argument("KEY"))
        decision.text = try requireText(decision.text, field: .entry("text"))
        return try await writing { [decision] session in
            var decision = decision
            decision.activityId = try await Self.activityId(session, ref: ref)
            if try await session.count(
                "SELECT count(*) AS n FROM decision WHERE activityId = \(decision.activityId) AND key = \(decision.key)"
            )
                > 0
            {
                throw StoreError.duplicateDecision(activity: ref, key: decision.key)
            }
            return try await Self.answerChange(
                session, activityId: decision.activityId, activityRef: ref, subject: "decision \(decision.key)",
                reason: reason
            ) {
                guard
                    let id = try await session.value(
                        "id", as: Int64.self,
                        try RowValues(decision, leaving: Self.notDecisionColumns).insert(
                            into: "decision", returning: "id"))
                else { throw StoreError.unreadable(column: "decision.id") }
                decision.id = id
                try await Self.saveResponses(session, decision: decision, activityRef: ref)
                return decision
            }
        }
    }

    /// Changes a decision: `change` edits a copy, which is checked and saved in one transaction.
    @discardableResult
    public func updateDecision(
        activity ref: String, key: String, reason: String?,
        _ change: @escaping @Sendable (inout Decision) throws -> Void
    ) async throws -> Decision {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let before = try await Self.decision(session, activityId: activityId, activityRef: ref, key: key)
            var decision = before
            try change(&decision)
            decision.id = before.id
            decision.activityId = activityId
            decision.key = key
            decision.text = try requireText(decision.text, field: .entry("text"))
            try Decision.checkDoneWording(before: before, after: decision)
            let id = try before.id.saved()
            return try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "decision \(key)", reason: reason
            ) { [decision] in
                try await session.execute(
                    try RowValues(decision, leaving: Self.notDecisionColumns).update(
                        "decision", where: { "id = $\($0)" }, [id]))
                if decision.responds != before.responds {
                    try await Self.saveResponses(session, decision: decision, activityRef: ref)
                }
                return decision
            }
        }
    }

    /// Removes a decision; the themes it answered need another answer.
    public func removeDecision(activity ref: String, key: String, reason: String?) async throws {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let decision = try await Self.decision(session, activityId: activityId, activityRef: ref, key: key)
            try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "decision \(key)", reason: reason
            ) {
                try await session.execute("DELETE FROM decision WHERE id = \(try decision.id.saved())")
            }
        }
    }

    /// The activity's decisions with the themes each answers, ordered by key.
    public func decisions(activity ref: String) async throws -> [Decision] {
        try await reading { session in
            try await Self.decisions(session, activityId: try await Self.activityId(session, ref: ref))
        }
    }

    /// Every decision marked done, of one activity or all, with its activity's ref, key and text.
    public func doneDecisions(activity ref: String?) async throws -> [(activity: String, key: String, text: String)] {
        try await reading { session in
            let activityId = try await ref.asyncMap { try await Self.activityId(session, ref: $0) }
            return try await session.rows(
                """
                SELECT a.ref, d.key, d.text FROM decision d JOIN activity a ON a.id = d.activityId
                WHERE d.status = 'done' AND (\(activityId)::bigint IS NULL OR d.activityId = \(activityId))
                ORDER BY a.ref COLLATE "C", d.key COLLATE "C"
                """
            ).map { (activity: try $0.read("ref"), key: try $0.read("key"), text: try $0.read("text")) }
        }
    }

    /// Records an explanation ("we didn't, because") for a theme, replacing any earlier one.
    @discardableResult
    public func explain(
        activity ref: String, theme key: String, why: String, reason: ReasonCategory, easyRead: String?,
        changeReason: String?
    ) async throws -> Bool {
        let why = try requireText(why, field: .entry("why"))
        return try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            let themeId = try theme.id.saved()
            return try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "explanation", reason: changeReason
            ) {
                let explanation = Explanation(themeId: themeId, why: why, reason: reason, easyRead: easyRead)
                let values = try RowValues(explanation, leaving: ["id"])
                if let existing = try await session.value(
                    "id", as: Int64.self, "SELECT id FROM explanation WHERE themeId = \(themeId)")
                {
                    try await session.execute(
                        try RowValues(explanation, leaving: ["id", "themeId"]).update(
                            "explanation", where: { "id = $\($0)" }, [existing]))
                    return true
                }
                try await session.execute(values.insert(into: "explanation"))
                return false
            }
        }
    }

    /// Withdraws a theme's explanation.
    public func withdrawExplanation(activity ref: String, theme key: String, reason: String?) async throws {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "explanation", reason: reason
            ) {
                let removed = try await session.count(
                    """
                    WITH gone AS (DELETE FROM explanation WHERE themeId = \(try theme.id.saved()) RETURNING 1)
                    SELECT count(*) AS n FROM gone
                    """)
                guard removed > 0 else { throw StoreError.noExplanation(activity: ref, theme: key) }
            }
        }
    }

    /// A decision's properties that are not its table's columns (its answers live in decisionTheme).
    static let notDecisionColumns: Set<String> = ["id", "responds"]

    static func decision(_ session: PostgresSession, activityId: Int64, activityRef: String, key: String)
        async throws -> Decision
    {
        guard
            var decision = try await session.rows(
                "SELECT * FROM decision WHERE activityId = \(activityId) AND key = \(key)"
            ).first.map(Self.decision(from:))
        else {
            let known = try await session.values(
                "key", as: String.self,
                "SELECT key FROM decision WHERE activityId = \(activityId) ORDER BY key COLLATE \"C\"")
            throw StoreError.unknownDecision(activity: activityRef, key: key, known: known)
        }
        decision.responds = try await responses(session, decisionId: try decision.id.saved())
        return decision
    }

    static func decisions(_ session: PostgresSession, activityId: Int64) async throws -> [Decision] {
        var decisions = try await session.rows(
            "SELECT * FROM decision WHERE activityId = \(activityId) ORDER BY key COLLATE \"C\""
        ).map(Self.decision(from:))
        for index in decisions.indices {
            decisions[index].responds = try await responses(session, decisionId: try decisions[index].id.saved())
        }
        return decisions
    }

    /// A decision's own columns (its answers are read apart).
    static func decision(from row: PostgresRandomAccessRow) throws -> Decision {
        func date(_ column: String) throws -> CalendarDate? {
            try row.read(column, as: String?.self).map { try CalendarDate.stored($0, column: column) }
        }
        return Decision(
            id: try row.read("id"), activityId: try row.read("activityId"), key: try row.read("key"),
            text: try row.read("text"), decidedBy: try row.read("decidedBy"), decidedOn: try date("decidedOn"),
            status: try DeliveryStatus.stored(try row.read("status"), column: "status"), due: try date("due"),
            impact: try row.read("impact"), description: try row.read("description"), starts: try date("starts"),
            progress: try row.read("progress"), parentId: try row.read("parentId"),
            externalId: try row.read("externalId"), easyRead: try row.read("easyRead"))
    }

    static func responses(_ session: PostgresSession, decisionId: Int64) async throws -> [ThemeResponse] {
        try await session.rows(
            """
            SELECT theme.key, decisionTheme.outcome FROM decisionTheme
            JOIN theme ON theme.id = decisionTheme.themeId
            WHERE decisionTheme.decisionId = \(decisionId) ORDER BY theme.key COLLATE "C"
            """
        ).map {
            ThemeResponse(
                theme: try $0.read("key"), outcome: try Outcome.stored(try $0.read("outcome"), column: "outcome"))
        }
    }

    /// Replaces the decision's theme links with `decision.responds`, each theme checked to be the activity's.
    private static func saveResponses(_ session: PostgresSession, decision: Decision, activityRef: String) async throws
    {
        var themeIds: [Int64: Outcome] = [:]
        for response in decision.responds {
            let theme = try await theme(
                session, activityId: decision.activityId, activityRef: activityRef, key: response.theme)
            themeIds[try theme.id.saved()] = response.outcome
        }
        let id = try decision.id.saved()
        try await session.execute("DELETE FROM decisionTheme WHERE decisionId = \(id)")
        for (themeId, outcome) in themeIds.sorted(by: { $0.key < $1.key }) {
            try await session.execute(
                "INSERT INTO decisionTheme (decisionId, themeId, outcome) VALUES (\(id), \(themeId), \(outcome.rawValue))"
            )
        }
    }
}
