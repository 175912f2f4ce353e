import FeedbackLoop
import FeedbackLoopStore
import GRDB

// Domain values as column values.

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

/// A domain value that is one row of a table: its columns are the value's properties.
/// Internal: the domain types are not GRDB records, and only this engine knows their rows.
protocol TableValue: Codable, Sendable {
    static var tableName: String { get }
    /// Takes the id the database gave a new row.
    mutating func inserted(id: Int64)
}

/// A ``TableValue`` as GRDB reads and writes it.
struct Stored<Value: TableValue>: FetchableRecord, MutablePersistableRecord, Codable {
    var value: Value

    init(_ value: Value) { self.value = value }
    init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }

    static var databaseTableName: String { Value.tableName }
    mutating func didInsert(_ inserted: InsertionSuccess) { value.inserted(id: inserted.rowID) }
}

extension TableValue {
    /// The table's rows, to filter and fetch.
    static var rows: QueryInterfaceRequest<Stored<Self>> { Stored<Self>.all() }

    mutating func insert(_ db: Database) throws {
        var row = Stored(self)
        try row.insert(db)
        self = row.value
    }

    func update(_ db: Database) throws { try Stored(self).update(db) }

    @discardableResult
    func delete(_ db: Database) throws -> Bool { try Stored(self).delete(db) }
}

extension QueryInterfaceRequest {
    /// The first row's value.
    func one<Value>(_ db: Database) throws -> Value? where RowDecoder == Stored<Value> {
        try fetchOne(db)?.value
    }

    /// Every row's value.
    func every<Value>(_ db: Database) throws -> [Value] where RowDecoder == Stored<Value> {
        try fetchAll(db).map(\.value)
    }
}

extension Activity: TableValue {
    static let tableName = "activity"
    mutating func inserted(id: Int64) { self.id = id }
}

extension Participant: TableValue {
    static let tableName = "participant"
    mutating func inserted(id: Int64) { self.id = id }
}

extension ParticipantContact: TableValue {
    static let tableName = "participantContact"
    func inserted(id: Int64) {}
}

extension Contribution: TableValue {
    static let tableName = "contribution"
    mutating func inserted(id: Int64) { self.id = id }
}

extension Theme: TableValue {
    static let tableName = "theme"
    mutating func inserted(id: Int64) { self.id = id }
}

extension Explanation: TableValue {
    static let tableName = "explanation"
    mutating func inserted(id: Int64) { self.id = id }
}

extension Evaluation: TableValue {
    static let tableName = "evaluation"
    mutating func inserted(id: Int64) { self.id = id }
}

extension Organisation: TableValue {
    static let tableName = "organisation"
    mutating func inserted(id: Int64) { self.id = id }
}

/// A decision's own columns; the themes it responds to live in `decisionTheme`.
struct DecisionRow: FetchableRecord, MutablePersistableRecord {
    var value: Decision

    init(_ value: Decision) { self.value = value }

    static let databaseTableName = "decision"

    init(row: Row) throws {
        value = Decision(
            id: try row.read("id"), activityId: try row.read("activityId"), key: try row.read("key"),
            text: try row.read("text"),
            decidedBy: try row.read("decidedBy"), decidedOn: try row.read("decidedOn"), status: try row.read("status"),
            due: try row.read("due"),
            impact: try row.read("impact"), description: try row.read("description"), starts: try row.read("starts"),
            progress: try row.read("progress"),
            parentId: try row.read("parentId"), externalId: try row.read("externalId"),
            easyRead: try row.read("easyRead"))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["activityId"] = value.activityId
        container["key"] = value.key
        container["text"] = value.text
        container["decidedBy"] = value.decidedBy
        container["decidedOn"] = value.decidedOn
        container["status"] = value.status
        container["due"] = value.due
        container["impact"] = value.impact
        container["description"] = value.description
        container["starts"] = value.starts
        container["progress"] = value.progress
        container["parentId"] = value.parentId
        container["externalId"] = value.externalId
        container["easyRead"] = value.easyRead
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { value.id = inserted.rowID }
}

extension Decision {
    static var rows: QueryInterfaceRequest<DecisionRow> { DecisionRow.all() }

    mutating func insert(_ db: Database) throws {
        var row = DecisionRow(self)
        try row.insert(db)
        self = row.value
    }

    func update(_ db: Database) throws { try DecisionRow(self).update(db) }

    @discardableResult
    func delete(_ db: Database) throws -> Bool { try DecisionRow(self).delete(db) }
}

extension QueryInterfaceRequest where RowDecoder == DecisionRow {
    func one(_ db: Database) throws -> Decision? { try fetchOne(db)?.value }
    func every(_ db: Database) throws -> [Decision] { try fetchAll(db).map(\.value) }
}
