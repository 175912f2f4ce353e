import FeedbackLoop
import FeedbackLoopStore
import GRDB

// The domain values are the store's records: each table's columns are the value's properties.

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? CalendarDate.parse($0, field: "date") }
    }
}

extension EngagementLevel: DatabaseValueConvertible {}
extension EngagementMethod: DatabaseValueConvertible {}
extension FeedbackChannel: DatabaseValueConvertible {}
extension PreferredFormat: DatabaseValueConvertible {}
extension Outcome: DatabaseValueConvertible {}
extension DeliveryStatus: DatabaseValueConvertible {}
extension ReasonCategory: DatabaseValueConvertible {}

extension Activity: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "activity"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Participant: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participant"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ParticipantContact: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "participantContact"
}

extension Contribution: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contribution"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Theme: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "theme"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Explanation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "explanation"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Evaluation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "evaluation"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A decision's own columns; the themes it responds to live in `decisionTheme`.
extension Decision: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"

    public init(row: Row) throws {
        self.init(
            id: try row.read("id"), activityId: try row.read("activityId"), key: try row.read("key"),
            text: try row.read("text"),
            decidedBy: try row.read("decidedBy"), decidedOn: try row.read("decidedOn"), status: try row.read("status"),
            due: try row.read("due"),
            impact: try row.read("impact"), description: try row.read("description"), starts: try row.read("starts"),
            progress: try row.read("progress"),
            parentId: try row.read("parentId"), externalId: try row.read("externalId"),
            easyRead: try row.read("easyRead"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["activityId"] = activityId
        container["key"] = key
        container["text"] = text
        container["decidedBy"] = decidedBy
        container["decidedOn"] = decidedOn
        container["status"] = status
        container["due"] = due
        container["impact"] = impact
        container["description"] = description
        container["starts"] = starts
        container["progress"] = progress
        container["parentId"] = parentId
        container["externalId"] = externalId
        container["easyRead"] = easyRead
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
