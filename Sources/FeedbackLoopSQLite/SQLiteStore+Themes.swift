import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Records a theme ("you said") and links it to the selected contributions.
    /// - Returns: the theme and how many contributions it was linked to.
    @discardableResult
    public func addTheme(
        activity ref: String, key: String, said: String, easyRead: String?,
        contributions: [ContributionSelection], reason: String?
    ) async throws -> (theme: Theme, linked: Int) {
        let key = try EntryRules.identifier(key, field: .argument("KEY"))
        let said = try requireText(said, field: .entry("said"))
        let easyRead = try easyRead.map { try EntryRules.easyRead($0) }
        return try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            if try Theme.rows.filter(Column("activityId") == activityId && Column("key") == key).fetchCount(db) > 0 {
                throw StoreError.duplicateTheme(activity: ref, key: key)
            }
            return try Self.answerChange(db, activityId: activityId, activityRef: ref, subject: "theme", reason: reason)
            {
                var theme = Theme(activityId: activityId, key: key, said: said, easyRead: easyRead)
                try theme.insert(db)
                let ids = try Self.contributionIds(db, contributions, activityId: activityId, activityRef: ref)
                try Self.checkMoves(db, activityId: activityId, activityRef: ref, ids: ids, into: key, reason: reason)
                return (theme, try Self.link(db, themeId: theme.id.saved(), contributionIds: ids))
            }
        }
    }

    /// Links more contributions to a theme. Contributions already linked are left as they are; with
    /// `move`, each leaves the theme or themes it was in, in the same write. Either way a contribution
    /// that leaves or joins a theme once an update was published needs the reason (both themes are
    /// told it).
    /// - Returns: how many new links were made; with `move`, how many contributions moved or were linked.
    @discardableResult
    public func linkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], move: Bool,
        reason: String?
    ) async throws -> Int {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            let ids = try Self.contributionIds(db, contributions, activityId: activityId, activityRef: ref)
            try Self.checkMoves(db, activityId: activityId, activityRef: ref, ids: ids, into: key, reason: reason)
            var left = 0
            if move {
                let list = String(decoding: try JSONEncoder().encode(Set(ids).sorted()), as: UTF8.self)
                try db.execute(
                    sql: """
                        DELETE FROM themeContribution
                        WHERE contributionId IN (SELECT value FROM json_each(?)) AND themeId <> ?
                        """, arguments: [list, theme.id.saved()])
                left = db.changesCount
            }
            let linked = try Self.link(db, themeId: theme.id.saved(), contributionIds: ids)
            guard move else { return linked }
            return max(left, linked) > 0 ? Set(ids).count : 0
        }
    }

    /// Takes contributions out of one theme, leaving any other themes they are in. Once an update has
    /// been published this needs a reason, as any change to what people were told does.
    /// - Throws: ``StoreError/notInTheme(id:theme:)`` for a contribution not in the theme.
    @discardableResult
    public func unlinkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], reason: String?
    ) async throws -> Int {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            let ids = Set(try Self.contributionIds(db, contributions, activityId: activityId, activityRef: ref))
            let statement = try db.makeStatement(
                sql: "DELETE FROM themeContribution WHERE themeId = ? AND contributionId = ?")
            for id in ids.sorted() {
                try statement.execute(arguments: [theme.id.saved(), id])
                if db.changesCount == 0 { throw StoreError.notInTheme(id: id, theme: key) }
            }
            try Self.recordReason(
                db, activityId: activityId, activityRef: ref, themes: [key], subject: "links", reason: reason)
            return ids.count
        }
    }

    /// Links every in-scope contribution of the activity whose text contains `text` (ignoring case
    /// and accents) to a theme, as one bulk write: history records it once.
    /// - Returns: how many contributions were (or, in a dry run, would be) newly linked.
    @discardableResult
    public func linkTheme(
        activity ref: String, key: String, matching text: String, dryRun: Bool, reason: String?
    ) async throws -> Int {
        let text = try requireText(text, field: .entry("matching"))
        return try await writingWithoutTransaction { db in
            var linked = 0
            try db.inTransaction {
                let activityId = try Self.activityId(db, ref: ref)
                let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
                let matches = """
                    activityId = ?1 AND outOfScope IS NULL AND yswd_contains(text, ?2)
                      AND NOT EXISTS (SELECT 1 FROM themeContribution WHERE themeId = ?3 AND contributionId = contribution.id)
                    """
                let arguments: StatementArguments = [activityId, text, try theme.id.saved()]
                let batch = try Batch.start(
                    db, kind: "link", description: "theme \(key) matching '\(text)'", actor: self.actor, at: self.now)
                try db.execute(
                    sql: "CREATE TEMP TABLE matched AS SELECT id FROM contribution WHERE \(matches)",
                    arguments: arguments)
                defer { try? db.execute(sql: "DROP TABLE temp.matched") }
                linked = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.matched") ?? 0
                if !dryRun {
                    let moved = try Int64.fetchAll(
                        db,
                        sql: "SELECT id FROM contribution WHERE id IN (SELECT id FROM temp.matched) AND themeLinks > 0")
                    try Self.checkMoves(
                        db, activityId: activityId, activityRef: ref, ids: moved, into: key, reason: reason)
                }
                try db.execute(
                    sql: "UPDATE contribution SET themeLinks = themeLinks + 1 WHERE id IN (SELECT id FROM temp.matched)"
                )
                try db.execute(
                    sql:
                        "INSERT INTO themeContribution (themeId, contributionId, batchId) SELECT ?, id, ? FROM temp.matched",
                    arguments: [theme.id.saved(), batch.id])
                try batch.record(
                    db, activityId: activityId, actor: self.actor, at: self.now,
                    details: ["theme": key, "matching": text, "linked": linked])
                return dryRun || linked == 0 ? .rollback : .commit
            }
            return linked
        }
    }

    /// Rewords a theme, its easy-read wording, or both; `clearEasyRead` removes the easy-read wording.
    public func updateTheme(
        activity ref: String, key: String, said: String?, easyRead: String?, clearEasyRead: Bool,
        reason: String?
    ) async throws {
        let said = try said.map { try requireText($0, field: .entry("said")) }
        let easyRead = try easyRead.map { try EntryRules.easyRead($0) }
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            var theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            if let said { theme.said = said }
            if let easyRead { theme.easyRead = easyRead }
            if clearEasyRead { theme.easyRead = nil }
            try Self.answerChange(db, activityId: activityId, activityRef: ref, subject: "theme", reason: reason) {
                try theme.update(db)
            }
        }
    }

    /// Removes a theme, with its links, its explanation and its place in decisions.
    public func removeTheme(activity ref: String, key: String, reason: String?) async throws {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            try Self.answerChange(db, activityId: activityId, activityRef: ref, subject: "theme", reason: reason) {
                try theme.delete(db)
            }
        }
    }

    /// The activity's themes, with their reach and answers, ordered by key.
    public func themes(activity ref: String) async throws -> [ThemeSummary] {
        try await reading { db in try Self.themeSummaries(db, activityId: try Self.activityId(db, ref: ref)) }
    }

    /// Records an explanation ("we didn't, because") for a theme, replacing any earlier one.
    /// - Returns: whether an earlier explanation was replaced.
    @discardableResult
    public func explain(
        activity ref: String, theme key: String, why: String, reason: ReasonCategory, easyRead: String?,
        changeReason: String?
    ) async throws -> Bool {
        let why = try requireText(why, field: .entry("why"))
        return try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            return try Self.answerChange(
                db, activityId: activityId, activityRef: ref, subject: "explanation", reason: changeReason
            ) {
                try Self.saveExplanation(db, theme: theme, why: why, reason: reason, easyRead: easyRead)
            }
        }
    }

    private static func saveExplanation(
        _ db: Database, theme: Theme, why: String, reason: ReasonCategory, easyRead: String?
    ) throws -> Bool {
        if var existing = try Explanation.rows.filter(Column("themeId") == theme.id.saved()).one(db) {
            existing.why = why
            existing.reason = reason
            existing.easyRead = easyRead
            try existing.update(db)
            return true
        }
        var explanation = try Explanation(themeId: theme.id.saved(), why: why, reason: reason, easyRead: easyRead)
        try explanation.insert(db)
        return false
    }

    /// Refuses, once an update was recorded and without a reason, to link contributions already
    /// feeding another theme of the activity into theme `key` (a move between themes); with a reason,
    /// records it against every theme involved.
    static func checkMoves(
        _ db: Database, activityId: Int64, activityRef: String, ids: [Int64], into key: String, reason: String?
    ) throws {
        guard !ids.isEmpty else { return }
        let list = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let from = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT t.key FROM themeContribution tc JOIN theme t ON t.id = tc.themeId
                WHERE tc.contributionId IN (SELECT value FROM json_each(?)) AND t.key <> ? ORDER BY t.key
                """, arguments: [list, key])
        guard !from.isEmpty else { return }
        try recordReason(
            db, activityId: activityId, activityRef: activityRef, themes: (from + [key]).sorted(), subject: "links",
            reason: reason)
    }

    /// Withdraws a theme's explanation.
    public func withdrawExplanation(activity ref: String, theme key: String, reason: String?) async throws {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            try Self.answerChange(db, activityId: activityId, activityRef: ref, subject: "explanation", reason: reason)
            {
                guard try Explanation.rows.filter(Column("themeId") == theme.id.saved()).deleteAll(db) > 0 else {
                    throw StoreError.noExplanation(activity: ref, theme: key)
                }
            }
        }
    }

    static func link(_ db: Database, themeId: Int64, contributionIds: [Int64]) throws -> Int {
        let statement = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO themeContribution (themeId, contributionId) VALUES (?, ?)")
        var linked = 0
        for id in Set(contributionIds) {
            try statement.execute(arguments: [themeId, id])
            linked += db.changesCount
        }
        return linked
    }

    /// The activity's themes, most views first (then most people, then key), each with its answer.
    /// Views and people count in-scope contributions only; anonymous views are not people.
    static func themeSummaries(_ db: Database, activityId: Int64) throws -> [ThemeSummary] {
        let responses = try Row.fetchAll(
            db,
            sql: """
                SELECT decisionTheme.themeId, decision.key, decision.text, decisionTheme.outcome,
                       decision.status, decision.due, decision.easyRead
                FROM decisionTheme JOIN decision ON decision.id = decisionTheme.decisionId
                WHERE decision.activityId = ? ORDER BY decision.key
                """, arguments: [activityId])
        let responsesByTheme = try Dictionary(grouping: responses) { try $0.read("themeId", as: Int64.self) }
        return try Row.fetchAll(
            db,
            sql: """
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
                WHERE theme.activityId = ?
                GROUP BY theme.id ORDER BY contributions DESC, people DESC, theme.key
                """, arguments: [activityId]
        ).map { row in
            let why: String? = try row.read("why")
            return ThemeSummary(
                key: try row.read("key"), said: try row.read("said"), easyRead: try row.read("easyRead"),
                contributions: try row.read("contributions"),
                people: try row.read("people"), anonymous: try row.read("anonymous"),
                responses: try (responsesByTheme[try row.read("id", as: Int64.self)] ?? []).map {
                    DecisionResponse(
                        decision: try $0.read("key"), text: try $0.read("text"), outcome: try $0.read("outcome"),
                        status: try $0.read("status"),
                        due: try $0.read("due"), easyRead: try $0.read("easyRead"))
                },
                explanation: try why.map {
                    ExplanationSummary(why: $0, reason: try row.read("reason"), easyRead: try row.read("whyEasyRead"))
                })
        }
    }
}
