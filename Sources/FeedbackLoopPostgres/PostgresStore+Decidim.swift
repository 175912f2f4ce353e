import FeedbackLoop
import FeedbackLoopStore
import PostgresNIO

extension PostgresStore {
    /// Creates or updates (matched by external id) the activity's decisions from results read
    /// elsewhere, parents included, in one transaction recorded once in history.
    public func importResults(
        activity ref: String, _ results: [Decision], parents: [String: String], source: ImportSource
    ) async throws -> DecidimImportReport {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let batch = try await PostgresBatch.start(
                session, kind: "decidim-results", description: source.name, actor: actor, at: now)
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
                    let (starts, due) = (decision.starts?.description, decision.due?.description)
                    if let existing = try await session.value(
                        "id", as: Int64.self,
                        "SELECT id FROM decision WHERE activityId = \(activityId) AND externalId = \(externalId)")
                    {
                        try await session.execute(
                            """
                            UPDATE decision SET text = \(decision.text), description = \(decision.description),
                                starts = \(starts), due = \(due), progress = \(decision.progress),
                                status = \(decision.status.rawValue), parentId = \(parentId), batchId = \(batch.id)
                            WHERE id = \(existing)
                            """)
                        ids[externalId] = existing
                        report.updated += 1
                    } else {
                        var key = decision.key
                        var number = 1
                        while try await session.count(
                            "SELECT count(*) AS n FROM decision WHERE activityId = \(activityId) AND key = \(key)") > 0
                        {
                            number += 1
                            key = "\(decision.key)-\(number)"
                        }
                        ids[externalId] = try await session.value(
                            "id", as: Int64.self,
                            """
                            INSERT INTO decision (activityId, key, text, description, starts, due, progress, status,
                                parentId, externalId, batchId)
                            VALUES (\(activityId), \(key), \(decision.text), \(decision.description), \(starts), \(due),
                                    \(decision.progress), \(decision.status.rawValue), \(parentId), \(externalId), \(batch.id))
                            RETURNING id
                            """)
                        report.created += 1
                    }
                }
            }
            try await batch.record(
                session, activityId: activityId, actor: actor, at: now,
                details: [
                    ("file", .text(source.name)), ("sha256", .text(source.sha256)),
                    ("created", .number(Int64(report.created))), ("updated", .number(Int64(report.updated))),
                ])
            return report
        }
    }
}
