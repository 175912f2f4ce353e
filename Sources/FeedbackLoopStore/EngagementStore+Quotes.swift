import FeedbackLoop
import GRDB

/// A contribution chosen to be quoted under a theme, as `quote list` shows it.
public struct ChosenQuote: Sendable, Equatable, Codable {
    public var theme: String
    /// The contribution's number in its activity.
    public var contribution: Int64
    public var participant: String?
    public var text: String
    public var chosenAt: String
    /// Nil when it will be published; otherwise why it will not be (consent withdrawn, erased…).
    public var withheld: String?
}

extension EngagementStore {
    /// Chooses a contribution to be quoted under a theme (history records the choice).
    /// - Throws: ``StoreError/quoteNotAllowed(id:reason:)`` when the contribution is anonymous, its
    ///   participant did not agree to be quoted or was erased, it is out of scope, or it is not linked
    ///   to the theme.
    /// - Returns: false when it was already chosen.
    @discardableResult
    public func addQuote(activity ref: String, theme key: String, contribution number: Int64) throws -> Bool {
        try writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let theme = try Self.theme(db, activityId: activityId, activityRef: ref, key: key)
            let themeId = try theme.id.saved()
            let id = try Self.contribution(db, activity: ref, number: number).id.saved()
            if let refusal = try Self.quoteRefusal(db, activityRef: ref, activityId: activityId, theme: theme, id: id) {
                throw StoreError.quoteNotAllowed(id: number, reason: refusal)
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO chosenQuote (themeId, contributionId, chosenAt) VALUES (?, ?, ?)",
                arguments: [themeId, id, now])
            return db.changesCount > 0
        }
    }

    /// Stops quoting a contribution under a theme.
    public func removeQuote(activity ref: String, theme key: String, contribution number: Int64) throws {
        try writing { db in
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
    public func chosenQuotes(activity ref: String, perTheme: Int = 2) throws -> [ChosenQuote] {
        try reading { db in
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
                let theme: String = row["key"]
                var withheld: String? =
                    row["erased"]
                    ? "participant erased"
                    : row["outOfScope"] ? "out of scope" : !row["mayQuote"] ? "no consent to be quoted" : nil
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
                        theme: theme, contribution: row["number"], participant: row["ref"], text: row["text"],
                        chosenAt: row["chosenAt"], withheld: withheld))
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
        guard row["activityId"] as Int64 == activityId else {
            throw StoreError.contributionOfOtherActivity(id: id, activity: activityRef, owner: row["owner"])
        }
        guard let participant: String = row["ref"] else { return .anonymous }
        if row["erasedAt"] as String? != nil { return .erased(participant: participant) }
        if !(row["mayQuote"] as Bool) { return .noConsent(participant: participant) }
        if row["outOfScope"] as String? != nil { return .outOfScope }
        if row["text"] as String == erasedText { return .erasedText }
        if !(row["linked"] as Bool) { return .notLinked(theme: theme.key) }
        return nil
    }
}
