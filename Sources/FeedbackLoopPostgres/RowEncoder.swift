import FeedbackLoopStore
import Foundation
import PostgresNIO

/// A domain value's properties as columns and bound values, stored as the SQLite engine stores
/// them: lists and structures as JSON text, flags as 0 or 1, dates and enumerations as their text.
struct RowValues {
    private(set) var columns: [String] = []
    private(set) var bindings = PostgresBindings()

    init<T: Encodable>(_ value: T, leaving left: Set<String> = []) throws {
        let encoder = RowEncoder()
        try value.encode(to: encoder)
        for (column, cell) in encoder.storage.cells where !left.contains(column) {
            columns.append(column)
            switch cell {
            case .null: bindings.appendNull()
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .bytes(let data): bindings.append(ByteBuffer(bytes: data))
            }
        }
    }

    /// `INSERT INTO table (columns) VALUES (…)`, returning the new row's id when `returning`.
    func insert(into table: String, returning: String? = nil) -> PostgresQuery {
        let placeholders = (1...max(columns.count, 1)).map { "$\($0)" }.prefix(columns.count)
        var sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))"
        if let returning { sql += " RETURNING \(returning)" }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// `UPDATE table SET columns = … WHERE condition`, where the condition may use the later placeholders
    /// given by `extra`.
    func update(_ table: String, where condition: (Int) -> String, _ extra: [Int64]) -> PostgresQuery {
        let assignments = columns.enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        var binds = bindings
        for value in extra { binds.append(value) }
        return PostgresQuery(
            unsafeSQL: "UPDATE \(table) SET \(assignments) WHERE \(condition(columns.count + 1))", binds: binds)
    }
}

private enum Cell {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    case bytes(Data)
}

private final class CellStorage {
    var cells: [(String, Cell)] = []
    func set(_ column: String, _ cell: Cell) {
        if let index = cells.firstIndex(where: { $0.0 == column }) {
            cells[index].1 = cell
        } else {
            cells.append((column, cell))
        }
    }
}

private struct RowEncoder: Encoder {
    let storage = CellStorage()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(storage: storage))
    }
    // A row is keyed: anything else refuses (throws) when used, so a value that is not a row is an
    // error, never a crash.
    func unkeyedContainer() -> any UnkeyedEncodingContainer { SingleEncoder.RefusingList() }
    func singleValueContainer() -> any SingleValueEncodingContainer { RefusingSingle() }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: CellStorage
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { storage.set(key.stringValue, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            storage.set(key.stringValue, .integer(value ? 1 : 0))
        }
        mutating func encode(_ value: String, forKey key: Key) throws { storage.set(key.stringValue, .text(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { storage.set(key.stringValue, .real(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            storage.set(key.stringValue, .integer(Int64(value)))
        }
        mutating func encode(_ value: Int64, forKey key: Key) throws { storage.set(key.stringValue, .integer(value)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let data = value as? Data { return storage.set(key.stringValue, .bytes(data)) }
            let single = SingleEncoder()
            do {
                try value.encode(to: single)
                if single.structured { throw SingleEncoder.NotSingle.value }
                storage.set(key.stringValue, single.cell ?? .null)
            } catch SingleEncoder.NotSingle.value {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                storage.set(key.stringValue, .text(String(decoding: try encoder.encode(value), as: UTF8.self)))
            }
        }

        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        { KeyedEncodingContainer(SingleEncoder.Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            SingleEncoder.RefusingList()
        }
        mutating func superEncoder() -> any Encoder { RowEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { RowEncoder() }
    }
}

/// Encodes a single value (a raw enumeration, a calendar date) to one cell; anything asking for a
/// container is stored as JSON instead.
private final class SingleEncoder: Encoder, SingleValueEncodingContainer {
    enum NotSingle: Error { case value }
    var cell: Cell?
    /// Whether the value asked for a container (a list, even an empty one, or a structure).
    var structured = false
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        structured = true
        return KeyedEncodingContainer(Refusing<Key>())
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        structured = true
        return RefusingList()
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { cell = .null }
    func encode(_ value: Bool) throws { cell = .integer(value ? 1 : 0) }
    func encode(_ value: String) throws { cell = .text(value) }
    func encode(_ value: Double) throws { cell = .real(value) }
    func encode(_ value: Int) throws { cell = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { cell = .integer(value) }
    func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }

    struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { throw NotSingle.value }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw NotSingle.value }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SingleEncoder() }
    }

    struct RefusingList: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { throw NotSingle.value }
        mutating func encode<T: Encodable>(_ value: T) throws { throw NotSingle.value }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleEncoder() }
    }
}

/// A single value where a row was expected: every use refuses.
private struct RefusingSingle: SingleValueEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil() throws { throw SingleEncoder.NotSingle.value }
    mutating func encode<T: Encodable>(_ value: T) throws { throw SingleEncoder.NotSingle.value }
}
