import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// The facts the principle checks read, for one activity or (with nil) every activity, by ref;
    /// optionally only an organisation's. Each kind of fact comes from one query over every activity.
    public func checkInputs(activity ref: String?, organisation: String?) async throws -> [CheckInput] {
        try await reading { db in
            if let ref { _ = try Self.activityId(db, ref: ref) }
            var request = Activity.rows.filter(ref == nil || Column("ref") == ref)
            if let organisation {
                request = request.filter(Column("organisationId") == (try Self.organisation(db, key: organisation).id))
            }
            let activities = try request.order(Column("ref")).every(db)
            // One activity reads only its own rows; every activity, every row in one pass each.
            let only = ref == nil ? nil : activities.first?.id
            let summaries = Dictionary(
                uniqueKeysWithValues: try Self.loopSummaries(db, LoopFilter(ref: ref, organisation: organisation)).map {
                    ($0.ref, $0)
                })
            let promises = try Self.feedbackPromises(db, activityId: only)
            let updates = try Self.updateTimings(db, activityId: only)
            let organisations = try Self.organisationKeys(db, activityId: only)
            // One activity through its index; every activity in one pass.
            let methodsSQL =
                ref == nil
                ? "SELECT activityId, count(DISTINCT method) AS methods FROM contribution GROUP BY activityId"
                : """
                SELECT activityId, count(DISTINCT method) AS methods FROM contribution WHERE activityId = ?
                GROUP BY activityId
                """
            let methods = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: methodsSQL,
                    arguments: StatementArguments(activities.compactMap(\.id).prefix(ref == nil ? 0 : 1))
                )
                .map { (try $0.read("activityId", as: Int64.self), try $0.read("methods", as: Int.self)) })
            let evaluations = Dictionary(
                uniqueKeysWithValues: try Evaluation.rows.filter(only == nil || Column("activityId") == only).every(db)
                    .map { ($0.activityId, $0) })
            var keywords = KeywordCache()
            // Every activity at once: earlier similar activities from one pass over the search index.
            let similar = ref == nil ? try SimilarityIndex(db).similarEarlier() : nil
            return try activities.compactMap { activity in
                let id = try activity.id.saved()
                // Every activity has a summary: the two come from the same read.
                guard let summary = summaries[activity.ref] else { return nil }
                return CheckInput(
                    activity: activity, summary: summary, contributionMethods: methods[id] ?? 0,
                    feedbackPromised: activity.feedbackBy == nil ? .none : promises[id] ?? .whenRecorded,
                    similarEarlier: try similar.map { $0[id] ?? [] }
                        ?? Self.similarEarlier(db, activityId: id, keywords: &keywords),
                    evaluation: evaluations[id], updates: updates[id] ?? [], organisation: organisations[id])
            }
        }
    }

    /// When each activity's feedback date was first set: history's first record of it with one, for
    /// every activity at once. An activity with no entry came in with its date, in a bulk write.
    private static func feedbackPromises(_ db: Database, activityId: Int64? = nil) throws -> [Int64: FeedbackPromise] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT entityId, action, substr(at, 1, 10) AS day, min(id) AS first FROM history
                WHERE entity = 'activity' AND (?1 IS NULL OR entityId = ?1)
                    AND json_extract(after, '$.feedbackBy') IS NOT NULL
                GROUP BY entityId
                """, arguments: [activityId])
        var promises: [Int64: FeedbackPromise] = [:]
        for row in rows {
            guard let id = try row.read("entityId", as: Int64?.self) else { continue }
            if try row.read("action", as: String.self) == "update",
                let day = try? CalendarDate.parse(try row.read("day", as: String.self), field: "history")
            {
                promises[id] = .added(day)
            } else {
                promises[id] = .whenRecorded
            }
        }
        return promises
    }

    /// Every activity's recorded updates, oldest first; for each after the first, the day (in the
    /// team's time zone) of the first change to an answer after the update before it.
    static func updateTimings(_ db: Database, activityId: Int64? = nil) throws -> [Int64: [UpdateTiming]] {
        let timeZone = TimeZone(identifier: try Self.settings(db).timeZone) ?? .gmt
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT u.activityId, u.number, u.published, \(LoopSummaryQuery.reopenedAt(update: "u")) AS reopened
                FROM publishedUpdate u WHERE ?1 IS NULL OR u.activityId = ?1 ORDER BY u.activityId, u.number
                """, arguments: [activityId])
        var timings: [Int64: [UpdateTiming]] = [:]
        for row in rows {
            timings[try row.read("activityId", as: Int64.self), default: []].append(
                UpdateTiming(
                    number: try row.read("number"), published: try row.read("published"),
                    reopenedSince: try row.read("reopened", as: String?.self).flatMap {
                        LoopSummaryParts.day($0, in: timeZone)
                    }))
        }
        return timings
    }

    /// Refs of activities that opened before this one whose title, purpose and themes share enough
    /// words (none, for an activity with no opening date).
    private static func similarEarlier(_ db: Database, activityId: Int64, keywords: inout KeywordCache) throws
        -> [String]
    {
        guard let own = try keywords.words(db, activityId) else { return [] }
        // Candidates share at least half of the title's (longest four) keywords, as the similarity
        // rule asks; the most recent earlier ones are then held to the whole rule.
        let groups = Similarity.candidateGroups(titleWords: own.title).map { group in
            "(" + group.map { "\"\($0)\"" }.joined(separator: " AND ") + ")"
        }
        guard !groups.isEmpty else { return [] }
        let candidates = try Row.fetchAll(
            db,
            sql: """
                SELECT activitySearch.rowid AS id, activity.ref
                FROM activitySearch JOIN activity ON activity.id = activitySearch.rowid
                JOIN activity own ON own.id = ?
                WHERE activitySearch MATCH ? AND activity.id <> own.id
                  AND activity.opens < own.opens
                ORDER BY activity.opens DESC, activity.id DESC LIMIT 50
                """, arguments: [activityId, groups.joined(separator: " OR ")])
        var similar: [String] = []
        for candidate in candidates where similar.count < 3 {
            guard let words = try keywords.words(db, try candidate.read("id", as: Int64.self)) else { continue }
            if Similarity.isSimilar(titleWords: own.title, words: own.all, to: words.all) {
                similar.append(try candidate.read("ref", as: String.self))
            }
        }
        return similar
    }
}

