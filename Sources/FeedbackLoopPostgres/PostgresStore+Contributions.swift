import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Records what someone said.
    @discardableResult
    public func addContribution(
        activity ref: String, text: String, method: EngagementMethod?, received: CalendarDate?,
        participantRef: String?, sourceId: String?, language: String?
    ) async throws -> Contribution {
        let text = try requireText(text, field: .entry("text"))
        return try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let participantId = try await participantRef.asyncMap {
                try await Self.participant(session, ref: $0).id.saved()
            }
            if let sourceId,
                let existing = try await session.value(
                    "number", as: Int64.self,
                    """
                    SELECT number FROM contribution
                    WHERE activityId = \(activityId) AND sourceId = \(sourceId) AND sourceColumn = ''
                    """)
            {
                throw StoreError.duplicateSourceId(activity: ref, sourceId: sourceId, existing: existing)
            }
            var contribution = Contribution(
                activityId: activityId, participantId: participantId, text: text, method: method, received: received,
                sourceId: sourceId, language: language)
            contribution.number = try await Self.takeContributionNumbers(session, activityId: activityId, count: 1)
            contribution.id = try await Self.insert(contribution, into: "contribution", session)
            return contribution
        }
    }

    /// Corrects a contribution's text, or marks it out of scope (`.some(reason)`) or back in scope
    /// (`.some(nil)`); a contribution in themes is marked out of scope only with `unlink`.
    @discardableResult
    public func updateContribution(
        activity ref: String, number: Int64, text: String?, outOfScope: String??, unlink: Bool, changeReason: String?
    ) async throws -> Contribution {
        let text = try text.map { try requireText($0, field: .entry("text")) }
        let reason = try outOfScope.map { try $0.map { try requireText($0, field: .entry("out-of-scope")) } }
        return try await writing { session in
            var contribution = try await Self.contribution(session, activity: ref, number: number)
            let id = try contribution.id.saved()
            if let text { contribution.text = text }
            if let reason {
                if reason != nil, contribution.outOfScope == nil {
                    let left = try await Self.unlinkForOutOfScope(session, contribution: id, unlink: unlink)
                    try await Self.recordReason(
                        session, activityId: contribution.activityId, activityRef: ref, themes: left, subject: "links",
                        reason: changeReason)
                }
                contribution.outOfScope = reason
            }
            try await session.execute(
                try RowValues(contribution, leaving: ["id"]).update("contribution", where: { "id = $\($0)" }, [id]))
            return contribution
        }
    }

    /// Marks several of the activity's contributions out of scope, in one write: all or none.
    public func markOutOfScope(activity ref: String, numbers: [Int64], reason: String) async throws {
        let reason = try requireText(reason, field: .entry("out-of-scope"))
        try await writing { session in
            for number in numbers {
                let contribution = try await Self.contribution(session, activity: ref, number: number)
                let id = try contribution.id.saved()
                try await Self.unlinkForOutOfScope(session, contribution: id, unlink: false)
                try await session.execute("UPDATE contribution SET outOfScope = \(reason) WHERE id = \(id)")
            }
        }
    }

    /// Removes a contribution of the activity `ref`, and its theme links.
    public func removeContribution(activity ref: String, number: Int64) async throws {
        try await writing { session in
            let contribution = try await Self.contribution(session, activity: ref, number: number)
            try await session.execute("DELETE FROM contribution WHERE id = \(try contribution.id.saved())")
        }
    }

    /// Takes a contribution being marked out of scope out of its themes, or refuses without `unlink`.
    @discardableResult
    private static func unlinkForOutOfScope(_ session: PostgresSession, contribution id: Int64, unlink: Bool)
        async throws -> [String]
    {
        let number = try await session.value(
            "number", as: Int64.self, "SELECT number FROM contribution WHERE id = \(id)")
        let themes = try await session.values(
            "key", as: String.self,
            """
            SELECT theme.key FROM themeContribution JOIN theme ON theme.id = themeContribution.themeId
            WHERE themeContribution.contributionId = \(id) ORDER BY theme.key COLLATE "C"
            """)
        guard !themes.isEmpty else { return [] }
        guard unlink else { throw StoreError.themedOutOfScope(id: number ?? id, themes: themes) }
        try await session.execute("DELETE FROM themeContribution WHERE contributionId = \(id)")
        return themes
    }

    /// Contribution number `number` of activity `ref`.
    static func contribution(_ session: PostgresSession, activity ref: String, number: Int64) async throws
        -> Contribution
    {
        let activityId = try await activityId(session, ref: ref)
        guard
            let contribution = try await session.one(
                Contribution.self, "SELECT * FROM contribution WHERE activityId = \(activityId) AND number = \(number)")
        else { throw StoreError.unknownContribution(number) }
        return contribution
    }

    /// Takes the activity's next `count` contribution numbers: the first of them. A number once given
    /// is never given again, even after a removal.
    static func takeContributionNumbers(_ session: PostgresSession, activityId: Int64, count: Int) async throws -> Int64
    {
        guard
            let last = try await session.value(
                "last", as: Int64.self,
                """
                INSERT INTO contributionCounter (activityId, last) VALUES (\(activityId), \(Int64(count)))
                ON CONFLICT (activityId) DO UPDATE SET last = contributionCounter.last + excluded.last RETURNING last
                """)
        else { throw StoreError.database(message: "no contribution number was given", busy: false) }
        return last - Int64(count) + 1
    }

    /// An activity's contributions in number order, filtered as on SQLite.
    public func contributions(
        activity ref: String, unthemedOnly: Bool, themedOnly: Bool, matching: String?, theme: String?, number: Int64?
    ) async throws -> [ContributionSummary] {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            return try await session.rows(
                """
                SELECT contribution.*, participant.ref AS participantRef,
                       (SELECT string_agg(theme.key, chr(10) ORDER BY theme.key COLLATE "C")
                        FROM themeContribution JOIN theme ON theme.id = themeContribution.themeId
                        WHERE themeContribution.contributionId = contribution.id) AS themeKeys
                FROM contribution LEFT JOIN participant ON participant.id = contribution.participantId
                WHERE contribution.activityId = \(activityId)
                  AND (NOT \(unthemedOnly) OR (contribution.outOfScope IS NULL AND contribution.themeLinks = 0))
                  AND (NOT \(themedOnly) OR contribution.themeLinks > 0)
                  AND (\(matching)::text IS NULL OR yswd_contains(contribution.text, \(matching)))
                  AND (\(theme)::text IS NULL OR EXISTS (
                      SELECT 1 FROM themeContribution JOIN theme ON theme.id = themeContribution.themeId
                      WHERE themeContribution.contributionId = contribution.id AND theme.key = \(theme)))
                  AND (\(number)::bigint IS NULL OR contribution.number = \(number))
                ORDER BY contribution.number
                """
            ).map { row in
                let keys: String? = try row.read("themeKeys")
                return ContributionSummary(
                    id: try row.read("id"), number: try row.read("number"), text: try row.read("text"),
                    method: try row.read("method", as: String?.self).map {
                        try EngagementMethod.stored($0, column: "method")
                    },
                    received: try row.read("received", as: String?.self).map {
                        try CalendarDate.stored($0, column: "received")
                    },
                    participant: try row.read("participantRef"), sourceId: try row.read("sourceId"),
                    outOfScope: try row.read("outOfScope"),
                    themes: keys.map { $0.split(separator: "\n").map(String.init) } ?? [])
            }
        }
    }
}
