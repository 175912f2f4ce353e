import FeedbackLoopStore
import Foundation
import GRDB
import Synchronization

/// `yswd copy` on a SQLite file: read a page at a time; loaded in one transaction with the triggers
/// set aside (what is copied already holds its history), so a failed copy leaves the file as it was.
extension SQLiteStore: RecordTransfer {
    public var shownAddress: String { database.path }

    /// The search index is an FTS5 table: its rows are read and written through `rowid`.
    private static let searchColumns = ["activityid", "title", "purpose", "themes"]

    public func tableNames() async throws -> Set<String> {
        let names = try await reading { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                    AND name <> 'grdb_migrations' AND name NOT LIKE 'activitySearch\\_%' ESCAPE '\\'
                    """)
        }
        return Set(names)
    }

    public func columns(of table: RecordTable) async throws -> [String] {
        if table.name == "activitySearch" { return Self.searchColumns }
        return try await reading { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name.quotedDatabaseIdentifier))")
                .map { ($0["name"] as String).lowercased() }
        }
    }

    public func rowCount(of table: RecordTable) async throws -> Int {
        try await reading { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name.quotedDatabaseIdentifier)") ?? 0
        }
    }

    public func page(of table: RecordTable, columns: [String], after: [StoredValue]?, limit: Int) async throws
        -> [[StoredValue]]
    {
        let search = table.name == "activitySearch"
        let selected = columns.map { search && $0 == "activityid" ? "rowid" : $0.quotedDatabaseIdentifier }
        let key = table.key.map { search ? "rowid" : $0.quotedDatabaseIdentifier }
        var sql = "SELECT \(selected.joined(separator: ", ")) FROM \(table.name.quotedDatabaseIdentifier)"
        if after != nil {
            sql += " WHERE (\(key.joined(separator: ", "))) > (\(key.map { _ in "?" }.joined(separator: ", ")))"
        }
        sql += " ORDER BY \(key.joined(separator: ", ")) LIMIT \(limit)"
        let arguments = StatementArguments((after ?? []).map(\.databaseValue))
        return try await reading { [sql] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                row.databaseValues.map(StoredValue.init)
            }
        }
    }

    public func load(
        from source: any RecordTransfer, tables: [RecordTable], progress: @Sendable (String, Int) -> Void
    ) async throws {
        try await withoutActuallyEscaping(progress) { progress in
            try await writing { db in
                // Foreign keys are checked when the transaction ends: rows may name rows of their own
                // table with later ids (a decision's parent).
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                let triggers = try Row.fetchAll(
                    db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
                for trigger in triggers {
                    try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)")
                }
                for table in tables {
                    try Self.load(table, from: source, into: db, progress: progress)
                }
                for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
            }
        }
    }

    /// Copies one table's rows, a page at a time, waiting on this (GRDB's writer) thread for each page.
    private static func load(
        _ table: RecordTable, from source: any RecordTransfer, into db: Database,
        progress: (String, Int) -> Void
    ) throws {
        let search = table.name == "activitySearch"
        let columns =
            search
            ? searchColumns
            : try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name.quotedDatabaseIdentifier))")
                .map { ($0["name"] as String).lowercased() }
        let names = columns.map { search && $0 == "activityid" ? "rowid" : $0.quotedDatabaseIdentifier }
        let insert = try db.makeStatement(
            sql: "INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(names.joined(separator: ", "))) VALUES ("
                + names.map { _ in "?" }.joined(separator: ", ") + ")")
        let keys = try source.keyPositions(of: table, in: columns)
        var after: [StoredValue]? = nil
        var copied = 0
        let limit = 5000
        while true {
            let from = after
            let rows = try waitFor { try await source.page(of: table, columns: columns, after: from, limit: limit) }
            for row in rows {
                try insert.execute(arguments: StatementArguments(row.map(\.databaseValue)))
            }
            copied += rows.count
            progress(table.name, copied)
            guard rows.count == limit, let last = rows.last else { return }
            after = keys.map { last[$0] }
        }
    }

    /// Waits, blocking this thread (never a Swift concurrency thread: GRDB's writer queue), for `work`.
    private static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<T, any Error>?>(nil)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = outcome.withLock({ $0 }) else { throw CancellationError() }
        return try result.get()
    }
}

extension StoredValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .blob([UInt8](data))
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }
}
