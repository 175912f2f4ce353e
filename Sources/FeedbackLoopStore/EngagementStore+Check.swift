import FeedbackLoop
import GRDB

/// What `yswd check` needs to know about one activity, gathered from the record.
public struct CheckInput: Sendable {
    public var activity: Activity
    public var summary: LoopSummary
    public var contributionMethods: Int
    public var feedbackPromised: FeedbackPromise
    public var similarEarlier: [String]
    public var evaluation: Evaluation?
}

extension EngagementStore {
    /// The facts the principle checks read, for one activity or (with nil) every activity, by ref.
    public func checkInputs(activity ref: String? = nil) throws -> [CheckInput] {
        try reading { db in
            if let ref { _ = try Self.activityId(db, ref: ref) }
            let activities = try Activity.filter(ref == nil || Column("ref") == ref).order(Column("ref")).fetchAll(db)
            let summaries = Dictionary(
                uniqueKeysWithValues: try Self.loopSummaries(db, LoopFilter(ref: ref)).map { ($0.ref, $0) })
            // One activity through its index; every activity in one pass.
            let methodsSQL =
                ref == nil
                ? "SELECT activityId, count(DISTINCT method) FROM contribution GROUP BY activityId"
                : "SELECT activityId, count(DISTINCT method) FROM contribution WHERE activityId = ? GROUP BY activityId"
            let methods = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: methodsSQL,
                    arguments: StatementArguments(activities.compactMap(\.id).prefix(ref == nil ? 0 : 1))
                )
                .map { ($0[0] as Int64, $0[1] as Int) })
            let evaluations = Dictionary(
                uniqueKeysWithValues: try Evaluation.fetchAll(db).map { ($0.activityId, $0) })
            var keywords = KeywordCache()
            return try activities.compactMap { activity in
                let id = try activity.id.saved()
                // Every activity has a summary: the two come from the same read.
                guard let summary = summaries[activity.ref] else { return nil }
                return CheckInput(
                    activity: activity, summary: summary, contributionMethods: methods[id] ?? 0,
                    feedbackPromised: try Self.feedbackPromise(db, activity: activity),
                    similarEarlier: try Self.similarEarlier(db, activityId: id, keywords: &keywords),
                    evaluation: evaluations[id])
            }
        }
    }

    /// When the feedback date was first set: history's first record of the activity with one.
    private static func feedbackPromise(_ db: Database, activity: Activity) throws -> FeedbackPromise {
        guard activity.feedbackBy != nil else { return .none }
        let first = try Row.fetchOne(
            db,
            sql: """
                SELECT action, substr(at, 1, 10) AS day FROM history
                WHERE entity = 'activity' AND entityId = ? AND json_extract(after, '$.feedbackBy') IS NOT NULL
                ORDER BY id LIMIT 1
                """, arguments: [activity.id.saved()])
        // No entry at all means the activity came in with its date, in a bulk write.
        guard let first, first["action"] as String == "update",
            let day = try? CalendarDate.parse(first["day"], option: "history")
        else { return .whenRecorded }
        return .added(day)
    }

    /// Refs of activities recorded earlier whose title, purpose and themes share enough words.
    private static func similarEarlier(_ db: Database, activityId: Int64, keywords: inout KeywordCache) throws
        -> [String]
    {
        guard let own = try keywords.words(db, activityId) else { return [] }
        // Candidates share at least half of the title's (longest four) keywords, as the similarity
        // rule asks; the most recent earlier ones are then held to the whole rule.
        let titleWords = own.title.sorted { ($0.count, $0) > ($1.count, $1) }.prefix(4).map { "\"\($0)\"" }
        guard !titleWords.isEmpty else { return [] }
        var groups: [String] = []
        if titleWords.count <= 2 {
            groups = titleWords
        } else {
            for (index, first) in titleWords.enumerated() {
                for second in titleWords.dropFirst(index + 1) { groups.append("(\(first) AND \(second))") }
            }
        }
        let candidates = try Row.fetchAll(
            db,
            sql: """
                SELECT activitySearch.rowid, activity.ref
                FROM activitySearch JOIN activity ON activity.id = activitySearch.rowid
                WHERE activitySearch MATCH ? AND activitySearch.rowid < ?
                ORDER BY activitySearch.rowid DESC LIMIT 50
                """, arguments: [groups.joined(separator: " OR "), activityId])
        var similar: [String] = []
        for candidate in candidates where similar.count < 3 {
            guard let words = try keywords.words(db, candidate[0]) else { continue }
            if Similarity.isSimilar(titleWords: own.title, words: own.all, to: words.all) {
                similar.append(candidate[1])
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
        let title: String = row["title"]
        let words = (
            title: Similarity.keywords(title),
            all: Similarity.keywords("\(title) \(row["purpose"] as String) \(row["themes"] as String? ?? "")")
        )
        cache[activityId] = words
        return words
    }
}
