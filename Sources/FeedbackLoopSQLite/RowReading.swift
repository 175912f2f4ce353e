import FeedbackLoopStore
import Foundation
import GRDB

/// Reading a row by column name into a typed value. A value missing or of a kind the type cannot
/// hold is ``StoreError/unreadable(column:)``, naming the column, never a crash or a silent default
/// (the value itself is never quoted: it may be a participant's private detail).
extension Row {
    /// The value of `column` as `Value` (an optional `Value` reads NULL as nil).
    func read<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws(StoreError)
        -> Value
    {
        do {
            return try decode(Value.self, forColumn: column)
        } catch {
            throw .unreadable(column: column)
        }
    }

    /// The JSON text in `column` decoded as `Value`; NULL reads as `empty`.
    func readJSON<Value: Decodable>(_ column: String, as type: Value.Type, empty: Value) throws(StoreError) -> Value {
        guard let json = try read(column, as: String?.self) else { return empty }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(json.utf8))
        } catch {
            throw .unreadable(column: column)
        }
    }
}
