import Crypto
import FeedbackLoop
import Foundation

/// One value as a table holds it: the kinds both engines store.
public enum StoredValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// One table of the record as `yswd copy` moves it: its name, and the columns of its primary key
/// (rows are read a page at a time in that key's order).
public struct RecordTable: Sendable, Equatable {
    public let name: String
    public let key: [String]

    public init(_ name: String, key: [String] = ["id"]) {
        self.name = name
        self.key = key
    }
}

/// The tables of the record, each after the tables it refers to.
public enum RecordLayout {
    public static let tables: [RecordTable] = [
        RecordTable("batch"),
        RecordTable("organisation"),
        RecordTable("activity"),
        // The words each activity is searched by (FTS5 in SQLite, a tsvector in PostgreSQL).
        RecordTable("activitySearch", key: ["activityId"]),
        RecordTable("participant"),
        RecordTable("participantContact", key: ["participantId"]),
        RecordTable("contactKey", key: ["key", "participantId"]),
        RecordTable("theme"),
        RecordTable("contribution"),
        RecordTable("contributionCounter", key: ["activityId"]),
        RecordTable("themeContribution", key: ["themeId", "contributionId"]),
        RecordTable("decision"),
        RecordTable("decisionTheme", key: ["decisionId", "themeId"]),
        RecordTable("explanation"),
        RecordTable("evaluation"),
        RecordTable("publishedUpdate"),
        RecordTable("publishedUpdateTheme", key: ["updateId", "key"]),
        RecordTable("updateRendition"),
        RecordTable("publishedQuote"),
        RecordTable("chosenQuote"),
        RecordTable("delivery"),
        RecordTable("followUp"),
        RecordTable("changeReason"),
        RecordTable("setting", key: ["key"]),
        RecordTable("notifySecret", key: ["name"]),
        RecordTable("translation"),
        RecordTable("phraseTranslation", key: ["language", "phrase"]),
        RecordTable("user"),
        RecordTable("passwordLink", key: ["tokenHash"]),
        RecordTable("webSession", key: ["idHash"]),
        RecordTable("accountLock"),
        RecordTable("signInAttempt"),
        RecordTable("methodMapping", key: ["value"]),
        RecordTable("importUpload"),
        RecordTable("formDraft"),
        RecordTable("history"),
    ]
}

/// What a table holds, in short: its row count and a digest of its rows' contents that does not
/// depend on the order the rows are read in, so the same rows give the same fingerprint on either
/// engine.
public struct TableFingerprint: Sendable, Equatable, CustomStringConvertible {
    public let table: String
    public let rows: Int
    public let digest: String

    public var description: String { "\(table): \(rows) rows, \(digest.prefix(16))" }
}

/// Builds a ``TableFingerprint``: each row's values (columns in name order, each with its kind) are
/// hashed with SHA-256, and the hashes added together as 256-bit numbers.
public struct FingerprintAccumulator: Sendable {
    private let table: String
    private var rows = 0
    private var sum: [UInt64] = [0, 0, 0, 0]

    public init(table: String) { self.table = table }

    /// Adds one row, its values in the order of the columns' names.
    public mutating func add(_ row: [StoredValue]) {
        var hasher = SHA256()
        for value in row {
            switch value {
            case .null: hasher.update(data: [0])
            case .integer(let number): Self.tagged(1, Array(String(number).utf8), into: &hasher)
            case .real(let number): Self.tagged(2, Array(String(number.bitPattern).utf8), into: &hasher)
            case .text(let text): Self.tagged(3, Array(text.utf8), into: &hasher)
            case .blob(let bytes): Self.tagged(4, bytes, into: &hasher)
            }
        }
        var carry: UInt64 = 0
        var limb = 0
        hasher.finalize().withUnsafeBytes { bytes in
            for index in 0..<4 {
                var part: UInt64 = 0
                for byte in bytes[(index * 8)..<(index * 8 + 8)] { part = part << 8 | UInt64(byte) }
                let (partial, overflow1) = sum[limb].addingReportingOverflow(part)
                let (total, overflow2) = partial.addingReportingOverflow(carry)
                sum[limb] = total
                carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
                limb += 1
            }
        }
        rows += 1
    }

    private static func tagged(_ tag: UInt8, _ bytes: [UInt8], into hasher: inout SHA256) {
        hasher.update(data: [tag])
        hasher.update(data: Array(String(bytes.count).utf8) + [0x3A])
        hasher.update(data: bytes)
    }

    public var fingerprint: TableFingerprint {
        TableFingerprint(
            table: table, rows: rows, digest: sum.map { String(format: "%016llx", $0) }.joined())
    }
}

/// Reading out and loading a whole record, table by table: what `yswd copy` needs of an engine.
/// It sits beside the record's protocols, as backups do.
public protocol RecordTransfer: Sendable {
    /// Where the record is, as a user would name it (never a password).
    var shownAddress: String { get }

    /// The tables yswd's record has in this database (not the engine's own: migrations, search shadow tables).
    func tableNames() async throws -> Set<String>

    /// The columns of a table that hold data (not computed ones), lowercased, in the table's order.
    func columns(of table: RecordTable) async throws -> [String]

    /// How many rows a table holds.
    func rowCount(of table: RecordTable) async throws -> Int

    /// Up to `limit` rows whose key comes after `after` (the key's values, or nil for the first page),
    /// in key order, with `columns`' values in that order. The key's columns must be among `columns`.
    func page(of table: RecordTable, columns: [String], after: [StoredValue]?, limit: Int) async throws
        -> [[StoredValue]]