/// The keywords of each activity's title, and of its title, purpose and themes together, worked out
/// once per activity however often `check` compares it.
private struct KeywordCache {
    private var cache: [Int64: (title: Set<String>, all: Set<String>)] = [:]

    mutating func words(_ db: Database, _ activityId: Int64) throws -> (title: Set<String>, all: Set<String>)? {
        if let known = cache[activityId] { return known }
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT title, purpose, themes FROM activitySearch WHERE rowid = ?", arguments: [activityId])
        else { return nil }
        let title: String = try row.read("title")
        let words = (
            title: Similarity.keywords(title),
            all: Similarity.keywords(
                "\(title) \(try row.read("purpose", as: String.self)) \(try row.read("themes", as: String?.self) ?? "")"
            )
        )
        cache[activityId] = words
        return words
    }
}

extension SimilarityIndex {
    /// The index of every activity, from the search table.
    init(_ db: Database) throws {
        self.init()
        // Read as stored (sorting the texts in SQL would hold them all at once); put in order after.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.rowid AS id, a.ref, a.opens, s.title, s.purpose, s.themes FROM activitySearch s
                JOIN activity a ON a.id = s.rowid ORDER BY s.rowid
                """)
        while let row = try rows.next() {
            add(
                id: try row.read("id"), ref: try row.read("ref"), opens: try row.read("opens"),
                title: try row.read("title"), purpose: try row.read("purpose"), themes: try row.read("themes"))
        }
        finish()
    }
}
