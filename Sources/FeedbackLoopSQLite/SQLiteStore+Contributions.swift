import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// Records what someone said.
    /// - Parameter participantRef: who said it, when known; the participant must exist.
    @discardableResult
    public func addContribution(
        activity ref: String, text: String, method: EngagementMethod?, received: CalendarDate?,
        participantRef: String?, sourceId: String?, language: String?
    ) async throws -> Contribution {
        let text = try requireText(text, field: .entry("text"))
        return try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let participantId = try participantRef.map { try Self.participant(db, ref: $0).id.saved() }
            if let sourceId,
                let existing = try Int64.fetchOne(
                    db,
                    sql: "SELECT number FROM contribution WHERE activityId = ? AND sourceId = ? AND sourceColumn = ''",
                    arguments: [activityId, sourceId])
            {
                throw StoreError.duplicateSourceId(activity: ref, sourceId: sourceId, existing: existing)
            }
            var contribution = Contribution(
                activityId: activityId, participantId: participantId, text: text, method: method, received: received,
                sourceId: sourceId, language: language)
            contribution.number = try Self.takeContributionNumbers(db, activityId: activityId, count: 1)
            try contribution.insert(db)
            return contribution
        }
    }

    /// Corrects a contribution's text, or marks it out of scope (`.some(reason)`) or back in scope
    /// (`.some(nil)`).
    ///
    /// Contributions are numbered within their activity. A contribution that feeds themes is marked
    /// out of scope only with `unlink`, which removes its theme links (history records each, with
    /// the theme).
    @discardableResult
    public func updateContribution(
        activity ref: String, number: Int64, text: String?, outOfScope: String??, unlink: Bool,
        changeReason: String?
    ) async throws -> Contribution {
        let text = try text.map { try requireText($0, field: .entry("text")) }
        let reason = try outOfScope.map { try $0.map { try requireText($0, field: .entry("out-of-scope")) } }
        return try await writing { db in
            var contribution = try Self.contribution(db, activity: ref, number: number)
            if let text { contribution.text = text }
            if let reason {
                if reason != nil, contribution.outOfScope == nil {
                    let left = try Self.unlinkForOutOfScope(db, contribution: contribution.id.saved(), unlink: unlink)
                    try Self.recordReason(
                        db, activityId: contribution.activityId, activityRef: ref, themes: left, subject: "links",
                        reason: changeReason)
                }
                contribution.outOfScope = reason
            }
            try contribution.update(db)
            return contribution
        }
    }

    /// Marks several of the activity's contributions out of scope, in one write: all or none.
    /// Each must belong to the activity and feed no theme.
    public func markOutOfScope(activity ref: String, numbers: [Int64], reason: String) async throws {
        let reason = try requireText(reason, field: .entry("out-of-scope"))
        try await writing { db in
            for number in numbers {
                var contribution = try Self.contribution(db, activity: ref, number: number)
                try Self.unlinkForOutOfScope(db, contribution: contribution.id.saved(), unlink: false)
                contribution.outOfScope = reason
                try contribution.update(db)
            }
        }
    }

    /// Removes a contribution of the activity `ref`, and its theme links.
    public func removeContribution(activity ref: String, number: Int64) async throws {
        try await writing { db in
            let contribution = try Self.contribution(db, activity: ref, number: number)
            try Stored<Contribution>.deleteOne(db, key: contribution.id)
        }
    }

    /// Takes a contribution being marked out of scope out of its themes, or refuses without `unlink`.
    /// - Returns: the keys of the themes it was taken out of.
    @discardableResult
    private static func unlinkForOutOfScope(_ db: Database, contribution id: Int64, unlink: Bool) throws -> [String] {
        let number = try Int64.fetchOne(db, sql: "SELECT number FROM contribution WHERE id = ?", arguments: [id]) ?? id
        let themes = try String.fetchAll(
            db,
            sql: """
                SELECT theme.key FROM themeContribution JOIN theme ON theme.id = themeContribution.themeId
                WHERE themeContribution.contributionId = ? ORDER BY theme.key
                """, arguments: [id])
        guard !themes.isEmpty else { return [] }
        guard unlink else { throw StoreError.themedOutOfScope(id: number, themes: themes) }
        try db.execute(sql: "DELETE FROM themeContribution WHERE contributionId = ?", arguments: [id])
        return themes
    }

    /// Contribution number `number` of activity `ref`.
    static func contribution(_ db: Database, activity ref: String, number: Int64) throws -> Contribution {
        let activityId = try activityId(db, ref: ref)
        guard
            let contribution = try Contribution.rows.filter(
                Column("activityId") == activityId && Column("number") == number
            )
            .one(db)
        else { throw StoreError.unknownContribution(number) }
        return contribution
    }

    /// Takes the activity's next `count` contribution numbers, in the writing transaction: the first
    /// of them. A number once given is never given again, even after a removal.
    static func takeContributionNumbers(_ db: Database, activityId: Int64, count: Int) throws -> Int64 {
        let last = try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO contributionCounter (activityId, last) VALUES (?1, ?2)
                ON CONFLICT (activityId) DO UPDATE SET last = last + ?2 RETURNING last
                """, arguments: [activityId, count])
        guard let last else { throw StoreError.database(message: "no contribution number was given", busy: false) }
        return last - Int64(count) + 1
    }

    /// An activity's contributions in number order; `unthemedOnly` keeps those with no theme that are
    /// in scope, `matching` those whose text contains it (ignoring case and accents, as `theme link
    /// --matching` does), `theme` those linked to it, `number` that one.
    public func contributions(
        activity ref: String, unthemedOnly: Bool, themedOnly: Bool, matching: String?,
        theme: String?, number: Int64?
    ) async throws -> [ContributionSummary] {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT contribution.*, participant.ref AS participantRef,
                           (SELECT group_concat(theme.key, char(10)) FROM
                               (SELECT theme.key FROM themeContribution JOIN theme ON theme.id = themeContribution.themeId
                                WHERE themeContribution.contributionId = contribution.id ORDER BY theme.key) AS theme
                           ) AS themeKeys
                    FROM contribution LEFT JOIN participant ON participant.id = contribution.participantId
                    WHERE contribution.activityId = :activity
                      AND (NOT :unthemed OR (contribution.outOfScope IS NULL AND contribution.themeLinks = 0))
                      AND (NOT :themed OR contribution.themeLinks > 0)
                      AND (:matching IS NULL OR yswd_contains(contribution.text, :matching))
                      AND (:theme IS NULL OR EXISTS (
                          SELECT 1 FROM themeContribution JOIN theme ON theme.id = themeContribution.themeId
                          WHERE themeContribution.contributionId = contribution.id AND theme.key = :theme))
                      AND (:number IS NULL OR contribution.number = :number)
                    ORDER BY contribution.number
                    """,
                arguments: [
                    "activity": activityId, "unthemed": unthemedOnly, "themed": themedOnly, "matching": matching,
                    "theme": theme, "number": number,
                ]
            ).map { row in
                let keys: String? = try row.read("themeKeys")
                let themes = keys.map { $0.split(separator: "\n").map(String.init) } ?? []
                return ContributionSummary(
                    id: try row.read("id"), number: try row.read("number"), text: try row.read("text"),
                    method: try row.read("method"),
                    received: try row.read("received"),
                    participant: try row.read("participantRef"), sourceId: try row.read("sourceId"),
                    outOfScope: try row.read("outOfScope"),
                    themes: themes)
            }
        }
    }
}
