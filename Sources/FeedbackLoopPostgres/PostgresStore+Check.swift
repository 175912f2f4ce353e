import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The facts the principle checks read, for one activity or (with nil) every activity, by ref;
    /// optionally only an organisation's. Each kind of fact comes from one query over every activity.
    public func checkInputs(activity ref: String?, organisation: String?) async throws -> [CheckInput] {
        try await reading { session in try await Self.checkInputs(session, ref: ref, organisation: organisation) }
    }

    static func checkInputs(_ session: PostgresSession, ref: String?, organisation: String?) async throws
        -> [CheckInput]
    {
        let only = try await ref.asyncMap { try await activityId(session, ref: $0) }
        let organisationId = try await organisation.asyncMap {
            try await Self.organisation(session, key: $0).id.saved()
        }
        let activities = try await session.all(
            Activity.self,
            """
            SELECT * FROM activity
            WHERE (\(only)::bigint IS NULL OR id = \(only))
              AND (\(organisationId)::bigint IS NULL OR organisationId = \(organisationId))
            ORDER BY ref COLLATE "C"
            """)
        let summaries = Dictionary(
            uniqueKeysWithValues: try await loopSummaries(session, LoopFilter(ref: ref, organisation: organisation)).map
            {
                ($0.ref, $0)
            })
        let promises = try await feedbackPromises(session, activityId: only)
        let updates = try await updateTimings(session, activityId: only)
        let organisations = Dictionary(
            uniqueKeysWithValues: try await session.rows(
                """
                SELECT a.id, o.key FROM activity a JOIN organisation o ON o.id = a.organisationId
                WHERE \(only)::bigint IS NULL OR a.id = \(only)
                """
            ).map { (try $0.read("id", as: Int64.self), try $0.read("key", as: String.self)) })
        let methods = Dictionary(
            uniqueKeysWithValues: try await session.rows(
                """
                SELECT activityId, count(DISTINCT method) AS methods FROM contribution
                WHERE \(only)::bigint IS NULL OR activityId = \(only) GROUP BY activityId
                """
            ).map { (try $0.read("activityId", as: Int64.self), Int(try $0.read("methods", as: Int64.self))) })
        let evaluations = Dictionary(
            uniqueKeysWithValues: try await session.all(
                Evaluation.self, "SELECT * FROM evaluation WHERE \(only)::bigint IS NULL OR activityId = \(only)"
            ).map { ($0.activityId, $0) })
        // Every activity at once: earlier similar activities from one pass over the search rows; one
        // activity: only the candidates the search index finds.
        var similar: [Int64: [String]] = [:]
        if let only {
            similar[only] = try await similarEarlier(session, activityId: only)
        } else {
            var index = SimilarityIndex()
            for row in try await session.rows(
                "SELECT s.activityId AS id, a.ref, a.opens, s.title, s.purpose, s.themes FROM activitySearch s JOIN activity a ON a.id = s.activityId"
            ) {
                index.add(
                    id: try row.read("id"), ref: try row.read("ref"), opens: try row.read("opens"),
                    title: try row.read("title"), purpose: try row.read("purpose"), themes: try row.read("themes"))
            }
            index.finish()
            similar = index.similarEarlier()
        }
        return try activities.compactMap { activity in
            let id = try activity.id.saved()
            guard let summary = summaries[activity.ref] else { return nil }
            return CheckInput(
                activity: activity, summary: summary, contributionMethods: methods[id] ?? 0,
                feedbackPromised: activity.feedbackBy == nil ? .none : promises[id] ?? .whenRecorded,
                similarEarlier: similar[id] ?? [], evaluation: evaluations[id], updates: updates[id] ?? [],
                organisation: organisations[id])
        }
    }

    /// Refs of activities that opened before this one whose title, purpose and themes share enough
    /// words (none, for an activity with no opening date), as on SQLite: candidates share at least
    /// half of the title's (longest four) keywords, found by the search index; the most recent
    /// earlier ones are then held to the whole rule.
    private static func similarEarlier(_ session: PostgresSession, activityId: Int64) async throws -> [String] {
        func words(_ row: PostgresRandomAccessRow) throws -> (title: Set<String>, all: Set<String>) {
            let title = try row.read("title", as: String.self)
            let rest = "\(try row.read("purpose", as: String.self)) \(try row.read("themes", as: String.self))"
            return (Similarity.keywords(title), Similarity.keywords(title + " " + rest))
        }
        guard
            let ownRow = try await session.rows(
                "SELECT title, purpose, themes FROM activitySearch WHERE activityId = \(activityId)"
            ).first
        else { return [] }
        let own = try words(ownRow)
        let groups = Similarity.candidateGroups(titleWords: own.title).map { group in
            "(" + group.map { "'\($0)'" }.joined(separator: " & ") + ")"
        }
        guard !groups.isEmpty else { return [] }
        let candidates = try await session.rows(
            """
            SELECT a.ref, s.title, s.purpose, s.themes
            FROM activitySearch s JOIN activity a ON a.id = s.activityId
            WHERE s.document @@ to_tsquery('simple', yswd_fold(\(groups.joined(separator: " | "))))
              AND a.id <> \(activityId) AND a.opens < (SELECT opens FROM activity WHERE id = \(activityId))
            ORDER BY a.opens DESC, a.id DESC LIMIT 50
            """)
        var similar: [String] = []
        for candidate in candidates where similar.count < 3 {
            if Similarity.isSimilar(titleWords: own.title, words: own.all, to: try words(candidate).all) {
                similar.append(try candidate.read("ref", as: String.self))
            }
        }
        return similar
    }

    /// When each activity's feedback date was first set: history's first record of it with one.
    private static func feedbackPromises(_ session: PostgresSession, activityId: Int64?) async throws
        -> [Int64: FeedbackPromise]
    {
        let rows = try await session.rows(
            """
            SELECT DISTINCT ON (entityId) entityId, action, substr(at, 1, 10) AS day FROM history
            WHERE entity = 'activity' AND (\(activityId)::bigint IS NULL OR entityId = \(activityId))
              AND after IS NOT NULL AND (after::jsonb ->> 'feedbackBy') IS NOT NULL
            ORDER BY entityId, id
            """)
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

    /// Every activity's recorded updates, oldest first, each with what reopened the loop before it.
    static func updateTimings(_ session: PostgresSession, activityId: Int64?) async throws -> [Int64: [UpdateTiming]] {
        let timeZone = TimeZone(identifier: try await settings(session).timeZone) ?? .gmt
        let rows = try await session.rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT u.activityId, u.number, u.published, \(LoopSummaryQuery.reopenedAt(update: "u")) AS reopened
                    FROM publishedUpdate u WHERE $1::bigint IS NULL OR u.activityId = $1 ORDER BY u.activityId, u.number
                    """,
                binds: {
                    var b = PostgresBindings(); b.append(activityId); return b
                }()))
        var timings: [Int64: [UpdateTiming]] = [:]
        for row in rows {
            timings[try row.read("activityId", as: Int64.self), default: []].append(
                UpdateTiming(
                    number: Int(try row.read("number", as: Int64.self)),
                    published: try CalendarDate.stored(try row.read("published"), column: "published"),
                    reopenedSince: try row.read("reopened", as: String?.self).flatMap {
                        LoopSummaryParts.day($0, in: timeZone)
                    }))
        }
        return timings
    }

    /// The check facts of every activity open at any time in `period`, with the report's other facts.
    public func reportFacts(period: ReportPeriod, organisation: String?) async throws
        -> (inputs: [CheckInput], extras: [String: ReportExtras], organisations: [String: String])
    {
        let inputs = try await checkInputs(activity: nil, organisation: organisation).filter {
            period.overlaps(opens: $0.activity.opens, closes: $0.activity.closes)
        }
        let wanted = Set(inputs.compactMap(\.activity.id))
        let (from, to) = (period.from.description, period.to.description)
        return try await reading { session in
            var extras: [Int64: ReportExtras] = [:]
            for row in try await session.rows(
                """
                SELECT activityId, count(*) AS views, count(DISTINCT participantId) AS people FROM contribution
                WHERE outOfScope IS NULL AND (received IS NULL OR received BETWEEN \(from) AND \(to)) GROUP BY activityId
                """)
            {
                let activityId = try row.read("activityId", as: Int64.self)
                guard wanted.contains(activityId) else { continue }
                extras[activityId, default: ReportExtras()].views = Int(try row.read("views", as: Int64.self))
                extras[activityId, default: ReportExtras()].people = Int(try row.read("people", as: Int64.self))
            }
            for row in try await session.rows(
                """
                SELECT d.activityId, d.status, d.due,
                    (SELECT min(substr(h.at, 1, 10)) FROM history h
                     WHERE h.entity = 'decision' AND h.entityId = d.id AND h.after IS NOT NULL
                       AND (h.after::jsonb ->> 'status') = 'done') AS doneOn
                FROM decision d WHERE d.due IS NOT NULL OR d.status <> 'done' ORDER BY d.id
                """)
            {
                let activityId = try row.read("activityId", as: Int64.self)
                guard wanted.contains(activityId) else { continue }
                func date(_ column: String) throws -> CalendarDate? {
                    try row.read(column, as: String?.self).map { try CalendarDate.stored($0, column: column) }
                }
                extras[activityId, default: ReportExtras()].commitments.append(
                    CommitmentFacts(
                        status: try DeliveryStatus.stored(try row.read("status"), column: "status"),
                        due: try date("due"),
                        doneOn: try date("doneOn")))
            }
            for row in try await session.rows(
                """
                SELECT t.activityId, t.said,
                    (SELECT count(*) FROM themeContribution tc WHERE tc.themeId = t.id) AS views,
                    EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                            WHERE dt.themeId = t.id AND dt.outcome = 'adopted' AND d.status <> 'dropped') AS adopted,
                    EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                            WHERE dt.themeId = t.id AND dt.outcome = 'partly' AND d.status <> 'dropped') AS partly,
                    (SELECT e.reason FROM explanation e WHERE e.themeId = t.id) AS reason,
                    (SELECT json_agg(d.text ORDER BY d.id)::text FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                     WHERE dt.themeId = t.id AND d.status <> 'dropped') AS weDid
                FROM theme t ORDER BY t.activityId, t.id
                """)
            {
                let activityId: Int64 = try row.read("activityId")
                guard wanted.contains(activityId) else { continue }
                let reason = (try row.read("reason", as: String?.self)).flatMap(ReasonCategory.init(rawValue:))
                let partly: Bool = try row.read("partly")
                let answer = ThemeAnswer(
                    liveAdoption: try row.read("adopted"), livePartial: partly, hasExplanation: reason != nil)
                extras[activityId, default: ReportExtras()].themes.append(
                    ReportThemeFacts(answer: answer, reason: answer == .adopted ? nil : reason))
                let views = Int(try row.read("views", as: Int64.self))
                guard answer == .adopted || partly, views > extras[activityId]?.example?.views ?? -1,
                    let weDid = (try row.read("weDid", as: String?.self)).flatMap({
                        try? JSONDecoder().decode([String].self, from: Data($0.utf8))
                    }), !weDid.isEmpty
                else { continue }
                extras[activityId]?.example = ReportExample(said: try row.read("said"), views: views, weDid: weDid)
            }
            for row in try await session.rows(
                """
                SELECT activityId, count(*) AS sent FROM followUp WHERE sent BETWEEN \(from) AND \(to) GROUP BY activityId
                """)
            {
                let activityId = try row.read("activityId", as: Int64.self)
                guard wanted.contains(activityId) else { continue }
                extras[activityId, default: ReportExtras()].followUpsSent = Int(try row.read("sent", as: Int64.self))
            }
            let organisations = Dictionary(
                uniqueKeysWithValues: try await session.rows("SELECT key, name FROM organisation").map {
                    (try $0.read("key", as: String.self), try $0.read("name", as: String.self))
                })
            var byRef: [String: ReportExtras] = [:]
            for input in inputs {
                if let id = input.activity.id { byRef[input.activity.ref] = extras[id] ?? ReportExtras() }
            }
            return (inputs, byRef, organisations)
        }
    }
}
