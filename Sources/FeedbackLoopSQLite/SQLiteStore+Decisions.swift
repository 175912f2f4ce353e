import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// Records a decision ("we did" / "we will") and the themes it answers.
    /// - Parameter decision: the decision; its `activityId` is ignored and taken from `ref`.
    @discardableResult
    public func addDecision(activity ref: String, _ decision: Decision, reason: String?) async throws -> Decision {
        var decision = decision
        decision.key = try EntryRules.identifier(decision.key, field: .argument("KEY"))
        decision.text = try requireText(decision.text, field: .entry("text"))
        return try await writing { [decision] db in
            var decision = decision
            decision.activityId = try Self.activityId(db, ref: ref)
            if try Decision.rows.filter(Column("activityId") == decision.activityId && Column("key") == decision.key)
                .fetchCount(db) > 0
            {
                throw StoreError.duplicateDecision(activity: ref, key: decision.key)
            }
            return try Self.answerChange(
                db, activityId: decision.activityId, activityRef: ref, subject: "decision \(decision.key)",
                reason: reason
            ) {
                try decision.insert(db)
                try Self.saveResponses(db, decision: decision, activityRef: ref)
                return decision
            }
        }
    }

    /// Changes a decision: `change` edits a copy, which is checked and saved in one transaction.
    /// The themes it responds to are replaced only when `change` changes them.
    @discardableResult
    public func updateDecision(
        activity ref: String, key: String, reason: String?,
        _ change: @escaping @Sendable (inout Decision) throws -> Void
    ) async throws -> Decision {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let before = try Self.decision(db, activityId: activityId, activityRef: ref, key: key)
            var decision = before
            try change(&decision)
            decision.id = before.id
            decision.activityId = activityId
            decision.key = key
            decision.text = try requireText(decision.text, field: .entry("text"))
            try Decision.checkDoneWording(before: before, after: decision)
            return try Self.answerChange(

                db, activityId: activityId, activityRef: ref, subject: "decision \(key)", reason: reason
            ) {
                try decision.update(db)
                if decision.responds != before.responds {
                    try Self.saveResponses(db, decision: decision, activityRef: ref)
                }
                return decision
            }
        }
    }

    /// Removes a decision; the themes it answered need another answer.
    public func removeDecision(activity ref: String, key: String, reason: String?) async throws {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let decision = try Self.decision(db, activityId: activityId, activityRef: ref, key: key)
            try Self.answerChange(
                db, activityId: activityId, activityRef: ref, subject: "decision \(key)", reason: reason
            ) {
                try decision.delete(db)
            }
        }
    }

    /// The activity's decisions with the themes each answers, ordered by key.
    public func decisions(activity ref: String) async throws -> [Decision] {
        try await reading { db in try Self.decisions(db, activityId: try Self.activityId(db, ref: ref)) }
    }

    static func decisions(_ db: Database, activityId: Int64) throws -> [Decision] {
        try Decision.rows.filter(Column("activityId") == activityId).order(Column("key")).every(db).map {
            var decision = $0
            decision.responds = try responses(db, decisionId: decision.id.saved())
            return decision
        }
    }

    /// Replaces the decision's theme links with `decision.responds`, each theme checked to be the activity's.
    private static func saveResponses(_ db: Database, decision: Decision, activityRef: String) throws {
        var themeIds: [Int64: Outcome] = [:]
        for response in decision.responds {
            let theme = try theme(db, activityId: decision.activityId, activityRef: activityRef, key: response.theme)
            themeIds[try theme.id.saved()] = response.outcome
        }
        try db.execute(sql: "DELETE FROM decisionTheme WHERE decisionId = ?", arguments: [decision.id.saved()])
        for (themeId, outcome) in themeIds.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO decisionTheme (decisionId, themeId, outcome) VALUES (?, ?, ?)",
                arguments: [decision.id.saved(), themeId, outcome])
        }
    }
}

extension SQLiteStore {
    /// Every decision marked done, of one activity or all, with its activity's ref, key and text:
    /// for `check` to warn about those whose text still promises ("We will…").
    public func doneDecisions(activity ref: String?) async throws -> [(activity: String, key: String, text: String)] {
        try await reading { db in
            let activityId = try ref.map { try Self.activityId(db, ref: $0) }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT a.ref, d.key, d.text FROM decision d JOIN activity a ON a.id = d.activityId
                    WHERE d.status = 'done' AND (?1 IS NULL OR d.activityId = ?1) ORDER BY a.ref, d.key
                    """, arguments: [activityId]
            ).map { (activity: try $0.read("ref"), key: try $0.read("key"), text: try $0.read("text")) }
        }
    }
}
