import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// Chooses a contribution to be quoted under a theme (history records the choice).
    /// - Throws: ``StoreError/quoteNotAllowed(id:reason:)`` when the contribution is anonymous, its
    ///   participant did not agree to be quoted or was erased, it is out of scope, or it is not linked
    ///   to the theme.
    /// - Returns: false when it was already chosen.
    @discardableResult
    public func addQuote(activity ref: String, theme key: String, contribution number: Int64) async throws -> Bool {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            let themeId = try theme.id.saved()
            let id = try Self.contribution(db, activity: ref, number: number).id.saved()
            if let refusal = try Self.quoteRefusal(db, activityRef: ref, activityId: activityId, theme: theme, id: id) {
                throw StoreError.quoteNotAllowed(id: number, reason: refusal)
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO chosenQuote (themeId, contributionId, chosenAt) VALUES (?, ?, ?)",
                arguments: [themeId, id, self.now])
            return db.changesCount > 0
        }
    }

    /// Stops quoting a contribution under a theme.
    public func removeQuote(activity ref: String, theme key: String, contribution number: Int64) async throws {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            let id = try Self.contribution(db, activity: ref, number: number).id.saved()
            try db.execute(
                sql: "DELETE FROM chosenQuote WHERE themeId = ? AND contributionId = ?",
                arguments: [try theme.id.saved(), id])
            guard db.changesCount > 0 else { throw StoreError.quoteNotChosen(id: number, theme: key) }
        }
    }

    /// The activity's chosen quotes, by theme then in the order chosen, each saying whether it will
    /// be published: an update shows the first `perTheme` that may be published under each theme,
    /// as `publish --quotes` does.
    public func chosenQuotes(activity ref: String, perTheme: Int) async throws -> [ChosenQuote] {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT t.key, c.number, p.ref, c.text, q.chosenAt, c.outOfScope IS NOT NULL AS outOfScope,
                           coalesce(p.mayQuote, 0) AS mayQuote, p.erasedAt IS NOT NULL AS erased
                    FROM chosenQuote q JOIN theme t ON t.id = q.themeId JOIN contribution c ON c.id = q.contributionId
                    LEFT JOIN participant p ON p.id = c.participantId
                    WHERE t.activityId = ? ORDER BY t.key, q.chosenAt, q.id
                    """, arguments: [activityId]
            ).reduce(into: (quotes: [ChosenQuote](), shown: [String: Int]())) { result, row in
                let theme: String = try row.read("key")
                let erased: Bool = try row.read("erased")
                let outOfScope: Bool = try row.read("outOfScope")
                let mayQuote: Bool = try row.read("mayQuote")
                var withheld: String? =
                    erased
                    ? "participant erased" : outOfScope ? "out of scope" : !mayQuote ? "no consent to be quoted" : nil
                if withheld == nil {
                    let shown = result.shown[theme, default: 0]
                    if shown >= perTheme {
                        withheld = "an update shows \(perTheme) per theme"
                    } else {
                        result.shown[theme] = shown + 1
                    }
                }
                result.quotes.append(
                    ChosenQuote(
                        theme: theme, contribution: try row.read("number"), participant: try row.read("ref"),
                        text: try row.read("text"),
                        chosenAt: try row.read("chosenAt"), withheld: withheld))
            }.quotes

        }
    }

    static func quoteRefusal(_ db: Database, activityRef: String, activityId: Int64, theme: Theme, id: Int64) throws
        -> QuoteRefusal?
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.activityId, a.ref AS owner, p.ref, p.mayQuote, p.erasedAt, c.outOfScope, c.text,
                           EXISTS (SELECT 1 FROM themeContribution WHERE themeId = ? AND contributionId = c.id) AS linked
                    FROM contribution c JOIN activity a ON a.id = c.activityId
                    LEFT JOIN participant p ON p.id = c.participantId WHERE c.id = ?
                    """, arguments: [try theme.id.saved(), id])
        else { throw StoreError.unknownContribution(id) }
        guard try row.read("activityId", as: Int64.self) == activityId else {
            throw StoreError.contributionOfOtherActivity(id: id, activity: activityRef, owner: try row.read("owner"))
        }
        guard let participant: String = try row.read("ref") else { return .anonymous }
        if try row.read("erasedAt", as: String?.self) != nil { return .erased(participant: participant) }
        if !(try row.read("mayQuote", as: Bool.self)) { return .noConsent(participant: participant) }
        if try row.read("outOfScope", as: String?.self) != nil { return .outOfScope }
        if try row.read("text", as: String.self) == StorePolicy.erasedText { return .erasedText }
        if !(try row.read("linked", as: Bool.self)) { return .notLinked(theme: theme.key) }
        return nil
    }
}
