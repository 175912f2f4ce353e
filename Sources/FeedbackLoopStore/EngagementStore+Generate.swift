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
    public var updates: Int = 0
}

extension EngagementStore {
    /// Builds a synthetic but realistic record as one batch (one history entry): activities in
    /// every state with dates around `today`, contributions, themes, decisions, explanations and
    /// participants. The same seed gives the same record.
    /// - Parameter force: add to a database that already holds data.
    /// A handful of organisations for synthetic activities, written in the batch (so history records
    /// them with it): the ones already there when generating into a record that has some.
    static func syntheticOrganisations(_ db: Database, batchId: Int64) throws -> [Int64] {
        let existing = try Int64.fetchAll(db, sql: "SELECT id FROM organisation ORDER BY id")
        guard existing.isEmpty else { return existing }
        let made: [(String, String, OrganisationKind)] = [
            ("icb", "Coventry and Warwickshire ICB", .icb), ("uhcw", "University Hospitals Coventry", .trust),
            ("council", "Coventry City Council", .council), ("gp-north", "North Coventry GP practices", .primaryCare),
            ("healthwatch", "Healthwatch Coventry", .healthwatch),
        ]
        return try made.map { key, name, kind in
            try db.execute(
                sql: "INSERT INTO organisation (key, name, kind, batchId) VALUES (?, ?, ?, ?)",
                arguments: [key, name, kind.rawValue, batchId])
            return db.lastInsertedRowID
        }
    }

    public func generate(
        activities: Int, contributions: Int, seed: UInt64, today: CalendarDate, force: Bool = false
    ) throws -> GenerateReport {
        try writing { db in
            // A big page cache for the big write: the participant indexes are filled in random order.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            if !force,
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM participant)") ?? 0 > 0
            {
                throw StoreError.notEmpty
            }
            let batch = try Batch.start(
                db, kind: "generate",
                description: "\(activities) activities, \(contributions) contributions, seed \(seed)",
                actor: actor, at: now)
            let batchId = batch.id
            var writer = try SyntheticWriter(db: db, batchId: batchId, seed: seed, today: today)
            writer.organisations = try Self.syntheticOrganisations(db, batchId: batchId)
            var report = try writer.write(activities: activities, contributions: contributions)
            report.updates = try Self.recordSyntheticUpdates(db, batchId: batchId, today: today, actor: actor, at: now)
            try Batch.refreshSearch(db, activities: "batchId = ?", arguments: [batchId])
            try batch.record(
                db, activityId: nil, actor: actor, at: now,
                details: [
                    "seed": String(seed), "activities": report.activities, "contributions": report.contributions,
                    "participants": report.participants, "themes": report.themes, "decisions": report.decisions,
                    "explanations": report.explanations, "updates": report.updates,
                ])
            return report
        }
    }

    /// Records a synthetic update, covering the record as it stands, for every other activity of the
    /// batch that closed at least 30 days ago: so the loops benchmark also compares coverage.
    private static func recordSyntheticUpdates(
        _ db: Database, batchId: Int64, today: CalendarDate, actor: String, at now: String
    ) throws -> Int {
        let published = today.adding(days: -7).description
        try db.execute(
            sql: """
                INSERT INTO publishedUpdate (activityId, number, published, recordedAt, recordedBy, format, channels,
                    sha256, content, data, coverage, batchId)
                SELECT a.id, 1, :published, :now, :actor, 'html', '["web"]', printf('%064d', a.id),
                    CAST('<!DOCTYPE html><p>A synthetic update</p>' AS BLOB), CAST('{}' AS BLOB),
                    coalesce(\(AnswerSignature.activity("a.id")), ''), :batch
                FROM activity a
                WHERE a.batchId = :batch AND a.closes < :cutoff AND a.id % 2 = 0
                """,
            arguments: [
                "published": published, "now": now, "actor": actor, "batch": batchId,
                "cutoff": today.adding(days: -30).description,
            ])
        let count = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO publishedUpdateTheme (updateId, themeId, key, said, answer, signature, batchId)
                SELECT u.id, t.id, t.key, t.said, 'adopted', \(AnswerSignature.theme("t")), :batch
                FROM publishedUpdate u JOIN theme t ON t.activityId = u.activityId
                WHERE u.batchId = :batch
                """, arguments: ["batch": batchId])
        return count
    }
}
