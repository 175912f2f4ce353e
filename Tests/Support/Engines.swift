import FeedbackLoop
import FeedbackLoopPostgres
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation
import PostgresNIO

/// The engines a test runs on: SQLite always, and PostgreSQL when `YSWD_PG_URL` names a
/// server the tests may create databases on (`scripts/test` starts a throwaway one and sets it).
public enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The engine the web app's tests use: `YSWD_TEST_ENGINE=postgres` (with a server) or SQLite.
    public static var chosen: Engine {
        ProcessInfo.processInfo.environment["YSWD_TEST_ENGINE"] == "postgres" && PostgresTestServer.url != nil
            ? .postgres : .sqlite
    }

    public static var available: [Engine] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    public var description: String { rawValue }

    /// A new, empty record of its own.
    public func store(actor: String = "test", clock: @escaping @Sendable () -> Date = Date.init) async throws
        -> any RecordStore
    {
        switch self {
        case .sqlite: return try SQLiteStore.inMemory(actor: actor, clock: clock)
        case .postgres:
            let address = try await PostgresTestServer.shared.newDatabase()
            return try await PostgresStore.open(address, mode: .existing, actor: actor, clock: clock, connections: 4)
                .store
        }
    }
}

/// The PostgreSQL server of the test run: each test's database is a copy of a template that holds
/// yswd's schema, so the migrations run once.
public actor PostgresTestServer {
    public static let shared = PostgresTestServer()
    public static var url: String? {
        ProcessInfo.processInfo.environment["YSWD_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private var template: Task<PostgresAddress, any Error>?

    /// The server's address, for a database named `name`.
    public static func address(_ name: String) throws -> PostgresAddress {
        guard let url, case .postgres(var address) = try DatabaseAddress.parse(url) else {
            throw ServerError.malformedURL("YSWD_PG_URL", problem: "it is not set to a postgres:// URL")
        }
        address.database = name
        address.tls = .disable
        return address
    }

    /// The folder of a database's table files, under the cluster's data folder.
    public static func folder(of database: String, in data: String) async throws -> String {
        let admin = try address("postgres")
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: admin.host, port: admin.port, username: admin.user, password: admin.password,
                database: "postgres",
                tls: .disable), id: 1, logger: .init(label: "yswd.tests"))
        defer { Task { try? await connection.close() } }
        var oid: Int64?
        for try await row in try await connection.query(
            "SELECT oid::bigint FROM pg_database WHERE datname = \(database)", logger: .init(label: "yswd.tests"))
        {
            oid = try row.decode(Int64.self)
        }
        guard let oid else { throw ServerError.noSuchDatabase(database: database, server: admin.server) }
        return data + "/base/\(oid)"
    }

    /// Runs one statement on the server's maintenance database, or on `database`.
    public static func administer(_ sql: String, database: String = "postgres") async throws {
        let admin = try address(database)
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: admin.host, port: admin.port, username: admin.user, password: admin.password,
                database: admin.database,
                tls: .disable), id: 1, logger: .init(label: "yswd.tests"))
        defer { Task { try? await connection.close() } }
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: .init(label: "yswd.tests"))
    }

    public func newDatabase() async throws -> PostgresAddress {
        if template == nil {
            template = Task {
                let name = "yswd_template_\(UInt32.random(in: 0...UInt32.max))"
                try await Self.administer("CREATE DATABASE \(name)")
                let (store, _) = try await PostgresStore.open(
                    try Self.address(name), mode: .createIfMissing, actor: "test", connections: 1)
                store.close()
                return try Self.address(name)
            }
        }
        guard let template else { throw CancellationError() }
        let source = try await template.value
        let name = "yswd_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        // The template's last connections may still be closing: try again for a while.
        for attempt in 1...50 {
            do {
                try await Self.administer("CREATE DATABASE \(name) TEMPLATE \(source.database)")
                break
            } catch  where attempt < 50 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return try Self.address(name)
    }
}
