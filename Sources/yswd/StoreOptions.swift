import ArgumentParser
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation

/// The options every command that uses the record takes.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: $YSWD_DATABASE, else ./yswd.sqlite).")
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

    /// Opens the existing database.
    /// - Parameter concurrentReads: for the web app, which answers many requests at once.
    func open(concurrentReads: Bool = false) throws -> SQLiteStore {
        try SQLiteStore.open(
            path: databasePath, mode: .existing, actor: actorName, concurrentReads: concurrentReads
        ).store
    }
}
