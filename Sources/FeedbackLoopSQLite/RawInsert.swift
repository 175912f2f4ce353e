import FeedbackLoopStore
import GRDB
import GRDBSQLite

/// A value bound straight to an SQLite statement.
enum RawValue {
    case integer(Int64)
    case text(String)
    case null

    static func text(_ value: String?) -> RawValue { value.map(RawValue.text) ?? .null }
    static func integer(_ value: Int64?) -> RawValue { value.map(RawValue.integer) ?? .null }
}

extension Statement {
    /// Runs this write statement with values bound straight to SQLite. Bulk writes call this
    /// millions of times; building GRDB's arguments for every row costs more than the insert.
    func runRaw(_ values: RawValue..., in db: Database) throws {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(statement, position, number)
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, transientDestructor)
            case .null: sqlite3_bind_null(statement, position)
            }
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

/// SQLite copies bound text at once (SQLITE_TRANSIENT).
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
