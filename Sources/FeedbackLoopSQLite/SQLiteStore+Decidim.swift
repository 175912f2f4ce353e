import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension SQLiteStore {
    /// Creates or updates (matched by external id) the activity's decisions from results read
    /// elsewhere, parents included, in one transaction recorded once in history. Imported decisions
    /// answer no theme until linked with `decision update --responds-to`.
    public func importResults(
        activity ref: String, _ results: [Decision], parents: [String: String], source: ImportSource
    )
        async throws -> DecidimImportReport
    {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            let batch = try Batch.start(
                db, kind: "decidim-results", description: source.name, actor: self.actor, at: self.now)
            let batchId = batch.id
            var report = DecidimImportReport()
            var ids: [String: Int64] = [:]
            // Parents before children, so each row is written once with its parent.
            var pending = results.compactMap { decision in decision.externalId.map { (decision, $0) } }
            while let first = pending.first {
                let ready = pending.filter { parents[$0.1].map { ids[$0] != nil } ?? true }
                guard !ready.isEmpty else { throw StoreError.parentCycle(first.1) }
                pending.removeAll { decision in ready.contains { $0.1 == decision.1 } }
                for (decision, externalId) in ready {
                    let parentId = parents[externalId].flatMap { ids[$0] }
                    if let existing = try Int64.fetchOne(
                        db, sql: "SELECT id FROM decision WHERE activityId = ? AND externalId = ?",
                        arguments: [activityId, externalId])
                    {
                        try db.execute(
                            sql: """
                                UPDATE decision SET text = ?, description = ?, starts = ?, due = ?, progress = ?, status = ?,
                                    parentId = ?, batchId = ?
                                WHERE id = ?
                                """,
                            arguments: [
                                decision.text, decision.description, decision.starts, decision.due, decision.progress,
                                decision.status, parentId, batchId, existing,
                            ])
                        ids[externalId] = existing
                        report.updated += 1
                    } else {
                        try db.execute(
                            sql: """
                                INSERT INTO decision (activityId, key, text, description, starts, due, progress, status,
                                    parentId, externalId, batchId)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                activityId, try Self.freeDecisionKey(db, activityId: activityId, wanted: decision.key),
                                decision.text, decision.description, decision.starts, decision.due, decision.progress,
                                decision.status, parentId, externalId, batchId,
                            ])
                        ids[externalId] = db.lastInsertedRowID
                        report.created += 1
                    }
                }
            }
            try batch.record(
                db, activityId: activityId, actor: self.actor, at: self.now,
                details: [
                    "file": source.name, "sha256": source.sha256, "created": report.created, "updated": report.updated,
                ])
            return report
        }
    }

    /// A key not yet used by the activity's decisions: `wanted`, else `wanted-2`, `wanted-3`, …
    private static func freeDecisionKey(_ db: Database, activityId: Int64, wanted: String) throws -> String {
        var key = wanted
        var number = 1
        while try Decision.rows.filter(Column("activityId") == activityId && Column("key") == key).fetchCount(db) > 0 {
            number += 1
            key = "\(wanted)-\(number)"
        }
        return key
    }
}
