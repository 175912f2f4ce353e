import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let template: Yswd = try! build()

    private static func build() throws -> Yswd {
        let yswd = try Yswd()
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "GP", "--title", "GP access", "--purpose", "Find out", "--can-influence", "Booking",
            "--level", "consult")
        try yswd.ok("theme", "add", "GP", "phones", "--said", "Phones are busy")
        return yswd
    }

    static func prepared(_ files: [String: Data]) throws -> Yswd { try template.copy(with: files) }

    static let survey = """
        Response ID,Submitted,What could be better?,Anything else?,Respondent,Email,Keep me informed,Quote me,Themes
        R1,05/01/2026 09:30,"The phone line is busy, always",,P-100,p100@example.org,yes,no,phones
        R2,06/01/2026 10:00,"Online booking ""never"" works","Line one
        line two",P-101,,Y,1,online;phones
        R3,2026-01-07,,,,,,,

        """

    static let surveyOptions = [
        "--text-column", "What could be better?", "--text-column", "Anything else?", "--id-column", "Response ID",
        "--date-column", "Submitted", "--method", "survey", "--participant-column", "Respondent", "--email-column",
        "Email", "--wants-feedback-column", "Keep me informed", "--may-quote-column", "Quote me", "--theme-column",
        "Themes",
    ]

    @Test func aSurveyExportIsImportedOnceWithConsentAndThemes() async throws {
        let yswd = try Self.prepared(["survey.csv": Data(Self.survey.utf8)])
        defer { yswd.remove() }
        let dry = try yswd.ok(
            ["contribution", "import", "GP", "survey.csv", "--create-themes", "--dry-run"] + Self.surveyOptions)
        #expect(dry.hasPrefix("Dry run, nothing written: would import 3 contributions from 3 rows"))
        #expect(
            try yswd.ok("contribution", "list", "GP", "--format", "csv")
                == "number,id,received,method,participant,themes,text\r\n")

        let firstRun = try yswd.run(
            ["contribution", "import", "GP", "survey.csv", "--create-themes"] + Self.surveyOptions)
        #expect(firstRun.stderr.isEmpty)  // no progress bar when stderr is not a terminal
        let first = firstRun.stdout
        #expect(
            first
                == "Imported 3 contributions from 3 rows; 3 blank cells skipped; 2 new participants; 1 new theme. 1 person"
                + " asked to hear back and left contact details: each is owed a follow-up once their views are themed.\n"
        )
        let again = try yswd.ok(["contribution", "import", "GP", "survey.csv"] + Self.surveyOptions)
        #expect(again.contains("Imported 0 contributions from 3 rows; 3 already imported, skipped"))

        let listed = try yswd.ok("contribution", "list", "GP", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(
            rows.map { $0["text"] as? String } == [
                "The phone line is busy, always", "Online booking \"never\" works", "Line one\nline two",
            ])
        #expect(rows[1]["themes"] as? [String] == ["online", "phones"])
        #expect(rows[0]["received"] as? String == "2026-01-05")
        let people = try yswd.ok("participant", "list", "--format", "csv")
        #expect(people.contains("P-100,yes,no,,email,1,no"))
        #expect(people.contains("P-101,yes,yes,,,2,no"))
        // One history entry per import, none per contribution.
        let history = try yswd.ok("history", "GP", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]])
        #expect(entries.filter { $0["action"] as? String == "batch" }.count == 2)
        #expect(!entries.contains { $0["entity"] as? String == "contribution" })
        #expect((entries.last?["after"] as? String)?.contains("\"file\":\"survey.csv\"") == true)
        // The import set the table's insert triggers aside for its one statement: they are back, so a
        // contribution added by hand is numbered next and has its own history entry.
        #expect(try yswd.ok("contribution", "add", "GP", "--text", "By hand") == "Added contribution 4 to GP.\n")
        let after = try yswd.ok("history", "GP", "--format", "json")
        #expect(after.contains(#""entity" : "contribution""#) && after.contains("By hand"), "\(after)")
    }

    @Test func anExcelExportIsReadAsWindows1252WithoutBeingTold() async throws {
        let bytes = Data("Text\nCaf".utf8) + Data([0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]) + Data("\n".utf8)
        let yswd = try Self.prepared(["excel.csv": bytes])
        defer { yswd.remove() }
        let forced = try yswd.run(
            ["contribution", "import", "GP", "excel.csv", "--text-column", "Text", "--encoding", "utf-8"])
        #expect(forced.status == 2)
        #expect(
            forced.stderr
                == "error: line 2: the text is not valid UTF-8; if the file was saved from Excel, read it as Windows-1252\n"
        )
        let found = try yswd.run(["contribution", "import", "GP", "excel.csv", "--text-column", "Text"])
        #expect(found.status == 0)
        #expect(found.stderr.contains("Reading the file as Windows-1252 (Excel on Windows): it is not valid UTF-8"))
        #expect(try yswd.ok("contribution", "list", "GP").contains("Café “ok”"))
    }

    /// A survey tool's export as it comes: Excel's encoding, the tool's own method words, and email
    /// addresses with no respondent reference.
    static let realExport: Data = {
        var bytes = Data("Submitted,How did you respond?,Your views,Email address\r\n".utf8)
        bytes += Data("03/02/2026 14:05,Online survey,Caf".utf8)
        bytes += Data([0xE9])
        bytes += Data(" opening hours are too short,jo@example.org\r\n".utf8)
        bytes += Data("02/13/2026 09:00,Paper,Parking is hard,SAM@example.org\r\n".utf8)
        bytes += Data("04/02/2026,Carrier pigeon,More buses,not-an-email\r\n".utf8)
        bytes += Data("05/02/2026,Online survey,Again from Jo,Jo@Example.org\r\n".utf8)
        return bytes
    }()

    static let realOptions = [
        "--text-column", "Your views", "--date-column", "Submitted", "--method-column", "How did you respond?",
        "--email-column", "Email address", "--contact-wants-feedback",
    ]

    @Test func aRealSurveyExportListsEveryBadRowThenImportsWithAMethodMap() async throws {
        let yswd = try Self.prepared(["export.csv": Self.realExport])
        defer { yswd.remove() }
        let before = try yswd.snapshot()
        let refused = try yswd.run(["contribution", "import", "GP", "export.csv"] + Self.realOptions)
        #expect(refused.status == 2)
        let lines: [String] = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Reading the file as Windows-1252") == true)
        let error = lines.dropFirst().first ?? ""
        #expect(error.hasPrefix("error: 4 rows cannot be imported. Nothing was imported: fix them in the file,"))
        #expect(error.contains("--method-map \"VALUE=METHOD\" or leave them out with --skip-invalid"))
        // Every bad row, each on the column that is wrong (the dates read as month first: 02/13/2026).
        #expect(
            lines.contains(
                "  line 2, column How did you respond?: ‘Online survey’ is not one of yswd’s methods; say which it is: "
                    + Self.methods))
        let emailLine = "  line 4, column Email address: ‘not-an-email’ is not an email address"
        #expect(lines.contains { (line: String) in line.hasPrefix(emailLine) })
        #expect(lines.count == 7, "\(refused.stderr)")
        #expect(try yswd.snapshot() == before)

        let mapped =
            Self.realOptions + [
                "--method-map", "Online survey=online", "--method-map", "paper=survey", "--date-format", "dd/MM/yyyy",
            ]
        let skipped = try yswd.run(["contribution", "import", "GP", "export.csv", "--skip-invalid"] + mapped)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(
            skipped.stdout.contains("line 3, column Submitted: ‘02/13/2026 09:00’ is not a date in the form dd/MM/yyyy")
        )
        #expect(
            skipped.stdout.contains(
                "Imported 2 contributions from 4 rows; 2 rows that cannot be imported left out; 1 new participant."
                    + " 1 person asked to hear back and left contact details"))
        // The two rows from Jo's address are one person, reached by email; the mapping is remembered.
        let people = try yswd.ok("participant", "list", "--format", "csv")
        #expect(people.split(separator: "\r\n").count == 2, "\(people)")
        #expect(try yswd.ok("contribution", "list", "GP", "--format", "csv").contains(",online,"))
        let again = try yswd.ok(
            ["contribution", "import", "GP", "export.csv", "--skip-invalid", "--date-format", "dd/MM/yyyy"]
                + Self.realOptions)
        #expect(again.contains("Imported 0 contributions from 4 rows; 2 already imported, skipped"))
        #expect(try yswd.ok("participant", "list", "--format", "csv") == people)
        #expect(try yswd.ok("history", "--format", "json").contains("leftOutRows"))
    }

    @Test func anEmailAlreadyOnRecordIsThatParticipant() async throws {
        let yswd = try Self.prepared(["replies.csv": Data("Views,Email\nMore buses,JO@example.org\n".utf8)])
        defer { yswd.remove() }
        try yswd.ok("participant", "add", "P-OLD", "--email", "jo@example.org")
        let imported = try yswd.ok(
            "contribution", "import", "GP", "replies.csv", "--text-column", "Views", "--email-column", "Email")
        #expect(
            imported
                == "Imported 1 contribution from 1 row. 1 person left contact details but did not say they want to"
                + " hear back.\n")
        #expect(try yswd.ok("contribution", "list", "GP", "--format", "csv").contains(",P-OLD,"))
    }

    static let methods = "survey, focus-group, interview, drop-in, outreach, online, public-meeting, other"

    @Test func semicolonFilesWithABOMAndCRLF() async throws {
        let text = "\u{FEFF}Id;Comment\r\n1;\"Parking; and more\"\r\n2;Buses\r\n"
        let yswd = try Self.prepared(["export.csv": Data(text.utf8)])
        defer { yswd.remove() }
        #expect(
            try yswd.ok(
                "contribution", "import", "GP", "export.csv", "--text-column", "Comment", "--id-column", "Id",
                "--delimiter", ";"
            )
            .hasPrefix("Imported 2 contributions"))
        #expect(
            try yswd.ok("contribution", "import", "GP", "export.csv", "--text-column", "Comment", "--id-column", "Id")
                .hasPrefix("Imported 0 contributions from 2 rows; 2 already imported"))
    }

    static let badFiles: [(name: String, content: String, extra: [String], mentions: String)] = [
        ("empty", "", [], "the file is empty"),
        ("header only", "Text,When\n", [], "no responses"),
        ("missing column", "Comment,When\nx,y\n", [], "there is no column 'Text'; the columns are: Comment, When"),
        ("duplicate header", "Text,Text\nx,y\n", [], "the header 'Text' appears more than once"),
        (
            "unbalanced quote", "Text\nok\n\"never closed\nmore\n", [],
            "line 3, column 1: a quoted field opened here is never closed"
        ),
        (
            "bad date", "Text,When\nx,2026-01-01\ny,2026-02-30\n", ["--date-column", "When"],
            "line 3, column When: ‘2026-02-30’"
        ),
        (
            "bad pattern date", "Text,When\nx,2026-01-01\n", ["--date-column", "When", "--date-format", "dd/MM/yyyy"],
            "in the form dd/MM/yyyy"
        ),
        (
            "bad method", "Text,How\nx,pigeon\n", ["--method-column", "How"],
            "line 2, column How: ‘pigeon’ is not one of yswd’s methods"
        ),
        (
            "unknown theme", "Text,Themes\nx,phones\ny,parkng\n", ["--theme-column", "Themes"],
            "line 3, column Themes: 'parkng' is not a theme of GP"
        ),
        ("too many fields", "Text,When\nx,y\na,b,c\n", [], "line 3: the row has 3 fields but the header has 2"),
        (
            "field too big", "Text\n" + String(repeating: "x", count: 3000) + "\n", ["--max-field-kb", "2"],
            "line 2, column 1: the field is over 2 KB"
        ),
        (
            "terminal escape codes", "Text,How\nx,\u{1B}[2K\u{1B}[31mpigeon\n", ["--method-column", "How"],
            "‘\\u{1B}[2K\\u{1B}[31mpigeon’ is not one of yswd’s methods"
        ),
        (
            "bad yes/no", "Text,Who,Ok\nx,P1,perhaps\n",
            ["--participant-column", "Who", "--wants-feedback-column", "Ok"], "‘perhaps’ is not yes or no"
        ),
    ]

    @Test(arguments: badFiles)
    func aBadFileChangesNothing(name: String, content: String, extra: [String], mentions: String) async throws {
        let yswd = try Self.prepared(["bad.csv": Data(content.utf8)])
        defer { yswd.remove() }
        let before = try yswd.snapshot()
        let result = try yswd.run(["contribution", "import", "GP", "bad.csv", "--text-column", "Text"] + extra)
        #expect(result.status == 2, "\(name)")
        #expect(result.stderr.hasPrefix("error: "), "\(name)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(name): \(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}"), "\(name): no control character is echoed")
        #expect(
            try yswd.snapshot() == before, "\(name): the database file changed")
    }

    @Test func anUnknownActivityOrMissingFileChangesNothing() async throws {
        let yswd = try Self.prepared(["ok.csv": Data("Text\nhello\n".utf8)])
        defer { yswd.remove() }
        let before = try yswd.snapshot()
        let unknown = try yswd.run(["contribution", "import", "NOPE", "ok.csv", "--text-column", "Text"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no activity 'NOPE'"))
        let missing = try yswd.run(["contribution", "import", "GP", "nowhere.csv", "--text-column", "Text"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.csv cannot be read"))
        #expect(try yswd.snapshot() == before)
    }
}
