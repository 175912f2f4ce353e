import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

/// Writes many rows as one batch with prepared statements, for a generator outside the store
/// (`yswd generate`). Every row carries the batch id, so the history triggers skip it and history
/// records the batch once. Values are written as given: the caller is trusted to give valid ones.
public struct BulkWriter {
    private let db: Database
    /// The batch every row belongs to.
    public let batchId: Int64
    private let insertActivity, insertParticipant, insertContact, insertContribution: Statement
    private let insertTheme, insertLink, insertDecision, insertResponse, insertExplanation: Statement
    /// The next contribution number of each activity written to, from its counter.
    private let numbers = Numbers()

    private final class Numbers {
        var next: [Int64: Int64] = [:]
    }

    init(db: Database, batchId: Int64) throws {
        self.db = db
        self.batchId = batchId
        insertActivity = try db.makeStatement(
            sql: """
                INSERT INTO activity (ref, title, purpose, canInfluence, level, constraints, methods, audiences, lead,
                    partners, resources, service, opens, closes, cadenceWeeks, feedbackBy, feedbackChannels, batchId,
                    organisationId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertParticipant = try db.makeStatement(
            sql: "INSERT INTO participant (ref, wantsFeedback, mayQuote, batchId) VALUES (?, ?, ?, ?)")
        insertContact = try db.makeStatement(
            sql: """
                INSERT INTO participantContact (participantId, email, phone, address, prefers, batchId)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        insertContribution = try db.makeStatement(
            sql: """
                INSERT INTO contribution (activityId, participantId, text, method, received, outOfScope, themeLinks, batchId,
                    number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertTheme = try db.makeStatement(
            sql: "INSERT INTO theme (activityId, key, said, batchId) VALUES (?, ?, ?, ?)")
        insertLink = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO themeContribution (themeId, contributionId, batchId) VALUES (?, ?, ?)")
        insertDecision = try db.makeStatement(
            sql: """
                INSERT INTO decision (activityId, key, text, decidedBy, decidedOn, status, due, batchId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertResponse = try db.makeStatement(
            sql: "INSERT INTO decisionTheme (decisionId, themeId, outcome, batchId) VALUES (?, ?, ?, ?)")
        insertExplanation = try db.makeStatement(
            sql: "INSERT INTO explanation (themeId, why, reason, batchId) VALUES (?, ?, ?, ?)")
    }

    /// The organisations already recorded.
    public func organisations() throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM organisation ORDER BY id")
    }

    public func add(_ organisation: Organisation) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO organisation (key, name, kind, batchId) VALUES (?, ?, ?, ?)",
            arguments: [organisation.key, organisation.name, organisation.kind.rawValue, batchId])
        return db.lastInsertedRowID
    }

    public func add(_ activity: Activity) throws -> Int64 {
        try insertActivity.execute(arguments: [
            activity.ref, activity.title, activity.purpose, activity.canInfluence, activity.level.rawValue,
            activity.constraints, try json(activity.methods.map(\.rawValue)), try json(activity.audiences),
            activity.lead, try json(activity.partners), activity.resources, activity.service, activity.opens,
            activity.closes, activity.cadenceWeeks, activity.feedbackBy,
            try json(activity.feedbackChannels.map(\.rawValue)), batchId,
            activity.organisationId,
        ])
        return db.lastInsertedRowID
    }

    public func addParticipant(ref: String, wantsFeedback: Bool, mayQuote: Bool) throws -> Int64 {
        try insertParticipant.execute(arguments: [ref, wantsFeedback, mayQuote, batchId])
        return db.lastInsertedRowID
    }

    public func add(_ contact: ParticipantContact) throws {
        try insertContact.execute(arguments: [
            contact.participantId, contact.email, contact.phone, contact.address, contact.prefers?.rawValue, batchId,
        ])
    }

    public func addTheme(activity: Int64, key: String, said: String) throws -> Int64 {
        try insertTheme.execute(arguments: [activity, key, said, batchId])
        return db.lastInsertedRowID
    }

