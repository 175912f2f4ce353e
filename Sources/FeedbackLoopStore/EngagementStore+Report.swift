import FeedbackLoop
import GRDB

/// What the yearly report reads about an activity besides its check facts.
public struct ReportExtras: Sendable {
    public var views = 0
    public var people = 0
    public var commitments: [CommitmentFacts] = []
    public var followUpsSent = 0

    public init() {}
}

extension EngagementStore {
    /// The check facts of every activity open at any time in `period` (optionally one
    /// organisation's), with the report's other facts, each kind from one aggregate query.
    public func reportFacts(period: ReportPeriod, organisation: String? = nil) throws
        -> (inputs: [CheckInput], extras: [String: ReportExtras], organisations: [String: String])
    {
        let inputs = try checkInputs(organisation: organisation).filter {
            period.overlaps(opens: $0.activity.opens, closes: $0.activity.closes)
        }
        let wanted = Set(inputs.compactMap(\.activity.id))
        return try reading { db in
            var extras: [Int64: ReportExtras] = [:]
            let views = try Row.fetchCursor(
                db,
                sql: """
                    SELECT activityId, count(*), count(DISTINCT participantId) FROM contribution
                    WHERE outOfScope IS NULL GROUP BY activityId
                    """)
            while let row = try views.next() {
                guard wanted.contains(row[0]) else { continue }
                extras[row[0], default: ReportExtras()].views = row[1]
                extras[row[0], default: ReportExtras()].people = row[2]
            }
            let commitments = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.activityId, d.status, d.due,
                        (SELECT min(substr(h.at, 1, 10)) FROM history h
                         WHERE h.entity = 'decision' AND h.entityId = d.id
                           AND json_extract(h.after, '$.status') = 'done') AS doneOn
                    FROM decision d WHERE d.due IS NOT NULL OR d.status <> 'done'
                    """)
            while let row = try commitments.next() {
                guard wanted.contains(row[0]) else { continue }
                extras[row[0], default: ReportExtras()].commitments.append(
                    CommitmentFacts(status: row[1], due: row[2], doneOn: row[3]))
            }
            let sent = try Row.fetchAll(
                db,
                sql: "SELECT activityId, count(*) FROM followUp WHERE sent BETWEEN ? AND ? GROUP BY activityId",
                arguments: [period.from, period.to])
            for row in sent where wanted.contains(row[0]) {
                extras[row[0], default: ReportExtras()].followUpsSent = row[1]
            }
            let organisations = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, name FROM organisation").map {
                    ($0[0] as String, $0[1] as String)
                })
            var byRef: [String: ReportExtras] = [:]
            for input in inputs {
                if let id = input.activity.id { byRef[input.activity.ref] = extras[id] ?? ReportExtras() }
            }
            return (inputs, byRef, organisations)
        }
    }
}
