import ArgumentParser
import FeedbackLoop
import FeedbackLoopPostgres
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the whole record, history and all, into an empty database on either engine.",
            discussion: HelpText.reflowed(
                """
                Everything is copied as it is: ids, history, published updates, accounts and settings. The target \
                must hold no record (a new SQLite file is created; a PostgreSQL database must exist, empty or \
                made by yswd init). The copy is one transaction: if anything fails, the target is left as it \
                was. At the end every table's row count and content fingerprint are compared with the source's.

                Stop other writers to the source while it is copied.

                Examples:
                  yswd copy --from yswd.sqlite --to postgres://yswd@db.example.org/engagement
                  yswd copy --from postgres://yswd@db.example.org/engagement --to copy.sqlite
                """))

        @Option(
            help: ArgumentHelp("The database to copy: a SQLite file or a postgres:// URL.", valueName: "file-or-url"))
        var from: String

        @Option(help: ArgumentHelp("The empty database to copy into.", valueName: "file-or-url"))
        var to: String

        func run() async throws {
            let source = try await Self.open(try DatabaseAddress.parse(from), create: false)
            let target = try DatabaseAddress.parse(to)
            if case .sqlite(let path) = target, FileManager.default.fileExists(atPath: path),
                case .sqlite(let sourcePath) = try DatabaseAddress.parse(from),
                URL(fileURLWithPath: path).standardizedFileURL == URL(fileURLWithPath: sourcePath).standardizedFileURL
            {
                throw CopyError.sameDatabase(path)
            }
            let existed =
                if case .sqlite(let path) = target { FileManager.default.fileExists(atPath: path) } else { true }
            let outcome: CopyOutcome
            do {
                let destination = try await Self.open(target, create: true)
                let showing = isatty(2) != 0
                outcome = try await RecordCopy.copy(from: source, to: destination) { table, rows in
                    if showing { FileHandle.standardError.write(Data("\rCopying \(table): \(rows) rows\u{1B}[K".utf8)) }
                }
                if showing { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            } catch {
                // A SQLite file this command created goes again, so a failed copy leaves nothing behind.
                if !existed, case .sqlite(let path) = target {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                throw error
            }
            let rows = outcome.target.map(\.rows).reduce(0, +)
            print(
                Listing.table(
                    header: ["table", "rows", "fingerprint"],
                    rows: zip(outcome.source, outcome.target).map { source, target in
                        [
                            source.table, String(target.rows),
                            source == target ? "matches" : "differs (source has \(source.rows) rows)",
                        ]
                    }),
                terminator: "")
            let differing = zip(outcome.source, outcome.target).filter { $0 != $1 }.map(\.0.table)
            guard differing.isEmpty else { throw CopyError.fingerprintsDiffer(tables: differing) }
            print(
                "Copied \(counted(rows, "row")) in \(counted(outcome.target.count, "table")) from \(source.shownAddress)"
                    + " to \(target.shown);"
                    + " every table's row count and content fingerprint match.")
        }

        /// Opens one side of the copy: the source must be a yswd record; the target is created (a
        /// SQLite file) or brought up to date (a PostgreSQL database) if need be.
        private static func open(_ address: DatabaseAddress, create: Bool) async throws -> any RecordTransfer {
            let actor = "yswd copy"
            switch address {
            case .sqlite(let path):
                return try SQLiteStore.open(path: path, mode: create ? .createIfMissing : .existing, actor: actor).store
            case .postgres(let server):
                return try await PostgresStore.open(server, mode: create ? .createIfMissing : .existing, actor: actor)
                    .store
            }
        }
    }
}
