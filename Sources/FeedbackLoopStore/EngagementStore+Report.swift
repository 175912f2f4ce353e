import FeedbackLoop
import Foundation
import GRDB

/// What the yearly report reads about an activity besides its check facts.
public struct ReportExtras: Sendable {
    public var views = 0
    public var people = 0
    public var commitments: [CommitmentFacts] = []
    public var followUpsSent = 0
    /// Its themes' answers, and the theme with the most views that changed a decision.
    public var themes: [ReportThemeFacts] = []
    public var example: ReportExample?

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
            // Views given in the period (or on a day not recorded), and the people who gave them.
            let views = try Row.fetchCursor(
                db,
                sql: """
                    SELECT activityId, count(*), count(DISTINCT participantId) FROM contribution
                    WHERE outOfScope IS NULL AND (received IS NULL OR received BETWEEN ? AND ?) GROUP BY activityId
                    """, arguments: [period.from, period.to])
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
            let themes = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.activityId, t.said,
                        (SELECT count(*) FROM themeContribution tc WHERE tc.themeId = t.id) AS views,
                        EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                                WHERE dt.themeId = t.id AND dt.outcome = 'adopted' AND d.status <> 'dropped') AS adopted,
                        EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                                WHERE dt.themeId = t.id AND dt.outcome = 'partly' AND d.status <> 'dropped') AS partly,
                        (SELECT e.reason FROM explanation e WHERE e.themeId = t.id) AS reason,
                        (SELECT json_group_array(d.text) FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
                         WHERE dt.themeId = t.id AND d.status <> 'dropped') AS weDid
                    FROM theme t ORDER BY t.activityId, t.id
                    """)
            while let row = try themes.next() {
                let activityId: Int64 = row["activityId"]
                guard wanted.contains(activityId) else { continue }
                let reason = (row["reason"] as String?).flatMap(ReasonCategory.init(rawValue:))
                let answer = ThemeAnswer(
                    liveAdoption: row["adopted"], livePartial: row["partly"], hasExplanation: reason != nil)
                extras[activityId, default: ReportExtras()].themes.append(
                    ReportThemeFacts(answer: answer, reason: answer == .adopted ? nil : reason))
                // Only the activity's strongest example is kept: the most views, then the first recorded.
                let views: Int = row["views"]
                guard answer == .adopted || row["partly"], views > extras[activityId]?.example?.views ?? -1,
                    let weDid = (row["weDid"] as String?).flatMap({
                        try? JSONDecoder().decode([String].self, from: Data($0.utf8))
                    }), !weDid.isEmpty
                else { continue }
                extras[activityId]?.example = ReportExample(said: row["said"], views: views, weDid: weDid)
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
