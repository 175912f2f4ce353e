import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// The engagement record in a PostgreSQL database: for a host that runs yswd for many care
/// systems, or a team with several app servers behind a load balancer.
///
/// A pool of connections (postgres-nio's `PostgresClient`) serves every call. Every write is one
/// transaction; history is written in it by triggers, which read who is writing and when from
/// settings local to the transaction (`yswd.actor`, `yswd.now`).
public final class PostgresStore: Sendable {
    private let pool: ConnectionPool
    var client: PostgresClient { pool.client }
    /// Who is making the changes, as history records them.
    public let actor: String
    let clock: @Sendable () -> Date
    /// Where the database is; its ``PostgresAddress/shown`` form, the one messages use, leaves out
    /// the password.
    public let address: PostgresAddress
    let logger: Logger

    /// How ``open(_:mode:actor:clock:connections:)`` treats a database without yswd's tables.
    public enum OpenMode: Sendable {
        /// The database must already hold a yswd record.
        case existing
        /// Create yswd's tables in an empty database (`yswd init`), or bring them up to date.
        case createIfMissing
    }

    /// Connects to the database, brings its schema up to date (when `mode` allows) and returns the store.
    /// - Returns: the store, and whether yswd's tables were created.
    /// - Parameter connections: the most connections the pool opens at once.
    public static func open(
        _ address: PostgresAddress, mode: OpenMode = .existing, actor: String,
        clock: @escaping @Sendable () -> Date = Date.init, connections: Int = 20
    ) async throws -> (store: PostgresStore, created: Bool) {
        var address = address
        if address.password == nil { address.password = PasswordFile.password(for: address) }
        let configuration = Self.configuration(address, connections: connections)
        // yswd says what went wrong in its own words; the driver's background log stays quiet.
        let logger = Logger(label: "yswd.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        // One connection first, to say plainly what is wrong (no server, wrong password, no
        // database) rather than have the pool retry in the background.
        try await Self.checkConnection(address, logger: logger)
        let store = PostgresStore(
            pool: ConnectionPool(PostgresClient(configuration: configuration, backgroundLogger: logger)), actor: actor,
            clock: clock, address: address, logger: logger)
        do {
            let created = try await PostgresSchema.migrate(store, mode: mode)
            return (store, created)
        } catch {
            store.close()
            throw error
        }
    }

    private init(
        pool: ConnectionPool, actor: String, clock: @escaping @Sendable () -> Date, address: PostgresAddress,
        logger: Logger
    ) {
        self.pool = pool
        self.actor = actor
        self.clock = clock
        self.address = address
        self.logger = logger
    }

    /// Closes every connection. Stores made by ``acting(as:)`` share them, and close with this one;
    /// the last of them to go closes them too.
    public func close() { pool.close() }

    /// The same record, with changes recorded in history as made by `actor`.
    public func actingStore(as actor: String) -> PostgresStore {
        PostgresStore(pool: pool, actor: actor, clock: clock, address: address, logger: logger)
    }

    /// The current time by this store's clock, as history stores times (UTC, milliseconds).
    var now: String { Self.timestamp(clock()) }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Runs `body` in one transaction, with history's actor and clock set for it; a server error
    /// becomes a ``StoreError`` or ``ServerError`` a user can read.
    /// - Parameter takingTurn: false for a write that first stages a long import in temporary
    ///   tables, and takes its turn (``PostgresSession/takeTurn()``) only before writing the record.
    func writing<T: Sendable>(takingTurn: Bool = true, _ body: (PostgresSession) async throws -> T) async throws
        -> T
    {
        try await mappingErrors {
            try await client.withTransaction(logger: logger) { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                // Writes take turns, as SQLite's do: history's ids are then given out in the order
                // writes commit, so a reader who has seen history up to an id has seen every change
                // up to it (the change token, which app servers' loop caches rely on). Without the
                // turn, a write that began first but committed last would hide below the token.
                try await session.execute(
                    "SELECT set_config('yswd.actor', \(actor), true), set_config('yswd.now', \(now), true)")
                if takingTurn { try await session.takeTurn() }
                return try await body(session)
            }
        }
    }

    /// Runs `body` on one connection in a read-only transaction, so it sees one state of the record.
    func reading<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        try await mappingErrors {
            try await client.withConnection { connection in
                try await connection.query("BEGIN READ ONLY", logger: logger)
                do {
                    let value = try await body(PostgresSession(connection: connection, logger: logger))
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    func mappingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw PostgresErrors.map(error, address: address) }
    }

    /// The TLS settings `sslmode` asks for, or nil for `disable`.
    private static func tlsSettings(_ address: PostgresAddress) -> TLSConfiguration? {
        guard address.tls != .disable else { return nil }
        var settings = TLSConfiguration.makeClientConfiguration()
        if address.tls != .verifyFull { settings.certificateVerification = .none }
        if let roots = address.rootCertificates { settings.trustRoots = .file(roots) }
        return settings
    }

    private static func configuration(_ address: PostgresAddress, connections: Int)
        -> PostgresClient
        .Configuration
    {
        let tls: PostgresClient.Configuration.TLS =
            switch (address.tls, tlsSettings(address)) {
            case (_, nil): .disable
            case (.prefer, let settings?): .prefer(settings)
            case (_, let settings?): .require(settings)
            }
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls)
        configuration.options.maximumConnections = connections
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private static func checkConnection(_ address: PostgresAddress, logger: Logger) async throws {
        let context: NIOSSLContext?
        do { context = try tlsSettings(address).map(NIOSSLContext.init(configuration:)) } catch {
            throw ServerError.secureConnectionFailed(server: address.server, reason: "\(error)")
        }
        let tls: PostgresConnection.Configuration.TLS =
            switch (address.tls, context) {
            case (_, nil): .disable
            case (.prefer, let context?): .prefer(context)
            case (_, let context?): .require(context)
            }
        var single = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls)
        single.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(
                configuration: single, id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            throw PostgresErrors.map(error, address: address)
        }
    }
}

/// The pool of connections the stores of one database share, run for as long as any of them is.
private final class ConnectionPool: Sendable {
    let client: PostgresClient
    private let running: Task<Void, Never>

    init(_ client: PostgresClient) {
        self.client = client
        running = Task { await client.run() }
    }

    func close() { running.cancel() }

    deinit { running.cancel() }
}

extension PostgresStore: RecordStore {
    public func acting(as actor: String) -> any RecordStore { actingStore(as: actor) }

    /// Changes whenever the record may have changed, by any app server: the newest history entry.
    public func changeToken() async throws -> Int64 {
        try await reading { session in
            try await session.value("token", as: Int64.self, "SELECT coalesce(max(id), 0) AS token FROM history") ?? 0
        }
    }
}
