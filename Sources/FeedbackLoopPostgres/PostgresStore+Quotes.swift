import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Chooses a contribution to be quoted under a theme (history records the choice).
    @discardableResult
    public func addQuote(activity ref: String, theme key: String, contribution number: Int64) async throws -> Bool {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            let themeId = try theme.id.saved()
            let id = try await Self.contribution(session, activity: ref, number: number).id.saved()
            if let refusal = try await Self.quoteRefusal(
                session, activityRef: ref, activityId: activityId, theme: theme, id: id)
            {
                throw StoreError.quoteNotAllowed(id: number, reason: refusal)
            }
            return try await session.count(
                """
                WITH made AS (INSERT INTO chosenQuote (themeId, contributionId, chosenAt) VALUES (\(themeId), \(id), \(now))
                              ON CONFLICT DO NOTHING RETURNING 1)
                SELECT count(*) AS n FROM made
                """) > 0
        }
    }

    /// Stops quoting a contribution under a theme.
    public func removeQuote(activity ref: String, theme key: String, contribution number: Int64) async throws {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let theme = try await Self.theme(session, activityId: activityId, activityRef: ref, key: key)
            let id = try await Self.contribution(session, activity: ref, number: number).id.saved()
            let removed = try await session.count(
                """
                WITH gone AS (DELETE FROM chosenQuote WHERE themeId = \(try theme.id.saved()) AND contributionId = \(id)
                              RETURNING 1)
                SELECT count(*) AS n FROM gone
                """)
            guard removed > 0 else { throw StoreError.quoteNotChosen(id: number, theme: key) }
        }
    }

    /// The activity's chosen quotes, by theme then in the order chosen, each saying whether it will be
    /// published: an update shows the first `perTheme` that may be published under each theme.
    public func chosenQuotes(activity ref: String, perTheme: Int) async throws -> [ChosenQuote] {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            var shown: [String: Int] = [:]
            return try await session.rows(
                """
                SELECT t.key, c.number, p.ref, c.text, q.chosenAt, c.outOfScope IS NOT NULL AS outOfScope,
                       coalesce(p.mayQuote, 0) AS mayQuote, p.erasedAt IS NOT NULL AS erased
                FROM chosenQuote q JOIN theme t ON t.id = q.themeId JOIN contribution c ON c.id = q.contributionId
                LEFT JOIN participant p ON p.id = c.participantId
                WHERE t.activityId = \(activityId) ORDER BY t.key COLLATE "C", q.chosenAt, q.id
                """
            ).map { row in
                let theme: String = try row.read("key")
                let erased: Bool = try row.read("erased")
                let outOfScope: Bool = try row.read("outOfScope")
                let mayQuote = try row.read("mayQuote", as: Int64.self) != 0
                var withheld: String? =
                    erased
                    ? "participant erased" : outOfScope ? "out of scope" : !mayQuote ? "no consent to be quoted" : nil
                if withheld == nil {
                    let count = shown[theme, default: 0]
                    if count >= perTheme {
                        withheld = "an update shows \(perTheme) per theme"
                    } else {
                        shown[theme] = count + 1
                    }
                }
                return ChosenQuote(
                    theme: theme, contribution: try row.read("number"), participant: try row.read("ref"),
                    text: try row.read("text"), chosenAt: try row.read("chosenAt"), withheld: withheld)
            }
        }
    }

    static func quoteRefusal(
        _ session: PostgresSession, activityRef: String, activityId: Int64, theme: Theme, id: Int64
    ) async throws -> QuoteRefusal? {
        guard
            let row = try await session.rows(
                """
                SELECT c.activityId, a.ref AS owner, p.ref, p.mayQuote, p.erasedAt, c.outOfScope, c.text,
                       EXISTS (SELECT 1 FROM themeContribution WHERE themeId = \(try theme.id.saved())
                               AND contributionId = c.id) AS linked
                FROM contribution c JOIN activity a ON a.id = c.activityId
                LEFT JOIN participant p ON p.id = c.participantId WHERE c.id = \(id)
                """
            ).first
        else { throw StoreError.unknownContribution(id) }
        guard try row.read("activityId", as: Int64.self) == activityId else {
            throw StoreError.contributionOfOtherActivity(id: id, activity: activityRef, owner: try row.read("owner"))
        }
        guard let participant: String = try row.read("ref") else { return .anonymous }
        if try row.read("erasedAt", as: String?.self) != nil { return .erased(participant: participant) }
        if try row.read("mayQuote", as: Int64.self) == 0 { return .noConsent(participant: participant) }
        if try row.read("outOfScope", as: String?.self) != nil { return .outOfScope }
        if try row.read("text", as: String.self) == StorePolicy.erasedText { return .erasedText }
        if !(try row.read("linked", as: Bool.self)) { return .notLinked(theme: theme.key) }
        return nil
    }
}
