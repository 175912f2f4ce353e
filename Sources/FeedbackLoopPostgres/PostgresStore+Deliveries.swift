import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func queueDeliveries(ref: String, _ items: [(participantId: Int64, channel: SendingChannel)]) async throws
        -> Int
    {
        let now = Self.timestamp(clock())
        let references = items.map { _ in UUID().uuidString.lowercased() }
        let people = items.map(\.participantId)
        let channels = items.map(\.channel.rawValue)
        return try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            // A follow-up queued for someone since followed up (by another sender, or by hand) is not sent.
            var cancel = PostgresBindings()
            cancel.append(activityId)
            cancel.append(now)
            try await session.execute(
                PostgresQuery(
                    unsafeSQL: """
                        UPDATE delivery SET status = 'cancelled', statusAt = $2
                        WHERE activityId = $1 AND status = 'queued' AND participantId IN (
                            SELECT p.id FROM participant p WHERE p.id = delivery.participantId
                              AND \(Self.followUpCurrent(activity: "$1")))
                        """, binds: cancel))
            let sql = """
                INSERT INTO delivery (reference, activityId, participantId, updateId, signature, channel, status,
                    queuedAt, statusAt)
                SELECT item.reference, $1, p.id,
                    (SELECT id FROM publishedUpdate WHERE activityId = $1 ORDER BY number DESC LIMIT 1),
                    coalesce(\(AnswerSignature.participant(activity: "$1", participant: "p.id")), ''),
                    item.channel, 'queued', $5, $5
                FROM unnest($2::text[], $3::bigint[], $4::text[]) AS item(reference, participantId, channel)
                JOIN participant p ON p.id = item.participantId
                WHERE NOT \(Self.followUpCurrent(activity: "$1"))
                ON CONFLICT DO NOTHING
                RETURNING id
                """
            var bindings = PostgresBindings()
            bindings.append(activityId)
            bindings.append(references)
            bindings.append(people)
            bindings.append(channels)
            bindings.append(now)
            return try await session.rows(PostgresQuery(unsafeSQL: sql, binds: bindings)).count
        }
    }

    public func claimDelivery(ref: String, among participants: [Int64], by sender: String) async throws
        -> ClaimedDelivery?
    {
        let now = Self.timestamp(clock())
        // No turn: a claim changes only its own row, locked; SKIP LOCKED lets senders pass each other.
        return try await writing(takingTurn: false) { session in
            let activityId = try await Self.activityId(session, ref: ref)
            // What the follow-up says is what the record says now: its update and answers, as sent.
            let sql = """
                UPDATE delivery SET status = 'sending', claimedAt = $3, claimedBy = $4, statusAt = $3,
                    updateId = (SELECT id FROM publishedUpdate WHERE activityId = $1 ORDER BY number DESC LIMIT 1),
                    signature = coalesce(\(AnswerSignature.participant(activity: "$1", participant: "delivery.participantId")), '')
                WHERE id = (SELECT id FROM delivery WHERE activityId = $1 AND status = 'queued'
                            AND participantId = ANY($2) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                  AND status = 'queued'
                RETURNING id, reference, participantId, channel
                """
            var bindings = PostgresBindings()
            bindings.append(activityId)
            bindings.append(participants)
            bindings.append(now)
            bindings.append(sender)
            guard let row = try await session.rows(PostgresQuery(unsafeSQL: sql, binds: bindings)).first
            else { return nil }
            return ClaimedDelivery(
                id: try row.read("id"), reference: try row.read("reference"),
                participantId: try row.read("participantId"),
                channel: try SendingChannel.parse(try row.read("channel", as: String.self), field: "delivery.channel"))
        }
    }

    public func deliveryAccepted(_ id: Int64, notifyId: String, status: MessageStatus, on day: CalendarDate)
        async throws
    {
        let now = Self.timestamp(clock())
        try await writing { session in
            let changed = try await session.rows(
                """
                UPDATE delivery SET status = \(status.rawValue), notifyId = \(notifyId), statusAt = \(now)
                WHERE id = \(id) AND status IN ('sending', 'queued', 'unknown') RETURNING id
                """
            ).count
            guard changed == 1 else { return }
            try await session.execute(
                """
                INSERT INTO followUp (activityId, participantId, updateId, format, sent, signature, themes, deliveryId)
                SELECT d.activityId, d.participantId, d.updateId, d.channel, \(day.description), d.signature,
                    (SELECT coalesce(json_agg(key ORDER BY key), '[]'::json)::text FROM (
                         SELECT DISTINCT t.key COLLATE "C" AS key FROM contribution c
                         JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                         WHERE c.activityId = d.activityId AND c.participantId = d.participantId
                           AND c.themeLinks > 0) AS told), d.id
                FROM delivery d WHERE d.id = \(id)
                """)
        }
    }

    public func deliveryRefused(_ id: Int64, problem: String) async throws {
        let now = Self.timestamp(clock())
        try await writing { session in
            try await session.execute(
                """
                UPDATE delivery SET status = 'refused', problem = \(problem), statusAt = \(now)
                WHERE id = \(id) AND status = 'sending'
                """)
            try await Self.markFailed(session, delivery: id)
        }
    }

    /// The person cannot be reached by the delivery's channel until their details change.
    static func markFailed(_ session: PostgresSession, delivery id: Int64) async throws {
        try await session.execute(
            """
            UPDATE participantContact pc SET failedChannel = d.channel FROM delivery d
            WHERE d.id = \(id) AND pc.participantId = d.participantId
              AND pc.failedChannel IS DISTINCT FROM d.channel
            """)
    }

    public func deliveryReleased(_ id: Int64) async throws {
        let now = Self.timestamp(clock())
        try await writing { session in
            try await session.execute(
                """
                UPDATE delivery SET status = 'queued', claimedAt = NULL, claimedBy = NULL, statusAt = \(now)
                WHERE id = \(id) AND status = 'sending'
                """)
        }
    }

    public func uncertainDeliveries(ref: String?, claimedBefore before: Date, isGone: @Sendable (String) -> Bool)
        async throws -> [UncertainDelivery]
    {
        let cutoff = Self.timestamp(before)
        let rows = try await reading { session in
            let activityId = try await ref.asyncMap { try await Self.activityId(session, ref: $0) }
            return try await session.rows(
                """
                SELECT id, reference, claimedAt, claimedBy FROM delivery
                WHERE status = 'sending' AND (\(activityId)::bigint IS NULL OR activityId = \(activityId)) ORDER BY id
                """
            ).map { row in
                (
                    id: try row.read("id", as: Int64.self), reference: try row.read("reference", as: String.self),
                    claimedAt: try row.read("claimedAt", as: String?.self) ?? "",
                    claimedBy: try row.read("claimedBy", as: String?.self) ?? ""
                )
            }
        }
        return rows.compactMap { row in
            guard row.claimedAt < cutoff || isGone(row.claimedBy) else { return nil }
            return UncertainDelivery(
                id: row.id, reference: row.reference,
                claimedAt: (try? Date(
                    row.claimedAt, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
                    ?? before)
        }
    }

    public func deliveryNotFound(_ id: Int64, unknown: Bool) async throws {
        let now = Self.timestamp(clock())
        let status = unknown ? "unknown" : "queued"
        let problem: String? = unknown ? "Not found in Notify, which keeps messages for 7 days: check in Notify" : nil
        try await writing { session in
            try await session.execute(
                """
                UPDATE delivery SET status = \(status), claimedAt = NULL, claimedBy = NULL, statusAt = \(now),
                    problem = \(problem)
                WHERE id = \(id) AND status = 'sending'
                """)
        }
    }

    public func recordReceipt(notifyId: String, status: MessageStatus, at: Date) async throws -> Bool {
        let at = Self.timestamp(at)
        return try await writing { session in
            guard
                let id = try await session.value(
                    "id", as: Int64.self,
                    """
                    UPDATE delivery SET status = \(status.rawValue), statusAt = \(at)
                    WHERE notifyId = \(notifyId) AND status <> \(status.rawValue)
                      AND status NOT IN ('queued', 'sending', 'refused')
                    RETURNING id
                    """)
            else { return false }
            if status.isPermanentFailure { try await Self.markFailed(session, delivery: id) }
            return true
        }
    }

    public func openDeliveries(ref: String?) async throws -> [String] {
        try await reading { session in
            let activityId = try await ref.asyncMap { try await Self.activityId(session, ref: $0) }
            return try await session.values(
                "notifyId", as: String.self,
                """
                SELECT notifyId FROM delivery WHERE notifyId IS NOT NULL
                  AND (\(activityId)::bigint IS NULL OR activityId = \(activityId))
                  AND status IN ('accepted', 'received', 'unknown') ORDER BY id
                """)
        }
    }

    public func latestDeliveries(refs: [String]?) async throws
        -> [String: [(channel: SendingChannel, status: MessageStatus)]]
    {
        let rows = try await reading { session in
            try await session.rows(
                """
                SELECT DISTINCT ON (d.activityId, d.participantId) a.ref, d.channel, d.status
                FROM delivery d JOIN activity a ON a.id = d.activityId
                WHERE (\(refs)::text[] IS NULL OR a.ref = ANY(\(refs)::text[]))
                ORDER BY d.activityId, d.participantId, d.id DESC
                """
            ).map { row in
                (
                    ref: try row.read("ref", as: String.self), channel: try row.read("channel", as: String.self),
                    status: try row.read("status", as: String.self)
                )
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
        let from = from?.description
        let to = to?.description
        let rows = try await reading { session in
            try await session.rows(
                """
                SELECT a.ref, d.channel, d.status, count(*) AS n
                FROM followUp f JOIN activity a ON a.id = f.activityId LEFT JOIN delivery d ON d.id = f.deliveryId
                WHERE (\(from)::text IS NULL OR f.sent >= \(from)) AND (\(to)::text IS NULL OR f.sent <= \(to))
                GROUP BY 1, 2, 3
                UNION ALL
                SELECT a.ref, d.channel, d.status, count(*) AS n
                FROM delivery d JOIN activity a ON a.id = d.activityId
                WHERE d.status IN ('refused', 'unknown')
                  AND (\(from)::text IS NULL OR substr(d.statusAt, 1, 10) >= \(from))
                  AND (\(to)::text IS NULL OR substr(d.statusAt, 1, 10) <= \(to))
                GROUP BY 1, 2, 3
                """
            ).map { row in
                (
                    ref: try row.read("ref", as: String.self), channel: try row.read("channel", as: String?.self),
                    status: try row.read("status", as: String?.self), count: Int(try row.read("n", as: Int64.self))
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
        try await reading { session in
            try await session.values(
                "ref", as: String.self,
                """
                SELECT ref FROM activity WHERE id IN (
                    SELECT activityId FROM delivery WHERE status IN ('queued', 'sending')) ORDER BY ref COLLATE "C"
                """)
        }
    }

    public func deliveries(ref: String) async throws -> [DeliveryRecord] {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            return try await session.rows(
                """
                SELECT p.ref, d.channel, d.status, d.notifyId, d.problem, d.queuedAt, d.statusAt
                FROM delivery d JOIN participant p ON p.id = d.participantId
                WHERE d.activityId = \(activityId) ORDER BY d.id DESC
                """
            ).map { row in
                let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
                return DeliveryRecord(
                    ref: try row.read("ref"),
                    channel: try SendingChannel.parse(
                        try row.read("channel", as: String.self), field: "delivery.channel"),
                    status: try MessageStatus.parse(try row.read("status", as: String.self), field: "delivery.status"),
                    notifyId: try row.read("notifyId"), problem: try row.read("problem"),
                    queuedAt: (try? Date(try row.read("queuedAt", as: String.self), strategy: style)) ?? .distantPast,
                    statusAt: (try? Date(try row.read("statusAt", as: String.self), strategy: style)) ?? .distantPast)
            }
        }
    }
}
