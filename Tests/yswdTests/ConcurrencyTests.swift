import Foundation
import GRDB
import Testing

@Suite struct ConcurrencyTests {
    @Test func twoProcessesAddingContributionsAtOnceBothSucceed() throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "A1", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level", "consult")
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
            var environment = ProcessInfo.processInfo.environment
            environment["YSWD"] = Yswd.binary.path()
            environment["YSWD_DATABASE"] = nil
            process.environment = environment
            try process.run()
            return process
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let queue = try DatabaseQueue(path: yswd.database)
        defer { try? queue.close() }
        let (count, entries) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM contribution")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM history WHERE entity = 'contribution'")!
            )
        }
        #expect(count == 2 * perWriter)
        #expect(entries == 2 * perWriter)
        for number in 1...2 {
            let texts = try queue.read { db in
                try String.fetchAll(
                    db, sql: "SELECT text FROM contribution WHERE text LIKE ?", arguments: ["writer \(number) %"])
            }
            #expect(Set(texts) == Set((1...perWriter).map { "writer \(number) view \($0)" }))
        }
    }
}
