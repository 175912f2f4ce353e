import Foundation
import Testing
import YswdTestSupport

/// Issue 22: `yswd copy` moves a whole record between engines, ids and history included, into an
/// empty database only, and ends by comparing every table's row count and content fingerprint.
@Suite(.onSQLite("it runs on both engines itself")) struct CopyCommandTests {
    static let matched = "every table's row count and content fingerprint match"

    /// A new, empty yswd database on the test server, as a URL the command takes.
    static func emptyPostgresDatabase() async throws -> String {
        let address = try await PostgresTestServer.shared.newDatabase()
        let server = try #require(PostgresCommandTests.server)
        var url = try #require(URLComponents(string: server))
        url.path = "/" + address.database
        return try #require(url.string)
    }

    /// The generated 10,000-activity record (with fewer contributions than the benchmarks' million),
    /// and the demo record (history, published updates and their files, quotes, contact details),
    /// each copied SQLite → PostgreSQL → SQLite: every copy matches its source table by table, and
    /// `loops` reads the same on all three, so no loop changed state on the way.
    @Test(.enabled(if: PostgresCommandTests.server != nil), arguments: ["generated", "demo"])
    func aRecordCopiedToPostgreSQLAndBackReadsTheSame(record: String) async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        if record == "generated" {
            try yswd.ok("init")
            try yswd.ok(
                "generate", "--activities", "10000", "--contributions", "20000", "--seed", "7", "--as-of", "2026-06-01")
        } else {
            try yswd.ok("demo", "--database", yswd.database)
        }
        let server = try await Self.emptyPostgresDatabase()
        let there = try yswd.ok("copy", "--from", yswd.database, "--to", server)
        #expect(there.contains(Self.matched), "\(there)")
        #expect(!there.contains("differs"))
        let back = yswd.folder + "/back.sqlite"
        let again = try yswd.ok("copy", "--from", server, "--to", back)
        #expect(again.contains(Self.matched), "\(again)")
        // The same tables with the same row counts both ways.
        #expect(there.split(separator: "\n").dropLast() == again.split(separator: "\n").dropLast())

        let loops = try [yswd.database, server, back].map { database in
            try yswd.ok("loops", "--as-of", "2026-06-01", "--format", "json", "--database", database)
        }
        #expect(loops[0].count > 100)
        #expect(loops[1] == loops[0])
        #expect(loops[2] == loops[0])
        // History came across as it was, not rewritten by the copy.
        let history = try [yswd.database, back].map { try yswd.ok("history", "--database", $0) }
        #expect(history[0] == history[1])
        #expect(!history[1].contains("yswd copy"))
    }

    /// Into a database that already holds a record: refused, in one sentence, and nothing there changes.
    @Test func aCopyIntoARecordIsRefusedAndChangesNothing() async throws {
        let source = try Yswd.withActivity("GP-ACCESS")
        let target = try Yswd.withActivity("DIABETES")
        defer {
            source.remove()
            target.remove()
        }
        let before = try target.fingerprint()
        let refused = try source.run(["copy", "--from", source.database, "--to", target.database])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: \(target.database) already holds a record (its activity table has 1 row); copy only into an"
                + " empty database, so nothing there is overwritten\n")
        #expect(try target.fingerprint() == before)

        let same = try source.run(["copy", "--from", source.database, "--to", source.database])
        #expect(same.status == 2)
        #expect(same.stderr.contains("--from and --to both name"))

        let missing = try source.run(["copy", "--from", source.folder + "/none.sqlite", "--to", target.database])
        #expect(missing.status == 2)
        #expect(try target.fingerprint() == before)
    }

    @Test(.enabled(if: PostgresCommandTests.server != nil))
    func aCopyIntoAPostgreSQLRecordIsRefused() async throws {
        let source = try Yswd.withActivity("GP-ACCESS")
        defer { source.remove() }
        let server = try await Self.emptyPostgresDatabase()
        try source.ok("copy", "--from", source.database, "--to", server)
        let again = try source.run(["copy", "--from", source.database, "--to", server])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds a record (its activity table has 1 row)"), "\(again.stderr)")
        #expect(!again.stderr.contains(try #require(URLComponents(string: server)?.password)))
        #expect(try source.ok("activity", "list", "--database", server).contains("GP-ACCESS"))
    }

    /// A source with a table yswd does not know is refused before anything is written, and the new
    /// target file the command would have made is not left behind.
    @Test func aSourceWithUnknownTablesIsRefusedAndLeavesNoFile() async throws {
        let source = try Yswd.withActivity("GP-ACCESS")
        defer { source.remove() }
        try source.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        let target = source.folder + "/copy.sqlite"
        let refused = try source.run(["copy", "--from", source.database, "--to", target])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("has tables this version of yswd does not know (notes)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// SQLite to SQLite needs no server: the copy is the record, row for row.
    @Test func aCopyBetweenFilesIsTheSameRecord() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("demo", "--database", yswd.database)
        let copy = Yswd(folder: yswd.folder, database: "copy.sqlite")
        let output = try yswd.ok("copy", "--from", yswd.database, "--to", copy.database)
        #expect(output.contains(Self.matched))
        // Every table row for row, bar how FTS5 laid out its index (built in one go rather than
        // row by row), which its own check finds true to the words it indexes.
        let index: Set = ["activitySearch_data", "activitySearch_idx"]
        #expect(try copy.fingerprint(skipping: index) == (try yswd.fingerprint(skipping: index)))
        try copy.execute("INSERT INTO activitySearch (activitySearch, rank) VALUES ('integrity-check', 1)")
        let modes = try FileManager.default.attributesOfItem(atPath: copy.database)[.posixPermissions] as? Int
        #expect(modes == 0o600, "the copy holds contact details: readable by its owner only")
    }
}