    /// Adds a contribution, linked to `theme` when one is given. Called millions of times, so its
    /// values are bound straight to SQLite.
    public func addContribution(
        activity: Int64, participant: Int64?, text: String, method: EngagementMethod?, received: CalendarDate,
        outOfScope: String?, theme: Int64?
    ) throws {
        let number: Int64
        if let next = numbers.next[activity] {
            number = next
        } else {
            number =
                try Int64.fetchOne(
                    db, sql: "SELECT last FROM contributionCounter WHERE activityId = ?", arguments: [activity]) ?? 0
                + 1
        }
        numbers.next[activity] = number + 1
        try insertContribution.runRaw(
            .integer(activity), .integer(participant), .text(text), .text(method?.rawValue),
            .text(received.description), .text(outOfScope), .integer(theme == nil ? 0 : 1), .integer(batchId),
            .integer(number), in: db)
        if let theme {
            try insertLink.runRaw(.integer(theme), .integer(db.lastInsertedRowID), .integer(batchId), in: db)
        }
    }

    public func addDecision(
        activity: Int64, key: String, text: String, decidedBy: String?, decidedOn: CalendarDate?,
        status: DeliveryStatus, due: CalendarDate?
    ) throws -> Int64 {
        try insertDecision.execute(arguments: [
            activity, key, text, decidedBy, decidedOn, status.rawValue, due, batchId,
        ])
        return db.lastInsertedRowID
    }

    public func respond(decision: Int64, theme: Int64, outcome: Outcome) throws {
        try insertResponse.execute(arguments: [decision, theme, outcome.rawValue, batchId])
    }

    public func explain(theme: Int64, why: String, reason: ReasonCategory) throws {
        try insertExplanation.execute(arguments: [theme, why, reason.rawValue, batchId])
    }

    /// Records a stand-in update, covering the record as it stands, for every other activity of the
    /// batch that closed before `closedBefore`, published on `published`: so the loops benchmark
    /// compares coverage too. Returns how many.
    public func recordCoveringUpdates(
        closedBefore: CalendarDate, published: CalendarDate, actor: String, at now: String
    ) throws -> Int {
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
                "published": published.description, "now": now, "actor": actor, "batch": batchId,
                "cutoff": closedBefore.description,
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

    /// A list as the JSON array the activity table stores, escaped as the record's own encoding is.
    private func json(_ values: [String]) throws -> String {
        String(decoding: try Self.encoder.encode(values), as: UTF8.self)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()
}

extension SQLiteStore {
    /// Runs `body` with a ``BulkWriter`` in one transaction and one batch: all or nothing, and one
    /// history entry recording `details` (what `body` returns with its result).
    /// - Parameter requireEmpty: refuse (``StoreError/notEmpty``) a record that already holds data.
    public func bulkWrite<Result: Sendable>(
        kind: String, description: String, requireEmpty: Bool,
        _ body: @escaping @Sendable (BulkWriter) throws -> (result: Result, details: [(String, Int)])
    ) async throws -> Result {
        try await writing { db in
            // A big page cache for the big write: indexes are filled in random order.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            if requireEmpty,
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM participant)") ?? 0 > 0
            {
                throw StoreError.notEmpty
            }
            let batch = try Batch.start(db, kind: kind, description: description, actor: self.actor, at: self.now)
            let (result, details) = try body(try BulkWriter(db: db, batchId: batch.id))
            try db.execute(
                sql: """
                    INSERT INTO contributionCounter (activityId, last)
                    SELECT activityId, max(number) FROM contribution WHERE batchId = ? GROUP BY activityId
                    ON CONFLICT (activityId) DO UPDATE SET last = max(last, excluded.last)
                    """, arguments: [batch.id])
            try Batch.refreshSearch(db, activities: "batchId = ?", arguments: [batch.id])
            try batch.record(
                db, activityId: nil, actor: self.actor, at: self.now, details: details.map { ($0.0, $0.1) })
            return result
        }
    }

    /// When a bulk write is stamped: the store's clock, as history records it.
    public var bulkTimestamp: String { now }
}
