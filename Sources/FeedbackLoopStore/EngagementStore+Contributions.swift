import FeedbackLoop
import GRDB

/// A contribution as a listing shows it, with who said it and the themes it feeds.
public struct ContributionSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var text: String
    public var method: EngagementMethod?
    public var received: CalendarDate?
    public var participant: String?
    public var sourceId: String?
    public var outOfScope: String?
    public var themes: [String]
}

extension EngagementStore {
    /// Records what someone said.
    /// - Parameter participantRef: who said it, when known; the participant must exist.
    @discardableResult
    public func addContribution(
        activity ref: String, text: String, method: EngagementMethod? = nil, received: CalendarDate? = nil,
        participantRef: String? = nil, sourceId: String? = nil
    ) throws -> Contribution {
        let text = try requireText(text, option: "--text")
        return try database.write { db in
            let activityId = try Self.activityId(db, ref: ref)
            let participantId = try participantRef.map { try Self.participant(db, ref: $0).id! }
            if let sourceId,
                let existing = try Int64.fetchOne(
                    db, sql: "SELECT id FROM contribution WHERE activityId = ? AND sourceId = ? AND sourceColumn = ''",
                    arguments: [activityId, sourceId])
            {
                throw StoreError.duplicateSourceId(activity: ref, sourceId: sourceId, existing: existing)
            }
            var contribution = Contribution(
                activityId: activityId, participantId: participantId, text: text, method: method, received: received,
                sourceId: sourceId)
            try contribution.insert(db)
            return contribution
        }
    }

    /// Changes a contribution's text or scope.
    /// - Parameter outOfScope: `.some(reason)` marks it out of scope, `.some(nil)` brings it back in scope.
    @discardableResult
    public func updateContribution(id: Int64, text: String? = nil, outOfScope: String?? = nil) throws -> Contribution {
        let text = try text.map { try requireText($0, option: "--text") }
        let reason = try outOfScope.map { try $0.map { try requireText($0, option: "--out-of-scope") } }
        return try database.write { db in
            guard var contribution = try Contribution.fetchOne(db, key: id) else {
                throw StoreError.unknownContribution(id)
            }
            if let text { contribution.text = text }
            if let reason { contribution.outOfScope = reason }
            try contribution.update(db)
            return contribution
        }
    }

    /// Removes a contribution and its theme links.
    public func removeContribution(id: Int64) throws {
        try database.write { db in
            guard try Contribution.deleteOne(db, key: id) else { throw StoreError.unknownContribution(id) }
        }
    }

    /// An activity's contributions in number order; `unthemedOnly` keeps those with no theme that are in scope.
    public func contributions(activity ref: String, unthemedOnly: Bool = false) throws -> [ContributionSummary] {
        try database.read { db in
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
                    WHERE contribution.activityId = ?
                      AND (NOT ? OR (contribution.outOfScope IS NULL AND contribution.themeLinks = 0))
                    ORDER BY contribution.id
                    """, arguments: [activityId, unthemedOnly]
            ).map { row in
                let keys: String? = row["themeKeys"]
                let themes = keys.map { $0.split(separator: "\n").map(String.init) } ?? []
                return ContributionSummary(
                    id: row["id"], text: row["text"], method: row["method"], received: row["received"],
                    participant: row["participantRef"], sourceId: row["sourceId"], outOfScope: row["outOfScope"],
                    themes: themes)
            }
        }
    }
}
