import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Records a theme ("you said") and links it to the selected contributions.
    @discardableResult
    public func addTheme(
        activity ref: String, key: String, said: String, easyRead: String?, contributions: [ContributionSelection],
        reason: String?
    ) async throws -> (theme: Theme, linked: Int) {
        let key = try EntryRules.identifier(key, field: .argument("KEY"))
        let said = try requireText(said, field: .entry("said"))
        let easyRead = try easyRead.map { try EntryRules.easyRead($0) }
        return try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            if try await session.count(
                "SELECT count(*) AS n FROM theme WHERE activityId = \(activityId) AND key = \(key)") > 0
            {
                throw StoreError.duplicateTheme(activity: ref, key: key)
            }
            return try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "theme", reason: reason
            ) {
                var theme = Theme(activityId: activityId, key: key, said: said, easyRead: easyRead)
                theme.id = try await Self.insert(theme, into: "theme", session)
                let ids = try await Self.contributionIds(
                    session, contributions, activityId: activityId, activityRef: ref)
                try await Self.checkMoves(
                    session, activityId: activityId, activityRef: ref, ids: ids, into: key, reason: reason)
                return (theme, try await Self.link(session, themeId: try theme.id.saved(), contributionIds: ids))
            }
        }
    }

    /// Links more contributions to a theme; with `move`, each leaves the themes it was in.
    @discardableResult
    public func linkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], move: Bool, reason: String?
    ) async throws -> Int {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            let themeId = try theme.id.saved()
            let ids = try await Self.contributionIds(session, contributions, activityId: activityId, activityRef: ref)
            try await Self.checkMoves(
                session, activityId: activityId, activityRef: ref, ids: ids, into: key, reason: reason)
            var left = 0
            if move {
                left = try await session.count(
                    """
                    WITH gone AS (DELETE FROM themeContribution
                                  WHERE contributionId = ANY(\(Set(ids).sorted())) AND themeId <> \(themeId) RETURNING 1)
                    SELECT count(*) AS n FROM gone
                    """)
            }
            let linked = try await Self.link(session, themeId: themeId, contributionIds: ids)
            guard move else { return linked }
            return max(left, linked) > 0 ? Set(ids).count : 0
        }
    }

    /// Takes contributions out of one theme, leaving any other themes they are in.
    @discardableResult
    public func unlinkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], reason: String?
    ) async throws -> Int {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            let ids = Set(
                try await Self.contributionIds(session, contributions, activityId: activityId, activityRef: ref))
            for id in ids.sorted() {
                let removed = try await session.count(
                    """
                    WITH gone AS (DELETE FROM themeContribution WHERE themeId = \(try theme.id.saved())
                                  AND contributionId = \(id) RETURNING 1)
                    SELECT count(*) AS n FROM gone
                    """)
                if removed == 0 { throw StoreError.notInTheme(id: id, theme: key) }
            }
            try await Self.recordReason(
                session, activityId: activityId, activityRef: ref, themes: [key], subject: "links", reason: reason)
            return ids.count
        }
    }

    /// Links every in-scope contribution whose text contains `text` (ignoring case and accents) to a
    /// theme, as one bulk write: history records it once.
    @discardableResult
    public func linkTheme(
        activity ref: String, key: String, matching text: String, dryRun: Bool, reason: String?
    ) async throws -> Int {
        let text = try requireText(text, field: .entry("matching"))
        do {
            return try await writing { session in
                let activityId = try await Self.activityId(session, ref: ref)
                let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
                let themeId = try theme.id.saved()
                let matched = try await session.values(
                    "id", as: Int64.self,
                    """
                    SELECT id FROM contribution
                    WHERE activityId = \(activityId) AND outOfScope IS NULL AND yswd_contains(text, \(text))
                      AND NOT EXISTS (SELECT 1 FROM themeContribution WHERE themeId = \(themeId)
                                      AND contributionId = contribution.id)
                    """)
                if dryRun || matched.isEmpty { throw Unwritten.count(matched.count) }
                let batch = try await PostgresBatch.start(
                    session, kind: "link", description: "theme \(key) matching '\(text)'", actor: actor, at: now)
                let moved = try await session.values(
                    "id", as: Int64.self, "SELECT id FROM contribution WHERE id = ANY(\(matched)) AND themeLinks > 0")
                try await Self.checkMoves(
                    session, activityId: activityId, activityRef: ref, ids: moved, into: key, reason: reason)
                try await session.execute(
                    "UPDATE contribution SET themeLinks = themeLinks + 1 WHERE id = ANY(\(matched))")
                try await session.execute(
                    """
                    INSERT INTO themeContribution (themeId, contributionId, batchId)
                    SELECT \(themeId), unnest(\(matched)::bigint[]), \(batch.id)
                    """)
                try await batch.record(
                    session, activityId: activityId, actor: actor, at: now,
                    details: [
                        ("theme", .text(key)), ("matching", .text(text)), ("linked", .number(Int64(matched.count))),
                    ])
                return matched.count
            }
        } catch Unwritten.count(let count) {
            return count
        }
    }

    /// A dry run's answer, carried out of the transaction it rolls back.
    private enum Unwritten: Error { case count(Int) }

    /// Rewords a theme, its easy-read wording, or both; `clearEasyRead` removes the easy-read wording.
    public func updateTheme(
        activity ref: String, key: String, said: String?, easyRead: String?, clearEasyRead: Bool, reason: String?
    ) async throws {
        let said = try said.map { try requireText($0, field: .entry("said")) }
        let easyRead = try easyRead.map { try EntryRules.easyRead($0) }
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            var theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            if let said { theme.said = said }
            if let easyRead { theme.easyRead = easyRead }
            if clearEasyRead { theme.easyRead = nil }
            let id = try theme.id.saved()
            try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "theme", reason: reason
            ) {
                try await session.execute(
                    try RowValues(theme, leaving: ["id"]).update("theme", where: { "id = $\($0)" }, [id]))
            }
        }
    }

    /// Removes a theme, with its links, its explanation and its place in decisions.
    public func removeTheme(activity ref: String, key: String, reason: String?) async throws {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            try await Self.answerChange(
                session, activityId: activityId, activityRef: ref, subject: "theme", reason: reason
            ) {
                try await session.execute("DELETE FROM theme WHERE id = \(try theme.id.saved())")
            }
        }
    }

    /// The activity's themes, with their reach and answers.
    public func themes(activity ref: String) async throws -> [ThemeSummary] {
        try await reading { session in
            try await Self.themeSummaries(session, activityId: try await Self.activityId(session, ref: ref))
        }
    }

    static func theme(_ session: PostgresSession, activityId: Int64, activityRef: String, key: String) async throws
        -> Theme
    {
        guard
            let theme = try await session.one(
                Theme.self, "SELECT * FROM theme WHERE activityId = \(activityId) AND key = \(key)")
        else {
            let known = try await session.values(
                "key", as: String.self,
                "SELECT key FROM theme WHERE activityId = \(activityId) ORDER BY key COLLATE \"C\"")
            throw StoreError.unknownTheme(activity: activityRef, key: key, known: known)
        }
        return theme
    }

    /// Refuses, once an update was recorded and without a reason, to move contributions between themes.
    static func checkMoves(
        _ session: PostgresSession, activityId: Int64, activityRef: String, ids: [Int64], into key: String,
        reason: String?
    ) async throws {
        guard !ids.isEmpty else { return }
        let from = try await session.values(
            "key", as: String.self,
            """
            SELECT DISTINCT t.key COLLATE "C" AS key FROM themeContribution tc JOIN theme t ON t.id = tc.themeId
            WHERE tc.contributionId = ANY(\(ids)) AND t.key <> \(key) ORDER BY 1
            """)
        guard !from.isEmpty else { return }
        try await recordReason(
            session, activityId: activityId, activityRef: activityRef, themes: (from + [key]).sorted(),
            subject: "links", reason: reason)
    }

    static func link(_ session: PostgresSession, themeId: Int64, contributionIds: [Int64]) async throws -> Int {
        guard !contributionIds.isEmpty else { return 0 }
        return try await session.count(
            """
            WITH made AS (
                INSERT INTO themeContribution (themeId, contributionId)
                SELECT \(themeId), id FROM unnest(\(Set(contributionIds).sorted())::bigint[]) AS id
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) AS n FROM made
            """)
    }
}

extension CalendarDate {
    /// A stored calendar date, or ``StoreError/unreadable(column:)``.
    static func stored(_ text: String, column: String) throws(StoreError) -> CalendarDate {
        do { return try CalendarDate.parse(text, field: "date") } catch { throw .unreadable(column: column) }
    }
}
