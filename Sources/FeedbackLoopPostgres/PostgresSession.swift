import FeedbackLoopStore
import Logging
import PostgresNIO

/// One connection inside one transaction, with the reads the store's queries need.
struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Waits for this write's turn: held until the transaction ends (see ``PostgresStore/writing(takingTurn:_:)``).
    func takeTurn() async throws {
        try await execute("SELECT pg_advisory_xact_lock(hashtext('yswd writes'))")
    }

    /// Runs a statement, keeping no rows.
    func execute(_ query: PostgresQuery) async throws {
        try await connection.query(query, logger: logger)
    }

    /// Every row of a query, read by column name.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await connection.query(query, logger: logger).rows()
    }

    /// Every row, as domain values whose properties are the columns.
    func all<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> [T] {
        try await connection.query(query, logger: logger).all(T.self)
    }

    /// The first row as a domain value, if there is one.
    func one<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> T? {
        try await all(T.self, query).first
    }

    /// The one column `column` of the first row, if there is a row.
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type, _ query: PostgresQuery) async throws -> T? {
        try await rows(query).first?.read(column, as: T.self)
    }

    /// The one column `column` of every row.
    func values<T: PostgresDecodable>(_ column: String, as type: T.Type, _ query: PostgresQuery) async throws -> [T] {
        try await rows(query).map { try $0.read(column, as: T.self) }
    }

    /// A count (or any whole number) a query gives in `column`; 0 when it gives no row.
    func count(_ query: PostgresQuery, column: String = "n") async throws -> Int {
        Int(try await value(column, as: Int64.self, query) ?? 0)
    }
}
