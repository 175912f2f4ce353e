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
        try database.read { db in
            if let ref { _ = try Self.activityId(db, ref: ref) }
            let activities = try Activity.filter(ref == nil || Column("ref") == ref).order(Column("ref")).fetchAll(db)
            let summaries = Dictionary(
                uniqueKeysWithValues: try Self.loopSummaries(db, LoopFilter(ref: ref)).map { ($0.ref, $0) })
            let methods = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT activityId, count(DISTINCT method) AS methods FROM contribution
                        WHERE method IS NOT NULL AND (?1 IS NULL OR activityId = (SELECT id FROM activity WHERE ref = ?1))
                        GROUP BY activityId
                        """, arguments: [ref]
                ).map { ($0["activityId"] as Int64, $0["methods"] as Int) })
            let evaluations = Dictionary(
                uniqueKeysWithValues: try Evaluation.fetchAll(db).map { ($0.activityId, $0) })
            return try activities.map { activity in
                let id = activity.id!
                return CheckInput(
                    activity: activity, summary: summaries[activity.ref]!, contributionMethods: methods[id] ?? 0,
                    feedbackPromised: try Self.feedbackPromise(db, activity: activity),
                    similarEarlier: try Self.similarEarlier(db, activityId: id), evaluation: evaluations[id])
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
                """, arguments: [activity.id!])
        // No entry at all means the activity came in with its date, in a bulk write.
        guard let first, first["action"] as String == "update",
            let day = try? CalendarDate.parse(first["day"], option: "history")
        else { return .whenRecorded }
        return .added(day)
    }

    /// Refs of activities recorded earlier whose title, purpose and themes share enough words.
    private static func similarEarlier(_ db: Database, activityId: Int64) throws -> [String] {
        guard
            let own = try Row.fetchOne(
                db, sql: "SELECT title, purpose, themes FROM activitySearch WHERE rowid = ?", arguments: [activityId])
        else { return [] }
        let title: String = own["title"]
        let text = "\(title) \(own["purpose"] as String) \(own["themes"] as String? ?? "")"
        let words = Similarity.keywords(text)
        guard !words.isEmpty else { return [] }
        let query = words.sorted().map { "\"\($0)\"" }.joined(separator: " OR ")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT activity.ref,
                       activitySearch.title || ' ' || activitySearch.purpose || ' ' || activitySearch.themes AS text
                FROM activitySearch JOIN activity ON activity.id = activitySearch.rowid
                WHERE activitySearch MATCH ? AND activitySearch.rowid < ?
                ORDER BY activitySearch.rank LIMIT 10
                """, arguments: [query, activityId]
        ).filter { Similarity.isSimilar(title: title, text: text, to: $0["text"]) }.prefix(3).map { $0["ref"] }
    }
}
