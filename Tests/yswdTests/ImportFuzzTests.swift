import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore
import FeedbackLoopSynthetic
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopSQLite

/// Mutated survey exports, fed to the reader and the import: none may crash yswd, each ends in
/// success or one plain error naming its line, and a failed import writes nothing.
@Suite struct ImportFuzzTests {
    /// A valid export to mutate: ids, a respondent, contact details, consent, dates and themes.
    static let seeds = [
        """
        Id,When,Text,More,Who,Email,Phone,Ok,Themes
        R1,05/01/2026,"The phone line is busy, always",,P-1,p1@example.org,07700 900123,yes,phones
        R2,2026-01-06,"Online booking ""never"" works","Line one
        line two",P-2,,,no,online;phones
        R3,07/01/2026 10:30,Parking,,P-1,,,y,
        R4,,Café menu é,,,,,,

        """,
        "Id;Text\r\nA;one\r\nB;\"two; three\"\r\n",
        "\u{FEFF}Id,Text\nX1,first\nX2,second\n",
    ]

    /// Bytes that break CSV and text in interesting ways.
    static let interesting: [[UInt8]] = [
        [0x22], [0x2C], [0x3B], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xE2, 0x80],
        [0x09], Array("\"\"".utf8), Array("R1".utf8), Array("P-1".utf8), Array("phones;zz".utf8), Array(" ".utf8),
        Array("31/02/2026".utf8), Array("=1+1".utf8), Array("@".utf8), Array("<script>".utf8),
    ]

    static func mutate(_ seed: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = seed
        for _ in 0...random.next(below: 4) {
            let position = bytes.isEmpty ? 0 : random.next(below: bytes.count + 1)
            switch random.next(below: 7) {
            case 0 where !bytes.isEmpty:  // flip a byte
                bytes[min(position, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << random.next(below: 8))
            case 1:  // insert an interesting sequence
                bytes.insert(contentsOf: interesting[random.next(below: interesting.count)], at: position)
            case 2 where !bytes.isEmpty:  // delete a range
                let end = min(bytes.count, position + random.next(below: 12) + 1)
                if position < end { bytes.removeSubrange(position..<end) }
            case 3:  // truncate
                bytes = Array(bytes.prefix(position))
            case 4 where !bytes.isEmpty:  // duplicate a line
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                let line = lines[random.next(below: lines.count)]
                bytes.append(contentsOf: Array(line) + [0x0A])
            case 5:  // a random byte
                bytes.insert(UInt8(truncatingIfNeeded: random.next(below: 256)), at: position)
            default:  // swap two bytes
                if bytes.count > 1 {
                    let other = random.next(below: bytes.count)
                    bytes.swapAt(min(position, bytes.count - 1), other)
                }
            }
        }
        return bytes
    }

    static let columns = ContributionColumns(
        text: ["Text"], id: "Id", participant: "Who", email: "Email", phone: "Phone", wantsFeedback: "Ok",
        themes: "Themes")

    /// The row counts of every table of the record: equal when nothing was written.
    static func counts(_ store: SQLiteStore) throws -> [Int] {
        try store.database.read { db in
            try [
                "contribution", "participant", "participantContact", "theme", "themeContribution", "history", "batch",
            ].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    @Test(.onSQLite("it imports into an in-memory SQLite store, not through the command line"))
    func twoThousandMutatedExportsNeverCrashAndFailWholeWithALine() async throws {
        let seed = ProcessInfo.processInfo.environment["YSWD_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_127
        var random = SeededGenerator(seed: seed)
        let store = try SQLiteStore.inMemory(actor: "fuzz")
        try await store.addActivity(
            Activity(ref: "GP", title: "GP access", purpose: "Find out", canInfluence: "Booking", level: .consult))
        try await store.addTheme(activity: "GP", key: "phones", said: "Phones are busy")
        var outcomes = (imported: 0, refused: 0)
        for run in 0..<2_000 {
            let base = Array(Self.seeds[run % Self.seeds.count].utf8)
            let input = Self.mutate(base, &random)
            let before = try Self.counts(store)
            let context = "seed \(seed), input \(run): \(Data(input).base64EncodedString())"
            do {
                let reader = CSVReader(
                    data: Data(input), delimiter: UInt8(ascii: run % 3 == 1 ? ";" : ","), maxFieldBytes: 4096)
                var rows = try ContributionRows(reader: reader, columns: Self.columns, fileHash: "abc", fileSize: 1)
                let report = try await store.importContributions(
                    activity: "GP", rows: &rows, source: ImportSource(name: "fuzz.csv", sha256: "abc"),
                    createThemes: run % 2 == 0)
                let after = try Self.counts(store)
                #expect(after[0] - before[0] == report.added, "\(context)")
                #expect(after[5] - before[5] == 1, "one history entry per import: \(context)")
                outcomes.imported += 1
            } catch let error as ImportError {
                #expect(try Self.counts(store) == before, "nothing written: \(context)")
                #expect(!error.description.isEmpty)
                if case .badValue = error { #expect(error.description.hasPrefix("line "), "\(context)") }
                outcomes.refused += 1
            } catch let error as InvalidRows {
                #expect(try Self.counts(store) == before, "nothing written: \(context)")
                #expect(error.rows > 0 && !error.problems.isEmpty, "\(context)")
                #expect(error.problems.allSatisfy { $0.sentence.hasPrefix("line \($0.line)") }, "\(context)")
                outcomes.refused += 1
            } catch let error as ImportRowError {
                #expect(try Self.counts(store) == before, "nothing written: \(context)")
                #expect(error.description.hasPrefix("line \(error.line)"), "\(context)")
                outcomes.refused += 1
            } catch {
                Issue.record("a raw error, not a plain one with its line: \(error) (\(context))")
            }
        }
        #expect(outcomes.imported + outcomes.refused == 2_000)
        #expect(outcomes.imported > 100 && outcomes.refused > 100, "the mutations exercise both: \(outcomes)")
    }

    /// The same through the command line: exit 0, or exit 2 with one line, and the file unchanged.
    @Test func mutatedExportsThroughTheCommandLineExitZeroOrTwo() async throws {
        var random = SeededGenerator(seed: 7)
        let yswd = try ImportCommandTests.prepared([:])
        defer { yswd.remove() }
        for run in 0..<60 {
            let input = Self.mutate(Array(Self.seeds[0].utf8), &random)
            try Data(input).write(to: URL(fileURLWithPath: yswd.folder + "/fuzz.csv"))
            let before = try yswd.fingerprint()
            let result = try yswd.run([
                "contribution", "import", "GP", "fuzz.csv", "--text-column", "Text", "--id-column", "Id",
                "--participant-column", "Who", "--email-column", "Email", "--phone-column", "Phone",
                "--wants-feedback-column", "Ok", "--theme-column", "Themes", "--create-themes",
            ])
            let context = "input \(run): \(Data(input).base64EncodedString())"
            #expect([0, 2].contains(result.status), "exit \(result.status): \(result.stderr) \(context)")
            if result.status == 2 {
                // One error (a note on the encoding found may come first); several bad rows are listed under it.
                let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
                #expect(errors.count == 1, "\(result.stderr) \(context)")
                #expect(
                    result.stderr.split(separator: "\n").allSatisfy {
                        $0.hasPrefix("error: ") || $0.hasPrefix("  line ") || $0.hasPrefix("  and ")
                            || $0.hasPrefix("Reading the file as")
                    }, "\(result.stderr) \(context)")
                #expect(try yswd.fingerprint() == before, "nothing written: \(context)")
            }
        }
    }
}

extension SeededGenerator {
    /// A number from 0 up to, not including, `bound`.
    mutating func next(below bound: Int) -> Int { int(0...(bound - 1)) }
}
