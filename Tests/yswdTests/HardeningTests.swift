import Foundation
import Testing

/// The crash, concurrency and privacy campaign's defects, each reproduced through the command line.
@Suite struct HardeningTests {
    static func prepared(_ files: [String: Data] = [:]) throws -> Yswd { try ImportCommandTests.prepared(files) }

    @Test func aFileThatIsOnlyAByteOrderMarkIsRefusedNotACrash() async throws {
        let yswd = try Self.prepared(["bom.csv": Data([0xEF, 0xBB, 0xBF])])
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run(["contribution", "import", "GP", "bom.csv", "--text-column", "Text"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "error: the file is empty; it needs a header row and at least one row of responses\n")
        #expect(try yswd.fingerprint() == before)
    }

    @Test func aNulByteIsRefusedWithItsLineAndColumnAndNothingIsStored() async throws {
        let yswd = try Self.prepared(["nul.csv": Data("Id,Text\nR1,fine\nR2,cut\u{0}here\n".utf8)])
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run([
            "contribution", "import", "GP", "nul.csv", "--text-column", "Text", "--id-column", "Id",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: line 3, column 2: the field holds a NUL byte"), "\(result.stderr)")
        #expect(try yswd.fingerprint() == before)
    }

    @Test(arguments: [false, true])
    func aResponseIdRepeatedInOneFileNamesBothLines(withThemes: Bool) async throws {
        let csv =
            withThemes
            ? "Id,Text,Themes\nR1,one,phones\nR2,two,phones\nR1,three,phones\n" : "Id,Text\nR1,one\nR2,two\nR1,three\n"
        let yswd = try Self.prepared(["dup.csv": Data(csv.utf8)])
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run(
            ["contribution", "import", "GP", "dup.csv", "--text-column", "Text", "--id-column", "Id"]
                + (withThemes ? ["--theme-column", "Themes"] : []))
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: line 4, column Id: the response id 'R1' was already used on line 2; each response needs its"
                + " own id\n")
        #expect(try yswd.fingerprint() == before)
    }

    @Test func anImportIsOneHistoryEntryHoweverOftenARespondentRepeats() async throws {
        let csv = """
            Id,Text,Who,Email,Ok
            R1,one,P-9,p9@example.org,yes
            R2,two,P-9,,no
            R3,three,P-9,p9@example.net,
            R4,four,P-1,,yes

            """
        let yswd = try Self.prepared(["repeat.csv": Data(csv.utf8)])
        defer { yswd.remove() }
        try yswd.ok("participant", "add", "P-1", "--email", "p1@example.org")
        let historyBefore = try yswd.number("SELECT max(id) FROM history")
        try yswd.ok([
            "contribution", "import", "GP", "repeat.csv", "--text-column", "Text", "--id-column", "Id",
            "--participant-column", "Who", "--email-column", "Email", "--wants-feedback-column", "Ok",
        ])
        let entries = try yswd.rows("SELECT action, entity FROM history WHERE id > \(historyBefore)")
        let wants = try yswd.rows("SELECT wantsFeedback FROM participant ORDER BY ref").map { $0[0] }
        let email = try yswd.rows(
            "SELECT email FROM participantContact JOIN participant ON participant.id = participantId"
                + " WHERE ref = 'P-9'")
        #expect(entries.count == 1, "\(entries)")
        #expect(entries.first?.first == "batch")
        #expect(wants == ["1", "0"], "P-1 now wants feedback; P-9's last answer is row 2's 'no' (row 3 left it blank)")
        #expect(email == [["p9@example.net"]], "the last email given wins")
    }

    @Test func markingAThemedContributionOutOfScopeNeedsUnlinkAndHistoryNamesTheThemes() async throws {
        let yswd = try BadInputTests.prepared()
        defer { yswd.remove() }
        let refused = try yswd.run(["contribution", "update", "GP", "1", "--out-of-scope", "about parking"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: contribution 1 feeds the theme phone; add --unlink to take it out of that theme as you mark it"
                + " out of scope\n")
        #expect(
            try yswd.ok("contribution", "update", "GP", "1", "--out-of-scope", "about parking", "--unlink")
                == "Updated contribution 1 of GP.\n")
        let history = try yswd.ok("history", "GP").split(separator: "\n")
        #expect(
            history.contains {
                $0.contains("delete  themeContribution 1") && $0.contains("Unlinked contribution 1 from theme phone.")
            },
            "history shows the theme it left: \(history)")
        let listed = try yswd.ok("contribution", "list", "GP", "--format", "csv")
        #expect(listed.contains("out of scope: about parking"))
    }

    @Test(.onSQLite("a SQLite backup"))
    func aBackupStoppedPartWayLeavesNothingAtItsNameAndARetrySucceeds() async throws {
        let yswd = try BadInputTests.prepared()
        defer { yswd.remove() }
        try FileManager.default.createDirectory(
            atPath: yswd.folder + "/backups", withIntermediateDirectories: true)
        // What a backup killed part way leaves: a partial file beside the target, never the target itself.
        let partial = yswd.folder + "/backups/.nightly.sqlite.partial"
        try Data("SQLite format 3\u{0}half a copy".utf8).write(to: URL(fileURLWithPath: partial))
        #expect(!FileManager.default.fileExists(atPath: yswd.folder + "/backups/nightly.sqlite"))
        try yswd.ok("backup", "backups/nightly.sqlite")
        #expect(!FileManager.default.fileExists(atPath: partial), "the partial file is replaced, then renamed")
        let copy = Yswd(folder: yswd.folder + "/backups", database: "nightly.sqlite")
        #expect(try copy.fingerprint() == yswd.fingerprint())
    }

    @Test(.onSQLite("a SQLite backup"))
    func aBackupKilledPartWayLeavesNoFileAtTheTarget() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        try yswd.ok("generate", "--activities", "3", "--contributions", "150000")
        let process = Process()
        process.executableURL = Yswd.binary
        process.arguments = ["backup", "killed.sqlite"]
        process.currentDirectoryURL = URL(fileURLWithPath: yswd.folder)
        try process.run()
        let partial = yswd.folder + "/.killed.sqlite.partial"
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: partial), process.isRunning, Date() < deadline {
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let target = yswd.folder + "/killed.sqlite"
        if FileManager.default.fileExists(atPath: target) {
            // The copy was complete and renamed before the kill landed: it must be whole.
            #expect(try Yswd(folder: yswd.folder, database: "killed.sqlite").fingerprint() == yswd.fingerprint())
            try FileManager.default.removeItem(atPath: target)
        }
        try yswd.ok("backup", "killed.sqlite")
        let copy = Yswd(folder: yswd.folder, database: "killed.sqlite")
        #expect(try copy.fingerprint() == yswd.fingerprint())
    }
}

extension HardeningTests {
    @Test func historyCanBeFilteredByWhoAndWhatAndSaysEachChangeInWords() async throws {
        let yswd = try BadInputTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("--actor", "Sam Patel", "theme", "update", "GP", "phone", "--said", "Phones are always engaged")
        let mine = try yswd.ok("history", "--by", "Sam Patel", "--kind", "theme")
        let rows = mine.split(separator: "\n").dropFirst()
        #expect(rows.count == 1, "\(mine)")
        #expect(mine.contains("Changed theme phone: you said: “"))
        #expect(mine.contains("→ “Phones are always engaged”."))
        #expect(try yswd.ok("history", "--by", "Nobody") == "No changes recorded.\n")
        let refused = try yswd.run(["history", "--kind", "tables"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--kind 'tables' is not a kind of change; use one of: activity, contribution"))
    }
}
