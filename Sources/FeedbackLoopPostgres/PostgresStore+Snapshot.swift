import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

/// What an update is made from, read in one go, as on SQLite.
extension PostgresStore {
    /// Everything recorded about one activity: counts, themes with their answers, decisions, evaluation.
    public func activityRecord(ref: String) async throws -> ActivityRecord {
        try await reading { session in
            let activity = try await Self.activity(session, ref: ref)
            let id = try activity.id.saved()
            return ActivityRecord(
                activity: activity, contributions: try await Self.contributionCounts(session, activityId: id),
                themes: try await Self.themeSummaries(session, activityId: id),
                decisions: try await Self.decisions(session, activityId: id),
                evaluation: try await session.one(Evaluation.self, "SELECT * FROM evaluation WHERE activityId = \(id)"))
        }
    }

    static func contributionCounts(_ session: PostgresSession, activityId: Int64) async throws -> ContributionCounts {
        let row = try await session.rows(
            """
            SELECT count(*) AS total,
               count(*) FILTER (WHERE outOfScope IS NOT NULL) AS outOfScope,
               count(*) FILTER (WHERE outOfScope IS NULL AND themeLinks = 0) AS unthemed,
               count(DISTINCT participantId) AS participants
            FROM contribution WHERE activityId = \(activityId)
            """
        ).first
        let byMethod = try await methodCounts(session, activityId: activityId, inScopeOnly: false)
        func count(_ column: String) throws -> Int { Int(try row?.read(column, as: Int64.self) ?? 0) }
        return ContributionCounts(
            total: try count("total"), unthemed: try count("unthemed"), outOfScope: try count("outOfScope"),
            participants: try count("participants"), byMethod: byMethod)
    }

    private static func methodCounts(_ session: PostgresSession, activityId: Int64, inScopeOnly: Bool) async throws
        -> [String: Int]
    {
        Dictionary(
            uniqueKeysWithValues: try await session.rows(
                """
                SELECT coalesce(method, 'unrecorded') AS method, count(*) AS n FROM contribution
                WHERE activityId = \(activityId) AND (NOT \(inScopeOnly) OR outOfScope IS NULL) GROUP BY 1
                """
            ).map { (try $0.read("method", as: String.self), Int(try $0.read("n", as: Int64.self))) })
    }

    /// Everything an update of the activity is made from, as of `asOf`.
    public func updateSnapshot(ref: String, asOf: CalendarDate, quotesPerTheme: Int, quoteMode: QuoteMode) async throws
        -> UpdateSnapshot
    {
        try await reading { session in
            let activity = try await Self.activity(session, ref: ref)
            let id = try activity.id.saved()
            let decisions = try await Self.decisions(session, activityId: id)
            let record = ActivityRecord(
                activity: activity, contributions: try await Self.contributionCounts(session, activityId: id),
                themes: try await Self.themeSummaries(session, activityId: id), decisions: decisions, evaluation: nil)
            let settings = try await Self.settings(session)
            let counts = try await session.rows(
                """
                SELECT count(*) AS views, count(DISTINCT participantId) AS people,
                       count(*) FILTER (WHERE participantId IS NULL) AS anonymous
                FROM contribution WHERE activityId = \(id) AND outOfScope IS NULL
                """
            ).first
            func count(_ column: String) throws -> Int { Int(try counts?.read(column, as: Int64.self) ?? 0) }
            var snapshot = UpdateSnapshot(
                record: record, organisation: settings.organisation,
                publicContact: activity.publicContact ?? settings.publicContact, people: try count("people"),
                asOf: asOf,
                quotes: try await Self.quotes(session, activityId: id, perTheme: quotesPerTheme, mode: quoteMode),
                answerSignatures: try await Self.answerSignatures(session, activityId: id))
            snapshot.views = try count("views")
            snapshot.anonymous = try count("anonymous")
            snapshot.viewsByMethod = try await Self.methodCounts(session, activityId: id, inScopeOnly: true)
            snapshot.answersDue =
                snapshot.nextUpdate
                ?? LoopRules(settings: settings).baseDue(feedbackBy: activity.feedbackBy, closes: activity.closes)
            var staff: [String] = activity.lead.map { [$0] } ?? []
            for name in decisions.compactMap(\.decidedBy) where !staff.contains(name) { staff.append(name) }
            snapshot.staffNames = staff
            snapshot.postalAddress = settings.postalAddress
            snapshot.publicURL = settings.publicURL
            // What changed is told against the latest update; when the latest already reports every
            // answer as it is, against the one before.
            let previousSQL = """
                WITH latest AS (
                    SELECT number, (coverage IS NOT DISTINCT FROM coalesce(\(AnswerSignature.activity("$1::bigint")), ''))::int
                           AS covers
                    FROM publishedUpdate WHERE activityId = $1 ORDER BY number DESC LIMIT 1)
                SELECT u.number, u.published, u.recordedAt, u.data FROM publishedUpdate u, latest
                WHERE u.activityId = $1 AND u.number = latest.number - latest.covers
                """
            if let previous = try await session.rows(PostgresQuery(unsafeSQL: previousSQL, binds: Self.bindings(id)))
                .first
            {
                let recordedAt = try previous.read("recordedAt", as: String.self)
                snapshot.previous = PreviousUpdate(
                    number: Int(try previous.read("number", as: Int64.self)),
                    published: try CalendarDate.stored(try previous.read("published"), column: "published"),
                    recordedAt: recordedAt, data: Data(try previous.read("data", as: ByteBuffer.self).readableBytesView)
                )
                snapshot.changeReasons = try await Self.changeReasons(
                    session, activityId: id, theme: nil, since: recordedAt, until: nil)
            }
            return snapshot
        }
    }

