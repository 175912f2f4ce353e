import FeedbackLoop
import Foundation
import GRDB

/// What `generate` wrote.
public struct GenerateReport: Sendable, Equatable {
    public var batchId: Int64
    public var activities: Int
    public var contributions: Int
    public var participants: Int
    public var themes: Int
    public var decisions: Int
    public var explanations: Int
}

extension EngagementStore {
    /// Builds a synthetic but realistic record as one batch (one history entry): activities in
    /// every state with dates around `today`, contributions, themes, decisions, explanations and
    /// participants. The same seed gives the same record.
    /// - Parameter force: add to a database that already holds data.
    public func generate(
        activities: Int, contributions: Int, seed: UInt64, today: CalendarDate, force: Bool = false
    ) throws -> GenerateReport {
        try database.write { db in
            // A big page cache for the big write: the participant indexes are filled in random order.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            if !force,
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM participant)")! > 0
            {
                throw StoreError.notEmpty
            }
            let batch = try Batch.start(
                db, kind: "generate",
                description: "\(activities) activities, \(contributions) contributions, seed \(seed)",
                actor: actor, at: now)
            let batchId = batch.id
            var writer = try SyntheticWriter(db: db, batchId: batchId, seed: seed, today: today)
            let report = try writer.write(activities: activities, contributions: contributions)
            try Batch.refreshSearch(db, activities: "batchId = ?", arguments: [batchId])
            try batch.record(
                db, activityId: nil, actor: actor, at: now,
                details: [
                    "seed": String(seed), "activities": report.activities, "contributions": report.contributions,
                    "participants": report.participants, "themes": report.themes, "decisions": report.decisions,
                    "explanations": report.explanations,
                ])
            return report
        }
    }
}
