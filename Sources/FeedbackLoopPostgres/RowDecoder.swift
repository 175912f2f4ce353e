import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresRandomAccessRow {
    /// The value of `column` (PostgreSQL folds unquoted names to lower case), or
    /// ``StoreError/unreadable(column:)`` when the row has no such column or holds something else.
    func read<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(StoreError) -> T {
        let name = column.lowercased()
        guard contains(name) else { throw .unreadable(column: column) }
        do { return try self[name].decode(T.self) } catch { throw .unreadable(column: column) }
    }

    /// A JSON column's value.
    func readJSON<T: Decodable>(_ column: String, as type: T.Type = T.self) throws(StoreError) -> T {
        let text: String = try read(column)
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
            throw .unreadable(column: column)
        }
    }

    /// A domain value whose properties are the row's columns (as the SQLite engine stores them:
    /// nested lists as JSON text, flags as 0 or 1, dates as text).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try T(from: RowDecoder(row: self)) } catch let error as StoreError { throw error } catch {
            throw StoreError.unreadable(column: RowDecoder.column(of: error) ?? String(describing: T.self))
        }
    }
}

extension PostgresRowSequence {
    /// Every row, decoded as `T`.
    func all<T: Decodable>(_ type: T.Type) async throws -> [T] {
        var values: [T] = []
        for try await row in self { values.append(try row.makeRandomAccess().decode(T.self)) }
        return values
    }

    /// Every row, as random-access rows read by column name.
    func rows() async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in self { rows.append(row.makeRandomAccess()) }
        return rows
    }
}

/// Decodes a `Codable` domain value from a row by column name.
struct RowDecoder: Decoder {
    let row: PostgresRandomAccessRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a row"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "a row"))
    }

    static func column(of error: any Error) -> String? {
        switch error as? DecodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.first?.stringValue
        case .keyNotFound(let key, _): key.stringValue
        default: nil
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: PostgresRandomAccessRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { row.contains(key.stringValue.lowercased()) }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard contains(key) else { return true }
            return row[key.stringValue.lowercased()].bytes == nil
        }

        private func cell(_ key: Key) throws -> PostgresCell {
            guard contains(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "no such column"))
            }
            return row[key.stringValue.lowercased()]
        }

        private func value<T: PostgresDecodable>(_ type: T.Type, _ key: Key) throws -> T {
            do { return try cell(key).decode(T.self) } catch {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: [key], debugDescription: "\(error)"))
            }
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(Int64.self, key) != 0 }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(String.self, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(Double.self, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try value(Double.self, key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { Int(try value(Int64.self, key)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(Int64.self, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { Int32(try value(Int64.self, key)) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if T.self == Data.self, let data = Data(try value(ByteBuffer.self, key).readableBytesView) as? T {
                return data
            }
            let text = try value(String.self, key)
            // A single value (a raw enumeration, a calendar date) decodes from the text itself; a
            // list or a structure was stored as JSON.
            do { return try T(from: TextDecoder(text: text, codingPath: [key])) } catch TextDecoder.NotSingle.value {
                do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
                    throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "\(error)"))
                }
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.typeMismatch(Any.self, .init(codingPath: [key], debugDescription: "nested"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(Any.self, .init(codingPath: [key], debugDescription: "nested"))
        }

        func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
    }
}

/// Decodes a single value from a column's text; anything asking for a container is not single.
struct TextDecoder: Decoder, SingleValueDecodingContainer {
    enum NotSingle: Error { case value }
    let text: String
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw NotSingle.value
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw NotSingle.value }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { text }
    func decode(_ type: Bool.Type) throws -> Bool { text == "1" || text == "true" }
    func decode(_ type: Double.Type) throws -> Double { try number(Double(text)) }
    func decode(_ type: Int.Type) throws -> Int { try number(Int(text)) }
    func decode(_ type: Int64.Type) throws -> Int64 { try number(Int64(text)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    private func number<T>(_ value: T?) throws -> T {
        guard let value else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not a number"))
        }
        return value
    }
}
