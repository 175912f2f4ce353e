import Foundation
import Testing

/// Issue 21: `yswd serve` under slow and huge clients, and killed mid-upload, as a host runs it.
@Suite(.serialized) struct ServerHardeningTests {
    static let python = AccessibilityTests.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")

    /// A running server on its own port and its own temporary folder.
    final class Server {
        let process = Process()
        let port: Int
        convenience init(_ yswd: Yswd, port: Int, temporary: String) throws {
            try self.init(database: yswd.database, port: port, temporary: temporary)
        }
        /// - Parameter temporary: the server's TMPDIR, when a test looks in it.
        init(database: String, port: Int, temporary: String? = nil) throws {
            self.port = port
            process.executableURL = Yswd.binary
            process.arguments = ["serve", "--port", String(port), "--database", database]
            var environment = ProcessInfo.processInfo.environment
            if let temporary { environment["TMPDIR"] = temporary }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            try WebBrowserTests.waitForPort(port)
        }
        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    static func script(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: python)
        run.arguments = [AccessibilityTests.root.appending(path: "Tests/hardening/\(name)").path] + arguments
        let pipe = Pipe()
        run.standardOutput = pipe
        run.standardError = pipe
        try run.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        return (run.terminationStatus, output)
    }

    static func uploadsKept(_ yswd: Yswd) throws -> Int {
        try yswd.number("SELECT count(*) FROM importUpload")
    }

    static func files(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    }

    @Test func slowHeaderConnectionsAreClosedAndTheirMemoryGivenBack() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "run `bash scripts/test` first")
        let yswd = try Yswd.withActivity("GP")
        defer { yswd.remove() }
        let temporary = yswd.folder + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let server = try Server(yswd, port: 20_000 + Int(getpid() % 2_000), temporary: temporary)
        defer { server.stop() }
        let (status, output) = try Self.script(
            "slow_clients.py", [String(server.port), String(server.process.processIdentifier), "2000", "60"])
        print(output)
        #expect(status == 0, "\(output)")
        #expect(output.contains("0 still open"), "\(output)")
    }

    @Test func aServerKilledMidUploadLeavesNothingAndErasureFindsNothingEither() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "run `bash scripts/test` first")
        let yswd = try Yswd.withActivity("GP")
        defer { yswd.remove() }
        try yswd.ok("participant", "add", "P-1", "--email", "jo.private@example.org", "--prefers", "email")
        let temporary = yswd.folder + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let port = 22_000 + Int(getpid() % 2_000)
        let base = "http://127.0.0.1:\(port)"
        let added = try yswd.ok(
            "user", "add", "officer@example.org", "--name", "Olive Officer", "--role", "editor", "--server", base)
        let link = try #require(added.split(separator: "\n").last.map(String.init))

        let first = try Server(yswd, port: port, temporary: temporary)
        let killed = try Self.script(
            "upload_kill.py", [base, link, "kill", String(first.process.processIdentifier)])
        first.process.waitUntilExit()
        #expect(killed.status == 0, "\(killed.output)")
        #expect(first.process.terminationReason == .uncaughtSignal, "killed, not stopped")
        #expect(Self.files(in: temporary).isEmpty, "nothing in the temporary folder: \(Self.files(in: temporary))")
        #expect(try Self.uploadsKept(yswd) == 0, "a half-sent upload is never kept")

        let second = try Server(yswd, port: port, temporary: temporary)
        let uploaded = try Self.script("upload_kill.py", [base, "officer@example.org", "upload"])
        #expect(uploaded.status == 0, "\(uploaded.output)")
        #expect(try Self.uploadsKept(yswd) == 1, "the upload waits in the database, for any app server")
        second.stop()

        _ = try yswd.run(["participant", "erase", "P-1"])
        _ = try yswd.run(["participant", "erase", "P-1", "--finish"])
        #expect(try Self.uploadsKept(yswd) == 0, "an upload holding an erased participant's details goes")
        #expect(Self.files(in: temporary).isEmpty)
        #expect(try !yswd.databaseHolds("jo.private@example.org"), "nowhere in the database")
    }
}
