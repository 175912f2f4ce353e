import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

/// What an update is made from, read in one go: counts, quotes and answers from aggregate queries,
/// what changed since the last update, and the participants' details the privacy guard looks for.
extension SQLiteStore {
    /// Everything an update of the activity is made from, as of `asOf`, with up to `quotesPerTheme`
    /// quotes per theme from participants who agreed to be quoted: those a person chose (`quote add`),
    /// or with ``QuoteMode/auto`` the earliest. Counts and quotes come from aggregate queries, so
    /// the snapshot's size follows the number of themes and decisions, not of contributions.
    public func updateSnapshot(
        ref: String, asOf: CalendarDate, quotesPerTheme: Int, quoteMode: QuoteMode
    ) async throws -> UpdateSnapshot {
        try await reading { db in
            let activity = try Self.activity(db, ref: ref)
            let id = try activity.id.saved()
            let decisions = try Self.decisions(db, activityId: id)
            let record = ActivityRecord(
                activity: activity, contributions: try Self.contributionCounts(db, activityId: id),
                themes: try Self.themeSummaries(db, activityId: id), decisions: decisions, evaluation: nil)
            let settings = try Self.settings(db)
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS views, count(DISTINCT participantId) AS people,
                           count(*) FILTER (WHERE participantId IS NULL) AS anonymous
                    FROM contribution WHERE activityId = ? AND outOfScope IS NULL
                    """, arguments: [id])
            let byMethod = try Row.fetchAll(
                db,
                sql: """
                    SELECT coalesce(method, 'unrecorded') AS method, count(*) AS n FROM contribution
                    WHERE activityId = ? AND outOfScope IS NULL GROUP BY 1
                    """, arguments: [id])
            var snapshot = UpdateSnapshot(
                record: record, organisation: settings.organisation,
                publicContact: activity.publicContact ?? settings.publicContact,
                people: try counts?.read("people", as: Int.self) ?? 0,
                asOf: asOf, quotes: try Self.quotes(db, activityId: id, perTheme: quotesPerTheme, mode: quoteMode),
                answerSignatures: try Self.answerSignatures(db, activityId: id))
            snapshot.views = try counts?.read("views", as: Int.self) ?? 0
            snapshot.anonymous = try counts?.read("anonymous", as: Int.self) ?? 0
            snapshot.viewsByMethod = Dictionary(
                uniqueKeysWithValues: try byMethod.map {
                    (try $0.read("method", as: String.self), try $0.read("n", as: Int.self))
                })
            // Answers are due by the promise (LoopRules), or for an ongoing activity by its next update.
            snapshot.answersDue =
                snapshot.nextUpdate
                ?? LoopRules(settings: settings).baseDue(feedbackBy: activity.feedbackBy, closes: activity.closes)
            var staff: [String] = activity.lead.map { [$0] } ?? []
            for name in decisions.compactMap(\.decidedBy) where !staff.contains(name) { staff.append(name) }
            snapshot.staffNames = staff
            snapshot.postalAddress = settings.postalAddress
            snapshot.publicURL = settings.publicURL
            // What changed is told against the latest update; when the latest already reports every
            // answer as it is (this is the same update again, in another format), against the one before.
            if let previous = try Row.fetchOne(
                db,
                sql: """
                    WITH latest AS (
                        SELECT number, coverage IS coalesce(\(AnswerSignature.activity(":a")), '') AS covers
                        FROM publishedUpdate WHERE activityId = :a ORDER BY number DESC LIMIT 1)
                    SELECT u.number, u.published, u.recordedAt, u.data FROM publishedUpdate u, latest
                    WHERE u.activityId = :a AND u.number = latest.number - latest.covers
                    """, arguments: ["a": id])
            {
                let recordedAt = try previous.read("recordedAt", as: String.self)
                snapshot.previous = PreviousUpdate(
                    number: try previous.read("number"), published: try previous.read("published"),
                    recordedAt: recordedAt, data: try previous.read("data"))
                snapshot.changeReasons = try Self.changeReasons(
                    db, activityId: id, theme: nil, since: recordedAt, until: nil)
            }
            return snapshot
        }
    }

    /// The quotes to publish, by theme key: from consenting, unerased participants, in scope, still
    /// linked to the theme; chosen ones in the order chosen, or (auto) the earliest contributions.
    static func quotes(_ db: Database, activityId: Int64, perTheme: Int, mode: QuoteMode) throws -> [String: [Quote]] {
        guard perTheme > 0 else { return [:] }
        let eligible = """
            p.mayQuote = 1 AND p.erasedAt IS NULL AND c.outOfScope IS NULL AND c.text <> :erased
            """
        let sql: String
        switch mode {
        case .chosen:
            sql = """
                SELECT key, id, participantId, text, language FROM (
                    SELECT t.key, c.id, c.participantId, c.text, c.language,
                           row_number() OVER (PARTITION BY t.id ORDER BY q.chosenAt, q.id) AS n
                    FROM chosenQuote q JOIN theme t ON t.id = q.themeId
                    JOIN themeContribution tc ON tc.themeId = q.themeId AND tc.contributionId = q.contributionId
                    JOIN contribution c ON c.id = q.contributionId
                    JOIN participant p ON p.id = c.participantId
                    WHERE t.activityId = :a AND \(eligible))
                WHERE n <= :limit ORDER BY key, n
                """
        case .auto:
            sql = """
                SELECT key, id, participantId, text, language FROM (
                    SELECT t.key, c.id, c.participantId, c.text, c.language,
                           row_number() OVER (PARTITION BY t.id ORDER BY c.id) AS n
                    FROM theme t
                    JOIN themeContribution tc ON tc.themeId = t.id
                    JOIN contribution c ON c.id = tc.contributionId
                    JOIN participant p ON p.id = c.participantId
                    WHERE t.activityId = :a AND \(eligible))
                WHERE n <= :limit ORDER BY key, n
                """
        }
        var quotes: [String: [Quote]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: sql, arguments: ["a": activityId, "erased": StorePolicy.erasedText, "limit": perTheme])
        while let row = try rows.next() {
            quotes[try row.read("key", as: String.self), default: []].append(
                Quote(
                    contributionId: try row.read("id"), participantId: try row.read("participantId"),
                    text: try row.read("text"), language: try row.read("language", as: String?.self)))
        }
        return quotes
    }

    /// The private terms that could appear in a text made of `words` (``PersonalDetails/key(_:)`` of
    /// each): the refs among the words (of the activity's participants in any case, of anyone as
    /// written or in capitals), and each form of a recorded participant's name or address
    /// (``PersonalDetails``: "Amina Khan", "Khan, Amina", "A. Khan", "12 Long Road", "CV1 2AB") whose
    /// first word is among them, whichever activity they took part in. Contacts are found by their
    /// lookup keys (`contactKey`), so the cost follows the words, not the number of participants.
    public func privateTerms(ref: String, words: Set<String>) async throws -> [String] {
        guard !words.isEmpty else { return [] }
        let list = String(decoding: try JSONEncoder().encode(words.sorted()), as: UTF8.self)
        return try await reading { db in
            let id = try Self.activityId(db, ref: ref)
            var terms = try String.fetchAll(
                db,
                sql: """
                    WITH words(value) AS (SELECT value FROM json_each(:words)),
                         people(id) AS (SELECT DISTINCT participantId FROM contribution
                                        WHERE activityId = :a AND participantId IS NOT NULL)
                    SELECT p.ref FROM participant p JOIN people ON people.id = p.id
                    WHERE lower(p.ref) IN (SELECT value FROM words)
                    UNION
                    SELECT ref FROM participant WHERE ref IN (SELECT value FROM words)
                        OR ref IN (SELECT upper(value) FROM words)
                    """, arguments: ["words": list, "a": id])
            let details = try Row.fetchCursor(
                db,
                sql: """
                    SELECT pc.name, pc.address FROM participantContact pc
                    WHERE pc.participantId IN (SELECT participantId FROM contactKey
                                               WHERE key IN (SELECT value FROM json_each(:words)))
                    """, arguments: ["words": list])
            var seen = Set(terms)
            while let row = try details.next() {
                PrivateTerms.addForms(
                    name: try row.read("name"), address: try row.read("address"), words: words, to: &terms,
                    seen: &seen)
            }
            return terms
        }
    }

    /// The names of every member of staff on record (accounts, the lead of any activity, whoever made
    /// any decision) with a word among `words` (``PersonalDetails/key(_:)`` of each).
    public func staffNames(words: Set<String>) async throws -> [String] {
        guard !words.isEmpty else { return [] }
        let names = try await reading { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM user UNION SELECT lead FROM activity WHERE lead IS NOT NULL
                    UNION SELECT decidedBy FROM decision WHERE decidedBy IS NOT NULL
                    """)
        }
        return PrivateTerms.staff(names, words: words)
    }
}