    /// The quotes to publish, by theme key, as on SQLite.
    static func quotes(_ session: PostgresSession, activityId: Int64, perTheme: Int, mode: QuoteMode) async throws
        -> [String: [Quote]]
    {
        guard perTheme > 0 else { return [:] }
        let eligible = "p.mayQuote = 1 AND p.erasedAt IS NULL AND c.outOfScope IS NULL AND c.text <> $2"
        let ranked =
            switch mode {
            case .chosen:
                """
                SELECT t.key, c.id, c.participantId, c.text, c.language,
                       row_number() OVER (PARTITION BY t.id ORDER BY q.chosenAt, q.id) AS n
                FROM chosenQuote q JOIN theme t ON t.id = q.themeId
                JOIN themeContribution tc ON tc.themeId = q.themeId AND tc.contributionId = q.contributionId
                JOIN contribution c ON c.id = q.contributionId
                JOIN participant p ON p.id = c.participantId
                WHERE t.activityId = $1 AND \(eligible)
                """
            case .auto:
                """
                SELECT t.key, c.id, c.participantId, c.text, c.language, row_number() OVER (PARTITION BY t.id ORDER BY c.id) AS n
                FROM theme t
                JOIN themeContribution tc ON tc.themeId = t.id
                JOIN contribution c ON c.id = tc.contributionId
                JOIN participant p ON p.id = c.participantId
                WHERE t.activityId = $1 AND \(eligible)
                """
            }
        var bindings = PostgresBindings()
        bindings.append(activityId)
        bindings.append(StorePolicy.erasedText)
        bindings.append(Int64(perTheme))
        var quotes: [String: [Quote]] = [:]
        for row in try await session.rows(
            PostgresQuery(
                unsafeSQL:
                    "SELECT key, id, participantId, text, language FROM (\(ranked)) AS ranked WHERE n <= $3 ORDER BY key COLLATE \"C\", n",
                binds: bindings))
        {
            quotes[try row.read("key", as: String.self), default: []].append(
                Quote(
                    contributionId: try row.read("id"), participantId: try row.read("participantId"),
                    text: try row.read("text"), language: try row.read("language", as: String?.self)))
        }
        return quotes
    }

    /// The private terms that could appear in a text made of `words`, as on SQLite.
    public func privateTerms(ref: String, words: Set<String>) async throws -> [String] {
        guard !words.isEmpty else { return [] }
        let list = words.sorted()
        return try await reading { session in
            let id = try await Self.activityId(session, ref: ref)
            var terms = try await session.values(
                "ref", as: String.self,
                """
                SELECT p.ref FROM participant p
                WHERE p.id IN (SELECT participantId FROM contribution WHERE activityId = \(id) AND participantId IS NOT NULL)
                  AND lower(p.ref) = ANY(\(list))
                UNION
                SELECT ref FROM participant WHERE ref = ANY(\(list)) OR ref IN (SELECT upper(word) FROM unnest(\(list)::text[]) AS word)
                """)
            var seen = Set(terms)
            for row in try await session.rows(
                """
                SELECT pc.name, pc.address FROM participantContact pc
                WHERE pc.participantId IN (SELECT participantId FROM contactKey WHERE key = ANY(\(list)))
                """)
            {
                PrivateTerms.addForms(
                    name: try row.read("name"), address: try row.read("address"), words: words, to: &terms,
                    seen: &seen)
            }
            return terms
        }
    }

    /// The names of every member of staff on record with a word among `words`.
    public func staffNames(words: Set<String>) async throws -> [String] {
        guard !words.isEmpty else { return [] }
        let names = try await reading { session in
            try await session.values(
                "name", as: String.self,
                """
                SELECT name FROM "user" UNION SELECT lead FROM activity WHERE lead IS NOT NULL
                UNION SELECT decidedBy FROM decision WHERE decidedBy IS NOT NULL
                """)
        }
        return PrivateTerms.staff(names, words: words)
    }
}
