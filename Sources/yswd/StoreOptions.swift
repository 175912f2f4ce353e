import ArgumentParser
import FeedbackLoopPostgres
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation

/// The options every command that uses the record takes.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The database: a SQLite file, or postgres://USER@HOST/DATABASE (default: $YSWD_DATABASE, else ./yswd.sqlite).",
            valueName: "file-or-url"))
    var database: String?

    @Option(help: "Who is making the change, as history records it (default: $YSWD_ACTOR, else your user name).")
    var actor: String?

    /// The database path: `--database`, else `YSWD_DATABASE`, else `./yswd.sqlite`.
    var databasePath: String {
        database ?? ProcessInfo.processInfo.environment["YSWD_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "yswd.sqlite"
    }

    /// Who history says made the change: `--actor`, else `YSWD_ACTOR`, else the OS user.
    var actorName: String {
        if let actor, !actor.isEmpty { return actor }
        if let actor = ProcessInfo.processInfo.environment["YSWD_ACTOR"], !actor.isEmpty { return actor }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// Where the record is: a SQLite file, or a PostgreSQL database named by a `postgres://` URL.
    var address: DatabaseAddress {
        get throws { try DatabaseAddress.parse(databasePath) }
    }

    /// Opens the existing record, on whichever engine `--database` names.
    /// - Parameter concurrentReads: for the web app, which answers many requests at once.
    func open(concurrentReads: Bool = false) async throws -> any RecordStore {
        switch try address {
        case .sqlite(let path):
            return try SQLiteStore.open(path: path, mode: .existing, actor: actorName, concurrentReads: concurrentReads)
                .store
        case .postgres(let server):
            return try await PostgresStore.open(server, mode: .existing, actor: actorName).store
        }
    }

    /// Opens a SQLite file, for what only a file can do; a PostgreSQL URL is refused with `instead`.
    func openFile(for what: String, instead: String) throws -> SQLiteStore {
        guard case .sqlite(let path) = try address else {
            throw ServerError.notOnThisEngine(what: what, instead: instead)
        }
        return try SQLiteStore.open(path: path, mode: .existing, actor: actorName).store
    }
}
