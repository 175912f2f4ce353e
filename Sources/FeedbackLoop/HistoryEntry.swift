/// One change to the record: who, when, what, and the values before and after.
///
/// History is append-only; the only change ever made to it is redaction when a participant is erased.
public struct HistoryEntry: Sendable, Equatable, Codable {
    public var id: Int64
    /// UTC time of the change, ISO 8601 with milliseconds.
    public var at: String
    public var actor: String
    /// `insert`, `update`, `delete`, or `batch` for a bulk write recorded once.
    public var action: String
    /// The kind of thing changed (`activity`, `contribution`, …).
    public var entity: String
    public var entityId: Int64?
    /// The activity the change belongs to, when it belongs to one.
    public var activityRef: String?
    /// The values before the change, as JSON; nil for an insert.
    public var before: String?
    /// The values after the change, as JSON; nil for a delete.
    public var after: String?
    /// The bulk write this entry stands for, when it stands for one.
    public var batchId: Int64?
    /// When erasure redacted this entry, if it did.
    public var redactedAt: String?

    public init(
        id: Int64, at: String, actor: String, action: String, entity: String, entityId: Int64?,
        activityRef: String?, before: String?, after: String?, batchId: Int64? = nil, redactedAt: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.activityRef = activityRef
        self.before = before
        self.after = after
        self.batchId = batchId
        self.redactedAt = redactedAt
    }
}
