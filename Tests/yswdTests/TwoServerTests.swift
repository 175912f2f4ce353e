import Foundation
import Testing

/// Issue 22: two `yswd serve` processes on one PostgreSQL database, with the command line writing
/// too: a session made on one works on the other, no write is lost or refused, and both dashboards
/// show the same loops after every write (each server's loop cache learns of the others' writes
/// from history).
@Suite(.onSQLite("it runs on PostgreSQL itself")) struct TwoServerTests {
    typealias Server = ServerHardeningTests.Server

    static func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ServerHardeningTests.script("two_servers.py", arguments)
    }

    @Test(.enabled(if: PostgresCommandTests.server != nil))
    func twoServersAndTheCommandLineShareOneDatabase() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerHardeningTests.python), "run scripts/test")
        let database = try await CopyCommandTests.emptyPostgresDatabase()
        var yswd = try Yswd()
        defer { yswd.remove() }
        yswd.environment["YSWD_DATABASE"] = database
        try yswd.ok(
            "activity", "add", "GP", "--title", "Getting a GP appointment", "--purpose", "Hear why booking is hard",
            "--can-influence", "The booking line", "--level", "consult", "--closes", "2026-01-31")
        let port = 24_000 + Int(getpid() % 1_000)
        let (a, b) = ("http://127.0.0.1:\(port)", "http://127.0.0.1:\(port + 1_000)")
        let added = try yswd.ok(
            "user", "add", "officer@example.org", "--name", "Olive Officer", "--role", "editor", "--server", a)
        let link = try #require(added.split(separator: "\n").last.map(String.init))
        let first = try Server(database: database, port: port)
        let second = try Server(database: database, port: port + 1_000)
        defer {
            first.stop()
            second.stop()
        }

        // 80 contributions through the two servers from four threads, and 20 by the command line, at once.
        let web = Task.detached { try Self.script([a, b, link, "80"]) }
        var cliFailures: [String] = []
        for number in 0..<20 {
            let result = try yswd.run(["contribution", "add", "GP", "--text", "Command line view \(number)"])
            if result.status != 0 { cliFailures.append(result.stderr) }
        }
        let (status, output) = try await web.value
        #expect(status == 0, "\(output)")
        #expect(output.contains("sessions: shared"), "\(output)")
        #expect(output.contains("web writes: 80 ok, 0 failed"), "\(output)")
        #expect(cliFailures.isEmpty, "\(cliFailures)")

        let listed = try yswd.ok("contribution", "list", "GP", "--format", "json")
        let texts = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
            .compactMap { $0["text"] as? String }
        #expect(texts.count == 100, "0 lost: \(texts.count) of 100")
        #expect(Set(texts).count == 100, "each once")
        #expect(try Self.script([a, b, "officer@example.org", "compare"]).output.contains("dashboards: agree"))

        // After each further write, by either server's neighbour, the two dashboards agree and show it.
        var loops = 1
        for number in 1...3 {
            try yswd.ok(
                "activity", "add", "CLINIC-\(number)", "--title", "Clinic \(number)", "--purpose", "p",
                "--can-influence", "c", "--level", "consult", "--closes", "2026-0\(number)-15")
            loops += 1
            let compared = try Self.script([a, b, "officer@example.org", "compare"])
            #expect(compared.output.contains("dashboards: agree (\(loops) loops)"), "\(compared.output)")
        }
    }
}
