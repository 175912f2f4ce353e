import Foundation
import GRDB

/// Runs the built `yswd` binary, as a user would.
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

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "yswd-cli-\(UUID().uuidString)").path()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
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

    var database: String { (folder as NSString).appendingPathComponent(databaseName) }

    /// A new folder holding a copy of this one's database (and the given files): a record built
    /// once, for many tests that each change it.
    func copy(with files: [String: Data] = [:]) throws -> Yswd {
        let copy = try Yswd()
        try FileManager.default.copyItem(atPath: database, toPath: copy.database)
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: copy.folder + "/" + name)) }
        return copy
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["YSWD_DATABASE"] = nil
        environment["YSWD_ACTOR"] = nil
        environment.merge(self.environment) { $1 }
        process.environment = environment
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

    /// Changes the database behind yswd's back, as another program might.
    func execute(_ sql: String) throws {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        try queue.write { try $0.execute(sql: sql) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
