import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Synchronization

/// The one owner of the engagement record's database.
///
/// Every write is one transaction, and the history of every change is written in that same
/// transaction by triggers in the schema, tagged with this store's actor and clock.
public final class SQLiteStore: Sendable {
    /// The database connection. Everything above the store goes through the store's methods; no
    /// GRDB type is in the store's public API (tests reach the connection with `@testable import`).
    let database: any DatabaseWriter
    /// Who is making the changes, as history records them.
    public let actor: String
    let clock: @Sendable () -> Date
    /// Who the write now running is by: stores made by ``acting(as:)`` share the connection, and
    /// each sets this as its write begins (writes run one at a time), so history names them.
    private let writer: ActorSlot

    /// How ``open(path:mode:actor:clock:)`` treats a missing file.
    public enum OpenMode: Sendable {
        /// The file must already be a yswd database.
        case existing
        /// Create the database when the file is missing (`yswd init`).
        case createIfMissing
        /// Create a new database; the file must not exist (`yswd demo --database`).
        case createNew
    }

    /// Opens (and, if the mode allows, creates) the database at `path`, bringing its schema up to date.
    /// - Returns: the store, and whether the file was created.
    /// - Parameter concurrentReads: read on several connections at once while one writes (a
    ///   server answering many requests); a command needs only one.
    public static func open(
        path: String, mode: OpenMode = .existing, actor: String, clock: @escaping @Sendable () -> Date = Date.init,
        concurrentReads: Bool = false
    ) throws -> (store: SQLiteStore, created: Bool) {
        let known = Set(embeddedMigrations.map(\.identifier))
        let found: DatabaseLocation.Found
        do {
            found = try DatabaseLocation.inspect(path, knownMigrations: known)
        } catch let error as DatabaseError {
            throw storeError(error)
        }
        switch (found, mode) {
        case (.yswdDatabase, .createNew), (.emptyFile, .createNew): throw StoreError.fileExists(path: path)
        case (.nothing, .existing): throw StoreError.missingDatabase(path: path)
        case (.emptyFile, .existing): throw StoreError.notYswdDatabase(path: path)
        case (.nothing, _): try DatabaseLocation.createOwnerOnly(path)
        default: break
        }
        let slot = ActorSlot(actor)
        var configuration = configuration(slot: slot, clock: clock)
        // Longer than any write holds the lock (the write phase of a 2.4 million row import takes
        // about 29 seconds on an idle 2-core machine, and twice that on a busy one), so two yswd
        // processes at once both succeed.
        configuration.busyMode = .timeout(StorePolicy.busyTimeout)
        if !concurrentReads {
            configuration.prepareDatabase { db in
                // WAL is a property of the file, set once; re-asserting it writes nothing. (GRDB's own
                // `.wal` setup writes a throwaway table on every open, which would change the file
                // even for commands that only read.) A pool sets WAL itself.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            let connection: any DatabaseWriter =
                concurrentReads
                ? try DatabasePool(path: path, configuration: configuration)
                : try DatabaseQueue(path: path, configuration: configuration)
            let store = try SQLiteStore(database: connection, actor: actor, clock: clock, writer: slot)
            return (store, found != .yswdDatabase)
        } catch let error as DatabaseError {
            throw storeError(error)
        }
    }

    /// A store in memory, for tests and trials.
    public static func inMemory(
        actor: String = "test", clock: @escaping @Sendable () -> Date = Date.init
    ) throws -> SQLiteStore {
        let slot = ActorSlot(actor)
        let queue = try DatabaseQueue(configuration: configuration(slot: slot, clock: clock))
        return try SQLiteStore(database: queue, actor: actor, clock: clock, writer: slot)
    }

    private convenience init(
        database: any DatabaseWriter, actor: String, clock: @escaping @Sendable () -> Date, writer: ActorSlot
    ) throws {
        try Self.migrator.migrate(database)
        self.init(sharing: database, actor: actor, clock: clock, writer: writer)
    }

    private init(
        sharing database: any DatabaseWriter, actor: String, clock: @escaping @Sendable () -> Date, writer: ActorSlot
    ) {
        self.database = database
        self.actor = actor
        self.clock = clock
        self.writer = writer
    }

    /// The same record, with changes recorded in history as made by `actor` (the signed-in user
    /// of the web app). It shares this store's connection.
    public func actingStore(as actor: String) -> SQLiteStore {
        SQLiteStore(sharing: database, actor: actor, clock: clock, writer: writer)
    }

    private static func configuration(slot: ActorSlot, clock: @escaping @Sendable () -> Date) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Erased details must not linger in free space.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            db.add(function: DatabaseFunction("yswd_actor", argumentCount: 0, pure: false) { _ in slot.current })
            db.add(function: DatabaseFunction("yswd_now", argumentCount: 0, pure: false) { _ in timestamp(clock()) })
            // The words a contact's name and address are found by (PersonalDetails.lookupKeys), as JSON.
            db.add(
                function: DatabaseFunction("yswd_contact_keys", argumentCount: 2, pure: true) { values in
                    let keys = PersonalDetails.lookupKeys(
                        name: String.fromDatabaseValue(values[0]), address: String.fromDatabaseValue(values[1]))
                    return String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)
                })
            // Case-insensitive containment that knows letters beyond ASCII (SQLite's LIKE does not).
            db.add(
                function: DatabaseFunction("yswd_contains", argumentCount: 2, pure: true) { values in
                    guard let text = String.fromDatabaseValue(values[0]), let part = String.fromDatabaseValue(values[1])
                    else {
                        return false
                    }
                    return text.range(of: part, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                })
        }
        return configuration
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in embeddedMigrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// The identifiers of the migrations this build knows, in order.
    public static var knownMigrations: [String] { embeddedMigrations.map(\.identifier) }

    /// UTC, ISO 8601 with milliseconds, as history stores times.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Runs `updates` in one write transaction; an error from SQLite itself becomes a
    /// ``StoreError/database(message:busy:)`` a user can read.
    func writing<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.write { [writer, actor] db in
                writer.current = actor
                return try updates(db)
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// Runs `updates` outside a transaction (each statement is its own), mapping SQLite's errors.
    func writingWithoutTransaction<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T
    {
        do {
            return try await database.writeWithoutTransaction { [writer, actor] db in
                writer.current = actor
                return try updates(db)
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// Runs `value` in one read transaction, mapping SQLite's errors.
    func reading<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await database.read(value) } catch let error as DatabaseError { throw Self.storeError(error) }
    }

    static func storeError(_ error: DatabaseError) -> StoreError {
        let busy = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        return .database(message: error.message ?? "\(error.resultCode)", busy: busy)
    }

    /// The current time by this store's clock, as history stores times.
    var now: String { Self.timestamp(clock()) }
}

/// The actor of the write now running, read by the `yswd_actor()` SQL function history uses.
final class ActorSlot: Sendable {
    private let value: Mutex<String>

    init(_ actor: String) { value = Mutex(actor) }

    var current: String {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}

extension SQLiteStore {
    /// Changes whenever the record may have changed, by this process or another: every change is
    /// in history, so the newest history entry says (one look-up by primary key, on any connection).
    public func changeToken() async throws -> Int64 {
        try await reading { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM history") ?? 0 }
    }
}

/// A value handed to the one write that uses it. The caller waits for that write, so the value is
/// never used from two threads at once.
final class HandedOver<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

extension SQLiteStore: RecordStore {
    public func acting(as actor: String) -> any RecordStore { actingStore(as: actor) }
}
