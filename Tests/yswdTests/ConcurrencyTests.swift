import Foundation
import GRDB
import Testing

@Suite struct ConcurrencyTests {
    @Test func twoProcessesAddingContributionsAtOnceBothSucceed() async throws {
        let yswd = try Yswd.withActivity("A1")
        defer { yswd.remove() }
        let perWriter = 40
        // Two shells, each adding contributions one yswd process at a time, running side by side.
        let script = """
            for i in $(seq 1 \(perWriter)); do
              "$YSWD" contribution add A1 --text "writer $1 view $i" --actor "writer-$1" >/dev/null || exit 1
            done
            """
        let writers = try (1...2).map { number -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, "sh", String(number)]
            process.currentDirectoryURL = URL(fileURLWithPath: yswd.folder)
            var environment = yswd.processEnvironment
            environment["YSWD"] = Yswd.binary.path()
            process.environment = environment
            try process.run()
            return process
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        #expect(try yswd.number("SELECT count(*) FROM contribution") == 2 * perWriter)
        #expect(try yswd.number("SELECT count(*) FROM history WHERE entity = 'contribution'") == 2 * perWriter)
        for number in 1...2 {
            let texts = try yswd.rows("SELECT text FROM contribution WHERE text LIKE 'writer \(number) %'")
            #expect(Set(texts.map { $0[0] }) == Set((1...perWriter).map { "writer \(number) view \($0)" }))
        }
    }
}

@Suite struct LongWriteTests {
    /// The import parses and stages the whole file before it takes the write lock, so another
    /// writer started while it reads is not kept waiting for it.
    @Test func aLongImportAndAConcurrentAddBothSucceed() async throws {
        let yswd = try Yswd.withActivity("A1")
        defer { yswd.remove() }
        var csv = "Id,Text,Who,Email\n"
        csv.reserveCapacity(20_000_000)
        for row in 1...300_000 {
            csv += "R\(row),The phone line was busy on day \(row) and nobody called back,P-\(row % 5000),"
            csv += row % 7 == 0 ? "p\(row % 5000)@example.org\n" : "\n"
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/big.csv"))
        let importer = Process()
        importer.executableURL = Yswd.binary
        importer.arguments = [
            "contribution", "import", "A1", "big.csv", "--text-column", "Text", "--id-column", "Id",
            "--participant-column", "Who", "--email-column", "Email",
        ]
        importer.currentDirectoryURL = URL(fileURLWithPath: yswd.folder)
        importer.environment = yswd.processEnvironment
        importer.standardOutput = FileHandle.nullDevice
        try importer.run()
        usleep(300_000)
        #expect(importer.isRunning, "the import is still reading its file")
        let added = try yswd.run(["contribution", "add", "A1", "--text", "Added while the import ran"])
        let importStillRunning = importer.isRunning
        importer.waitUntilExit()
        #expect(added.status == 0, "\(added.stderr)")
        #expect(importer.terminationStatus == 0)
        #expect(importStillRunning, "the add did not wait for the import to finish")
        #expect(try yswd.number("SELECT count(*) FROM contribution") == 300_001)
    }
}

@Suite(.onSQLite("a reader holding SQLite's write-ahead log")) struct ErasureCommandTests {
    /// While another program holds a read transaction, the write-ahead log cannot be emptied: the
    /// erasure says so (exit 3), and `--finish` completes it once the reader has gone.
    @Test func anErasureBlockedByAReaderSaysSoAndFinishLeavesNoCopyInTheFiles() async throws {
        let yswd = try Yswd.withActivity("A1")
        defer { yswd.remove() }
        let secrets = [
            "zed.quarry@example.org", "07700 900987", "17 Quarrymans Way, Zedtown ZE1 0QQ", "My quokka diary",
        ]
        try yswd.ok(
            "participant", "add", "P-1", "--email", secrets[0], "--phone", secrets[1], "--address", secrets[2],
            "--wants-feedback", "--may-quote")
        try yswd.ok("contribution", "add", "A1", "--text", secrets[3], "--participant", "P-1")

        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: yswd.database, configuration: configuration)
        let blocked = try reader.inDatabase { db in
            try db.beginTransaction(.deferred)
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM participant")
            defer { try? db.rollback() }
            return try yswd.run(["participant", "erase", "P-1", "--contributions"])
        }
        try reader.close()
        #expect(blocked.status == 3, "\(blocked.stderr)")
        #expect(blocked.stdout.hasPrefix("Erased participant P-1: removed their contact details"))
        #expect(blocked.stderr.hasPrefix("error: done in part: P-1 is erased from the record"))
        #expect(blocked.stderr.contains("run: yswd participant erase P-1 --finish"))
        #expect(blocked.stderr.split(separator: "\n").count == 1)
        let pending = try yswd.ok("history", "--format", "json")
        #expect(pending.contains(#""entity" : "erasure""#) && pending.contains(#"\"complete\":false"#), "\(pending)")
        #expect(!pending.contains(#"\"complete\":true"#), "history says the erasure is incomplete")

        #expect(
            try yswd.ok("participant", "erase", "P-1", "--finish")
                == "Finished erasing participant P-1: no copy of the erased details is left in the database files.\n")
        for suffix in ["", "-wal", "-shm"] {
            let path = yswd.database + suffix
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in yswd.sqlite\(suffix)")
            }
        }
        #expect(
            try yswd.ok("participant", "erase", "P-1", "--finish")
                == "Participant P-1 is already fully erased; nothing was left to finish.\n")
        let refused = try yswd.run(["participant", "erase", "P-404", "--finish"])
        #expect(refused.status == 2)
    }
}
