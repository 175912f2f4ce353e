import Foundation
import GRDB
import Testing
import YswdTestSupport

/// Runs the built `yswd` binary, as a user would: on a SQLite file in a folder of its own, or, with
/// `YSWD_TEST_ENGINE=postgres` (and `YSWD_PG_URL`), on a PostgreSQL database of its own that
/// `YSWD_DATABASE` names, the folder still holding the files a command reads and writes.
struct Yswd {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary SwiftPM built beside the test bundle.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appending(path: "yswd")
    }()

    /// The folder the commands run in; `./yswd.sqlite` is its default database.
    let folder: String
    var environment: [String: String] = ["YSWD_ACTOR": "test-actor"]

    /// The database's file name in the folder.
    var databaseName = "yswd.sqlite"

    /// The engine the command-line tests run on.
    static let engine = Engine.chosen

    /// On PostgreSQL, the name of this record's database on the test server.
    private(set) var postgresDatabase: String?

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "yswd-cli-\(UUID().uuidString)").path()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if Self.engine == .postgres {
            let name = "yswd_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try Self.psql(database: "postgres", "CREATE DATABASE \(name)")
            postgresDatabase = name
            environment["YSWD_DATABASE"] = try Self.url(name)
        }
    }

    /// A new record holding one activity, `ref`, with only what an activity needs.
    static func withActivity(_ ref: String) throws -> Yswd {
        let yswd = try Yswd()
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", ref, "--title", "t", "--purpose", "p", "--can-influence", "c", "--level", "consult")
        return yswd
    }

    /// An existing database (a backup, say), to inspect.
    init(folder: String, database: String) {
        self.folder = folder
        databaseName = database
    }

    /// The database: the SQLite file's path, or the PostgreSQL database's URL.
    var database: String {
        if let postgresDatabase, let url = try? Self.url(postgresDatabase) { return url }
        return (folder as NSString).appendingPathComponent(databaseName)
    }

    /// A new folder holding a copy of this one's database (and the given files): a record built
    /// once, for many tests that each change it.
    func copy(with files: [String: Data] = [:]) throws -> Yswd {
        var copy = try Yswd()
        if let postgresDatabase, let target = copy.postgresDatabase {
            try Self.psql(database: "postgres", "DROP DATABASE \(target)")
            let name = "yswd_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try Self.psql(database: "postgres", "CREATE DATABASE \(name) TEMPLATE \(postgresDatabase)")
            copy.postgresDatabase = name
            copy.environment["YSWD_DATABASE"] = try Self.url(name)
        } else {
            try FileManager.default.copyItem(atPath: database, toPath: copy.database)
        }
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: copy.folder + "/" + name)) }
        return copy
    }

    /// The environment a `yswd` process of this record runs with.
    var processEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["YSWD_DATABASE"] = nil
        environment["YSWD_ACTOR"] = nil
        environment.merge(self.environment) { $1 }
        return environment
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = processEnvironment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }

    /// Runs a command that must succeed, and returns its output.
    @discardableResult
    func ok(_ arguments: String...) throws -> String { try ok(arguments) }

    /// Runs a command that must succeed, and returns its output.
    @discardableResult
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw Failure("yswd \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Every row of every table: equal fingerprints mean the record did not change.
    /// - Parameter skipping: tables left out (a search index's internal layout, say).
    func fingerprint(skipping: Set<String> = []) throws -> String {
        if let postgresDatabase {
            let tables = try Self.psql(
                database: postgresDatabase,
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            ).split(separator: "\n").map(String.init).filter { !skipping.contains($0) }
            let dump = try Self.psql(
                database: postgresDatabase,
                tables.map { "\\echo '#table \($0)'\nCOPY (SELECT * FROM \"\($0)\") TO STDOUT;" }
                    .joined(separator: "\n"))
            return dump.components(separatedBy: "#table ").dropFirst().map { section in
                var lines = section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let table = lines.removeFirst()
                return table + ":" + lines.filter { !$0.isEmpty }.sorted().joined(separator: "|")
            }.joined(separator: "\n")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: database, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.filter { !skipping.contains($0) }.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                return table + ":" + rows.map(\.description).sorted().joined(separator: "|")
            }.joined(separator: "\n")
        }
    }

    /// The rows a query returns, each a list of its columns' text (`nil` for NULL), on either
    /// engine: the query must be SQL both understand.
    func rows(_ sql: String) throws -> [[String?]] {
        if let postgresDatabase {
            let null = "\u{1}NULL"
            let output = try Self.psql(database: postgresDatabase, "\\pset null '\(null)'\n" + sql)
            return output.split(separator: "\n").map { line in
                line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map {
                    $0 == null ? nil : String($0)
                }
            }
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: database, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    value.isNull ? nil : (String.fromDatabaseValue(value) ?? value.description)
                }
            }
        }
    }

    /// The one number a query returns (a count, say), on either engine.
    func number(_ sql: String) throws -> Int {
        guard let text = try rows(sql).first?.first ?? nil, let number = Int(text) else {
            throw Failure("\(sql) gave no number")
        }
        return number
    }

    /// What a database held at one moment, to compare with a later one: the SQLite file's bytes, or
    /// the PostgreSQL database's every row.
    func snapshot() throws -> Data {
        if postgresDatabase != nil { return Data(try fingerprint().utf8) }
        return try Data(contentsOf: URL(fileURLWithPath: database))
    }

    /// Whether any table of the database holds `text`: on SQLite, anywhere in the database file.
    func databaseHolds(_ text: String) throws -> Bool {
        if postgresDatabase != nil { return try fingerprint().contains(text) }
        return try Data(contentsOf: URL(fileURLWithPath: database)).range(of: Data(text.utf8)) != nil
    }

    /// Changes the database behind yswd's back, as another program might.
    func execute(_ sql: String) throws {
        if let postgresDatabase {
            try Self.psql(database: postgresDatabase, sql)
            return
        }
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        try queue.write { try $0.execute(sql: sql) }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
        if let postgresDatabase {
            _ = try? Self.psql(database: "postgres", "DROP DATABASE \(postgresDatabase) WITH (FORCE)")
        }
    }

    /// The test server's URL for one of its databases.
    static func url(_ database: String) throws -> String {
        guard let server = PostgresTestServer.url, var components = URLComponents(string: server) else {
            throw Failure("YSWD_PG_URL names no PostgreSQL server")
        }
        components.path = "/" + database
        guard let url = components.string else { throw Failure("YSWD_PG_URL is not a URL") }
        return url
    }

    /// Runs SQL (and psql's commands) on a database of the test server with `psql`, and returns
    /// its rows unaligned, columns separated by U+001F.
    @discardableResult
    static func psql(database: String, _ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin/psql")
        process.arguments = [
            "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--field-separator=\u{1F}",
            "--set=ON_ERROR_STOP=1", "--dbname=\(try url(database))", "--file=-",
        ]
        let input = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("psql failed (\(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension Trait where Self == ConditionTrait {
    /// A test of SQLite's own files (the database file, its folder, WAL, backups), or one that runs
    /// on both engines itself: it runs when the command-line tests run on SQLite.
    static func onSQLite(_ why: Comment) -> Self { .enabled(if: Yswd.engine == .sqlite, why) }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs blocking work (waiting on a process) on a thread of its own, not one of Swift's few shared
/// ones, so a server in this process (the fake Notify) can answer the process meanwhile.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Swift.Result { try work() }) }.start()
    }
}

extension Yswd {
    /// ``run(_:)`` on a thread of its own (``offThePool(_:)``).
    func running(_ arguments: [String]) async throws -> Result {
        let copy = self
        return try await offThePool { try copy.run(arguments) }
    }

    /// ``ok(_:)`` on a thread of its own (``offThePool(_:)``).
    @discardableResult
    func okRunning(_ arguments: String...) async throws -> String {
        let copy = self
        return try await offThePool { try copy.ok(arguments) }
    }
}

extension Yswd: @unchecked Sendable {}
extension Yswd.Result: Sendable {}