    /// Loads every table from `source` in one transaction, as it is there: ids, history and all,
    /// without writing history of its own. The target must hold no rows.
    func load(from source: any RecordTransfer, tables: [RecordTable], progress: @Sendable (String, Int) -> Void)
        async throws
}

/// Why a copy could not be made or did not match.
public enum CopyError: UserFacingError, Equatable, Sendable {
    case targetNotEmpty(target: String, table: String, rows: Int)
    case sameDatabase(String)
    case unknownTables(database: String, tables: [String])
    case missingTables(database: String, tables: [String])
    case columnsDiffer(table: String, source: String, target: String, detail: String)
    case fingerprintsDiffer(tables: [String])

    public var description: String {
        switch self {
        case .targetNotEmpty(let target, let table, let rows):
            "\(target) already holds a record (its \(table) table has \(rows) \(rows == 1 ? "row" : "rows")); copy"
                + " only into an empty database, so nothing there is overwritten"
        case .sameDatabase(let database):
            "--from and --to both name \(database); give two different databases"
        case .unknownTables(let database, let tables):
            "\(database) has tables this version of yswd does not know (\(tables.joined(separator: ", "))); copy"
                + " it with the version of yswd that wrote it"
        case .missingTables(let database, let tables):
            "\(database) lacks tables yswd needs (\(tables.joined(separator: ", "))); run yswd init on it first"
        case .columnsDiffer(let table, let source, let target, let detail):
            "the \(table) table differs between \(source) and \(target) (\(detail)); run yswd init on both with this"
                + " version of yswd, then copy again"
        case .fingerprintsDiffer(let tables):
            "after copying, these tables did not match their source: \(tables.joined(separator: ", ")); the source"
                + " may have changed during the copy, so stop other writers and copy again into an empty database"
        }
    }
}

/// What a finished copy compared: each table's fingerprint in the source and in the target.
public struct CopyOutcome: Sendable {
    public let source: [TableFingerprint]
    public let target: [TableFingerprint]

    public var matches: Bool { source == target }
}

/// Copies a whole record from one database into another, empty one, then compares every table's
/// row count and fingerprint.
public enum RecordCopy {
    public static func copy(
        from source: any RecordTransfer, to target: any RecordTransfer,
        progress: @Sendable (String, Int) -> Void = { _, _ in }
    ) async throws -> CopyOutcome {
        guard source.shownAddress != target.shownAddress else { throw CopyError.sameDatabase(source.shownAddress) }
        let known = Set(RecordLayout.tables.map(\.name))
        for database in [source, target] {
            let names = try await database.tableNames()
            let unknown = names.subtracting(known).sorted()
            if !unknown.isEmpty { throw CopyError.unknownTables(database: database.shownAddress, tables: unknown) }
            let missing = known.subtracting(names).sorted()
            if !missing.isEmpty { throw CopyError.missingTables(database: database.shownAddress, tables: missing) }
        }
        for table in RecordLayout.tables {
            let rows = try await target.rowCount(of: table)
            if rows > 0 {
                throw CopyError.targetNotEmpty(target: target.shownAddress, table: table.name, rows: rows)
            }
            let from = try await source.columns(of: table)
            let to = try await target.columns(of: table)
            if Set(from) != Set(to) {
                let onlySource = Set(from).subtracting(to).sorted()
                let onlyTarget = Set(to).subtracting(from).sorted()
                let detail = [
                    onlySource.isEmpty ? nil : "only \(source.shownAddress) has \(onlySource.joined(separator: ", "))",
                    onlyTarget.isEmpty ? nil : "only \(target.shownAddress) has \(onlyTarget.joined(separator: ", "))",
                ]
                .compactMap { $0 }.joined(separator: "; ")
                throw CopyError.columnsDiffer(
                    table: table.name, source: source.shownAddress, target: target.shownAddress, detail: detail)
            }
        }
        try await target.load(from: source, tables: RecordLayout.tables, progress: progress)
        var sourcePrints: [TableFingerprint] = []
        var targetPrints: [TableFingerprint] = []
        for table in RecordLayout.tables {
            sourcePrints.append(try await source.fingerprint(of: table))
            targetPrints.append(try await target.fingerprint(of: table))
        }
        return CopyOutcome(source: sourcePrints, target: targetPrints)
    }
}

extension RecordTransfer {
    /// Where each column of the table's key is among `columns`.
    public func keyPositions(of table: RecordTable, in columns: [String]) throws -> [Int] {
        try table.key.map { key in
            guard let position = columns.firstIndex(of: key.lowercased()) else {
                throw StoreError.unreadable(column: "\(table.name).\(key)")
            }
            return position
        }
    }

    /// Every page of a table, in key order, handed to `body` one at a time.
    public func eachPage(
        of table: RecordTable, columns: [String], limit: Int = 5000, _ body: ([[StoredValue]]) async throws -> Void
    ) async throws {
        let keys = try keyPositions(of: table, in: columns)
        var after: [StoredValue]? = nil
        while true {
            let rows = try await page(of: table, columns: columns, after: after, limit: limit)
            if rows.isEmpty { return }
            try await body(rows)
            if rows.count < limit { return }
            let last = rows[rows.count - 1]
            after = keys.map { last[$0] }
        }
    }

    /// The table's fingerprint: its rows read a page at a time, columns in name order.
    public func fingerprint(of table: RecordTable) async throws -> TableFingerprint {
        let columns = try await columns(of: table).sorted()
        var accumulator = FingerprintAccumulator(table: table.name)
        try await eachPage(of: table, columns: columns) { rows in
            for row in rows { accumulator.add(row) }
        }
        return accumulator.fingerprint
    }
}
