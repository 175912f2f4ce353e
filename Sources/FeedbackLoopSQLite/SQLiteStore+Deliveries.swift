import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    public func queueDeliveries(ref: String, _ items: [(participantId: Int64, channel: SendingChannel)]) async throws
        -> Int
    {
        let now = Self.timestamp(clock())
        return try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            // A follow-up queued for someone since followed up (by another sender, or by hand) is not sent.
            try db.execute(
                sql: """
                    UPDATE delivery SET status = 'cancelled', statusAt = :now
                    WHERE activityId = :a AND status = 'queued' AND participantId IN (
                        SELECT p.id FROM participant p WHERE p.id = delivery.participantId
                          AND \(Self.followUpCurrent(activity: ":a")))
                    """, arguments: ["a": activityId, "now": now])
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO delivery (reference, activityId, participantId, updateId, signature, channel, status,
                        queuedAt, statusAt)
                    SELECT :reference, :a, p.id,
                        (SELECT id FROM publishedUpdate WHERE activityId = :a ORDER BY number DESC LIMIT 1),
                        coalesce(\(AnswerSignature.participant(activity: ":a", participant: "p.id")), ''),
                        :channel, 'queued', :now, :now
                    FROM participant p WHERE p.id = :p AND NOT \(Self.followUpCurrent(activity: ":a"))
                    ON CONFLICT DO NOTHING
                    """)
            var queued = 0
            for item in items {
                try statement.execute(arguments: [
                    "reference": UUID().uuidString.lowercased(), "a": activityId, "p": item.participantId,
                    "channel": item.channel.rawValue, "now": now,
                ])
                queued += db.changesCount
            }
            return queued
        }
    }

    public func claimDelivery(ref: String, among participants: [Int64], by sender: String) async throws
        -> ClaimedDelivery?
    {
        let now = Self.timestamp(clock())
        let among = String(decoding: try JSONEncoder().encode(participants), as: UTF8.self)
        return try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        UPDATE delivery SET status = 'sending', claimedAt = :now, claimedBy = :sender, statusAt = :now,
                            updateId = (SELECT id FROM publishedUpdate WHERE activityId = :a ORDER BY number DESC LIMIT 1),
                            signature = coalesce(\(AnswerSignature.participant(activity: ":a", participant: "delivery.participantId")), '')
                        WHERE id = (SELECT id FROM delivery WHERE activityId = :a AND status = 'queued'
                                    AND participantId IN (SELECT value FROM json_each(:among)) ORDER BY id LIMIT 1)
                          AND status = 'queued'
                        RETURNING id, reference, participantId, channel
                        """, arguments: ["now": now, "sender": sender, "a": activityId, "among": among])
            else { return nil }
            return ClaimedDelivery(
                id: row["id"], reference: row["reference"], participantId: row["participantId"],
                channel: try SendingChannel.parse(row["channel"], field: "delivery.channel"))
        }
    }

    public func deliveryAccepted(_ id: Int64, notifyId: String, status: MessageStatus, on day: CalendarDate)
        async throws
    {
        let now = Self.timestamp(clock())
        try await writing { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET status = :status, notifyId = :notifyId, statusAt = :now
                    WHERE id = :id AND status IN ('sending', 'queued', 'unknown')
                    """, arguments: ["status": status.rawValue, "notifyId": notifyId, "now": now, "id": id])
            guard db.changesCount == 1 else { return }
            // The follow-up counts as given: the same row recordFollowUps writes, tied to its delivery.
            try db.execute(
                sql: """
                    INSERT INTO followUp (activityId, participantId, updateId, format, sent, signature, themes, deliveryId)
                    SELECT d.activityId, d.participantId, d.updateId, d.channel, :sent, d.signature,
                        (SELECT json_group_array(key) FROM (
                             SELECT DISTINCT t.key FROM contribution c
                             JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                             WHERE c.activityId = d.activityId AND c.participantId = d.participantId
                               AND c.themeLinks > 0 ORDER BY t.key)), d.id
                    FROM delivery d WHERE d.id = :id
                    """, arguments: ["sent": day.description, "id": id])
        }
    }

    public func deliveryRefused(_ id: Int64, problem: String) async throws {
        let now = Self.timestamp(clock())
        try await writing { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET status = 'refused', problem = :problem, statusAt = :now
                    WHERE id = :id AND status = 'sending'
                    """, arguments: ["problem": problem, "now": now, "id": id])
            try Self.markFailed(db, delivery: id)
        }
    }

    /// The person cannot be reached by the delivery's channel until their details change.
    static func markFailed(_ db: Database, delivery id: Int64) throws {
        try db.execute(
            sql: """
                UPDATE participantContact SET failedChannel = (SELECT channel FROM delivery WHERE id = :id)
                WHERE participantId = (SELECT participantId FROM delivery WHERE id = :id)
                  AND failedChannel IS NOT (SELECT channel FROM delivery WHERE id = :id)
                """, arguments: ["id": id])
    }

    public func deliveryReleased(_ id: Int64) async throws {
        let now = Self.timestamp(clock())
        try await writing { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET status = 'queued', claimedAt = NULL, claimedBy = NULL, statusAt = :now
                    WHERE id = :id AND status = 'sending'
                    """, arguments: ["now": now, "id": id])
        }
    }

    public func uncertainDeliveries(ref: String?, claimedBefore before: Date, isGone: @Sendable (String) -> Bool)
        async throws -> [UncertainDelivery]
    {
        let cutoff = Self.timestamp(before)
        let rows = try await reading { db in
            let activityId = try ref.map { try Self.activityId(db, ref: $0) }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, reference, claimedAt, claimedBy FROM delivery
                    WHERE status = 'sending' AND (:a IS NULL OR activityId = :a) ORDER BY id
                    """, arguments: ["a": activityId]
            ).map { row in
                (
                    id: row["id"] as Int64, reference: row["reference"] as String,
                    claimedAt: row["claimedAt"] as String? ?? "", claimedBy: row["claimedBy"] as String? ?? ""
                )
            }
        }
        return rows.compactMap { row in
            guard row.claimedAt < cutoff || isGone(row.claimedBy) else { return nil }
            return UncertainDelivery(
                id: row.id, reference: row.reference, claimedAt: Self.instant(row.claimedAt) ?? before)
        }
    }

    static func instant(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public func deliveryNotFound(_ id: Int64, unknown: Bool) async throws {
        let now = Self.timestamp(clock())
        try await writing { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET status = :status, claimedAt = NULL, claimedBy = NULL, statusAt = :now,
                        problem = :problem
                    WHERE id = :id AND status = 'sending'
                    """,
                arguments: [
                    "status": unknown ? "unknown" : "queued", "now": now, "id": id,
                    "problem": unknown ? "Not found in Notify, which keeps messages for 7 days: check in Notify" : nil,
                ])
        }
    }

    public func recordReceipt(notifyId: String, status: MessageStatus, at: Date) async throws -> Bool {
        let at = Self.timestamp(at)
        return try await writing { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET status = :status, statusAt = :at
                    WHERE notifyId = :notifyId AND status <> :status
                      AND status NOT IN ('queued', 'sending', 'refused')
                    """, arguments: ["status": status.rawValue, "at": at, "notifyId": notifyId])
            guard db.changesCount > 0 else { return false }
            if status.isPermanentFailure,
                let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM delivery WHERE notifyId = ?", arguments: [notifyId])
            {
                try Self.markFailed(db, delivery: id)
            }
            return true
        }
    }

    public func openDeliveries(ref: String?) async throws -> [String] {
        try await reading { db in
            let activityId = try ref.map { try Self.activityId(db, ref: $0) }
            return try String.fetchAll(
                db,
                sql: """
                    SELECT notifyId FROM delivery WHERE notifyId IS NOT NULL AND (:a IS NULL OR activityId = :a)
                      AND status IN ('accepted', 'received', 'unknown') ORDER BY id
                    """, arguments: ["a": activityId])
        }
    }

    public func latestDeliveries(refs: [String]?) async throws
        -> [String: [(channel: SendingChannel, status: MessageStatus)]]
    {
        let wanted = try refs.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let rows = try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.ref, d.channel, d.status FROM delivery d JOIN activity a ON a.id = d.activityId
                    WHERE (:refs IS NULL OR a.ref IN (SELECT value FROM json_each(:refs)))
                      AND d.id = (SELECT max(id) FROM delivery
                                  WHERE activityId = d.activityId AND participantId = d.participantId)
                    """, arguments: ["refs": wanted]
            ).map { row in
                (ref: row["ref"] as String, channel: row["channel"] as String, status: row["status"] as String)
            }
        }
        var latest: [String: [(channel: SendingChannel, status: MessageStatus)]] = [:]
        for row in rows {
            latest[row.ref, default: []].append(
                (
                    try SendingChannel.parse(row.channel, field: "delivery.channel"),
                    try MessageStatus.parse(row.status, field: "delivery.status")
                ))
        }
        return latest
    }

    public func followUpFigures(from: CalendarDate?, to: CalendarDate?) async throws -> [String: FollowUpFigures] {
        let rows = try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.ref, d.channel, d.status, count(*) AS n
                    FROM followUp f JOIN activity a ON a.id = f.activityId LEFT JOIN delivery d ON d.id = f.deliveryId
                    WHERE (:from IS NULL OR f.sent >= :from) AND (:to IS NULL OR f.sent <= :to)
                    GROUP BY 1, 2, 3
                    UNION ALL
                    SELECT a.ref, d.channel, d.status, count(*) AS n
                    FROM delivery d JOIN activity a ON a.id = d.activityId
                    WHERE d.status IN ('refused', 'unknown')
                      AND (:from IS NULL OR substr(d.statusAt, 1, 10) >= :from)
                      AND (:to IS NULL OR substr(d.statusAt, 1, 10) <= :to)
                    GROUP BY 1, 2, 3
                    """, arguments: ["from": from?.description, "to": to?.description]
            ).map { row in
                (
                    ref: row["ref"] as String, channel: row["channel"] as String?, status: row["status"] as String?,
                    count: row["n"] as Int
                )
            }
        }
        var figures: [String: FollowUpFigures] = [:]
        for row in rows {
            figures[row.ref, default: FollowUpFigures()].add(
                row.channel.flatMap(SendingChannel.init(rawValue:)), row.status.flatMap(MessageStatus.init(rawValue:)),
                count: row.count)
        }
        return figures
    }

    public func activitiesSending() async throws -> [String] {
        try await reading { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT ref FROM activity WHERE id IN (
                        SELECT activityId FROM delivery WHERE status IN ('queued', 'sending')) ORDER BY ref
                    """)
        }
    }

    public func deliveries(ref: String) async throws -> [DeliveryRecord] {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT p.ref, d.channel, d.status, d.notifyId, d.problem, d.queuedAt, d.statusAt
                    FROM delivery d JOIN participant p ON p.id = d.participantId
                    WHERE d.activityId = ? ORDER BY d.id DESC
                    """, arguments: [activityId]
            ).map { row in
                DeliveryRecord(
                    ref: row["ref"], channel: try SendingChannel.parse(row["channel"], field: "delivery.channel"),
                    status: try MessageStatus.parse(row["status"], field: "delivery.status"), notifyId: row["notifyId"],
                    problem: row["problem"], queuedAt: Self.instant(row["queuedAt"]) ?? .distantPast,
                    statusAt: Self.instant(row["statusAt"]) ?? .distantPast)
            }
        }
    }
}
