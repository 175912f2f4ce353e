import Foundation
import Testing
import YswdTestSupport

/// Issue 22: `--database postgres://…` reaches a PostgreSQL server, and each way of getting it wrong
/// gets one sentence naming what is wrong (never the password) and status 2. The tests that need a
/// server run when `YSWD_PG_URL` names one (`scripts/test` starts a throwaway cluster).
@Suite(.onSQLite("it runs on PostgreSQL itself")) struct PostgresCommandTests {
    static let server = ProcessInfo.processInfo.environment["YSWD_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The server's URL for another database, and the same with a wrong password.
    static func url(_ database: String, password: String? = nil) throws -> String {
        let server = try #require(server)
        var components = try #require(URLComponents(string: server))
        components.path = "/" + database
        if let password { components.password = password }
        return try #require(components.string)
    }

    @Test(arguments: [
        ("postgres://db.example.org/engagement", "it names no user"),
        ("postgres://yswd@/engagement", "it names no server"),
        ("postgres://yswd@db.example.org", "it names no database"),
        ("postgres://yswd:s3cret@db.example.org:99999/x", "port 99999 is not a port"),
        ("postgres://yswd@db.example.org/x?sslmode=always", "sslmode 'always' is not one of"),
        ("postgres://yswd@db.example.org/x?pool=3", "yswd does not know the option 'pool'"),
    ])
    func aMalformedURLIsNamedWithoutItsPassword(url: String, problem: String) async throws {
        let yswd = try Yswd()
        let result = try yswd.run(["loops", "--database", url])
        #expect(result.status == 2)
        #expect(result.stderr.contains(problem), "\(result.stderr)")
        #expect(!result.stderr.contains("s3cret"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anUnreachableServerIsNamed() async throws {
        let yswd = try Yswd()
        let result = try yswd.run(["loops", "--database", "postgres://yswd:s3cret@127.0.0.1:1/engagement"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("the PostgreSQL server at 127.0.0.1:1 could not be reached (connection refused)"))
        #expect(!result.stderr.contains("s3cret"))
    }

    @Test(.enabled(if: server != nil))
    func initCreatesTheRecordAndEachWrongTurnIsNamed() async throws {
        let yswd = try Yswd()
        let name = "cli_\(UInt32.random(in: 0...UInt32.max))"
        let unknown = try yswd.run(["init", "--database", try Self.url(name)])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no database \(name) on the PostgreSQL server"))

        let wrong = try yswd.run(["init", "--database", try Self.url("postgres", password: "not-it")])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("refused the user name or password for yswd"))
        #expect(!wrong.stderr.contains("not-it"))

        // Once yswd has made its tables, the record opens.
        try yswd.ok("init", "--database", try Self.url("postgres"))
        try yswd.ok("activity", "list", "--database", try Self.url("postgres"))
        let empty = try yswd.run(["activity", "list", "--database", try Self.url("template1")])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("holds no yswd record yet; run yswd init"), "\(empty.stderr)")
    }

    @Test(.enabled(if: server != nil))
    func aRecordOnPostgreSQLIsKeptWithItsHistory() async throws {
        let yswd = try Yswd()
        let database = try Self.url("postgres")
        try yswd.ok("init", "--database", database)
        let again = try yswd.ok("init", "--database", database)
        #expect(again.contains("is already a yswd database; it is up to date"))
        #expect(!again.contains(try #require(URLComponents(string: database)?.password)))
        let ref = "PG-\(UInt32.random(in: 0...UInt32.max))"
        try yswd.ok(
            "activity", "add", ref, "--title", "Getting a GP appointment", "--purpose", "Hear why booking is hard",
            "--can-influence", "The booking line", "--level", "consult", "--database", database)
        #expect(try yswd.ok("activity", "list", "--database", database).contains(ref))
        #expect(try yswd.ok("history", ref, "--database", database).contains("Added activity \(ref)"))
        let backup = try yswd.run(["backup", "copy.sqlite", "--database", database])
        #expect(backup.status == 2)
        #expect(
            backup.stderr.contains(
                "yswd backup works on a SQLite file only; back up a PostgreSQL database with pg_dump"))
    }

    /// The cluster's folder, when the tests started it (`scripts/postgres`) and may read its files.
    static let dataFolder = ProcessInfo.processInfo.environment["YSWD_PG_DIR"].map { $0 + "/data" }

    /// Run on its own (`YSWD_TEST_ERASURE_FILES=1`, as `scripts/test` does after the other tests): with
    /// the whole suite writing to the same cluster at once it has found the values still in the
    /// table files, which is not yet understood (issue 22's notes).
    @Test(
        .enabled(
            if: server != nil && dataFolder.map { FileManager.default.isReadableFile(atPath: $0) } == true
                && ProcessInfo.processInfo.environment["YSWD_TEST_ERASURE_FILES"] == "1"))
    func afterAnErasureNoTableFileHoldsTheDetails() async throws {
        let address = try await PostgresTestServer.shared.newDatabase()
        let server = try #require(Self.server)
        var url = try #require(URLComponents(string: server))
        url.path = "/" + address.database
        let database = try #require(url.string)
        let yswd = try Yswd()
        let email = "erase.\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let said = "Secret \(UUID().uuidString) words"
        try yswd.ok(
            "activity", "add", "GP", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level", "consult",
            "--database", database)
        try yswd.ok("participant", "add", "P-1", "--email", email, "--wants-feedback", "--database", database)
        try yswd.ok("contribution", "add", "GP", "--text", said, "--participant", "P-1", "--database", database)

        // The details are in the table files until the erasure (once written out by a checkpoint),
        // and the planner's statistics are gathered as a busy server would…
        try await PostgresTestServer.administer("ANALYZE", database: address.database)
        let folder = try await PostgresTestServer.folder(of: address.database, in: try #require(Self.dataFolder))
        try await PostgresTestServer.administer("CHECKPOINT")
        #expect(try Self.files(in: folder, holding: email).count > 0, "the check can see the details at all")
        try yswd.ok("participant", "erase", "P-1", "--contributions", "--database", database)
        try await PostgresTestServer.administer("CHECKPOINT")
        // …and in none after it (the write-ahead log keeps them until it is recycled: see Hosting).
        // (Files are named by their relfilenode: `SELECT relname FROM pg_class WHERE relfilenode = …`.)
        let holdingEmail = try Self.files(in: folder, holding: email)
        let holdingWords = try Self.files(in: folder, holding: said)
        #expect(holdingEmail.isEmpty, "files holding the email: \(holdingEmail)")
        #expect(holdingWords.isEmpty, "files holding the words: \(holdingWords)")
    }

    /// The table files of a database that hold `text`.
    static func files(in folder: String, holding text: String) throws -> [String] {
        let needle = Data(text.utf8)
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { name in
            !name.hasSuffix("_fsm") && !name.hasSuffix("_vm")
                && ((try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))?.range(of: needle) != nil)
        }
    }
}
