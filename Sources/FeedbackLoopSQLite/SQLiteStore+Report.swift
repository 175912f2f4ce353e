import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// The check facts of every activity open at any time in `period` (optionally one
    /// organisation's), with the report's other facts, each kind from one aggregate query.
    public func reportFacts(period: ReportPeriod, organisation: String?) async throws
        -> (inputs: [CheckInput], extras: [String: ReportExtras], organisations: [String: String])
    {
        let inputs = try await checkInputs(organisation: organisation).filter {
            period.overlaps(opens: $0.activity.opens, closes: $0.activity.closes)
        }
        let wanted = Set(inputs.compactMap(\.activity.id))
        return try await reading { db in
            var extras: [Int64: ReportExtras] = [:]
            // Views given in the period (or on a day not recorded), and the people who gave them.
            let views = try Row.fetchCursor(
                db,
                sql: """
                    SELECT activityId, count(*) AS views, count(DISTINCT participantId) AS people FROM contribution
                    WHERE outOfScope IS NULL AND (received IS NULL OR received BETWEEN ? AND ?) GROUP BY activityId
                    """, arguments: [period.from, period.to])
            while let row = try views.next() {
                let activityId = try row.read("activityId", as: Int64.self)
                guard wanted.contains(activityId) else { continue }
                extras[activityId, default: ReportExtras()].views = try row.read("views")
                extras[activityId, default: ReportExtras()].people = try row.read("people")
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
                let activityId = try row.read("activityId", as: Int64.self)
                guard wanted.contains(activityId) else { continue }
                extras[activityId, default: ReportExtras()].commitments.append(
                    CommitmentFacts(
                        status: try row.read("status"), due: try row.read("due"), doneOn: try row.read("doneOn")))
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
                let activityId: Int64 = try row.read("activityId")
                guard wanted.contains(activityId) else { continue }
                let reason = (try row.read("reason", as: String?.self)).flatMap(ReasonCategory.init(rawValue:))
                let answer = ThemeAnswer(
                    liveAdoption: try row.read("adopted"), livePartial: try row.read("partly"),
                    hasExplanation: reason != nil)
                extras[activityId, default: ReportExtras()].themes.append(
                    ReportThemeFacts(answer: answer, reason: answer == .adopted ? nil : reason))
                // Only the activity's strongest example is kept: the most views, then the first recorded.
                let views: Int = try row.read("views")
                let partly: Bool = try row.read("partly")
                guard answer == .adopted || partly, views > extras[activityId]?.example?.views ?? -1,
                    let weDid = (try row.read("weDid", as: String?.self)).flatMap({
                        try? JSONDecoder().decode([String].self, from: Data($0.utf8))
                    }), !weDid.isEmpty
                else { continue }
                extras[activityId]?.example = ReportExample(said: try row.read("said"), views: views, weDid: weDid)
            }
            let sent = try Row.fetchAll(
                db,
                sql: "SELECT activityId, count(*) AS sent FROM followUp WHERE sent BETWEEN ? AND ? GROUP BY activityId",
                arguments: [period.from, period.to])
            for row in sent {
                let activityId = try row.read("activityId", as: Int64.self)
                guard wanted.contains(activityId) else { continue }
                extras[activityId, default: ReportExtras()].followUpsSent = try row.read("sent")
            }
            let organisations = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, name FROM organisation").map {
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
