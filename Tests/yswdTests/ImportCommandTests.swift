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

    @Test func aSurveyExportIsImportedOnceWithConsentAndThemes() throws {
        let yswd = try Self.prepared(["survey.csv": Data(Self.survey.utf8)])
        defer { yswd.remove() }
        let dry = try yswd.ok(
            ["contribution", "import", "GP", "survey.csv", "--create-themes", "--dry-run"] + Self.surveyOptions)
        #expect(dry.hasPrefix("Dry run, nothing written: would import 3 contributions from 3 rows"))
        #expect(
            try yswd.ok("contribution", "list", "GP", "--format", "csv")
                == "id,received,method,participant,themes,text\r\n")

        let firstRun = try yswd.run(
            ["contribution", "import", "GP", "survey.csv", "--create-themes"] + Self.surveyOptions)
        #expect(firstRun.stderr.isEmpty)  // no progress bar when stderr is not a terminal
        let first = firstRun.stdout
        #expect(
            first
                == "Imported 3 contributions from 3 rows; 3 blank cells skipped; 2 new participants; 1 new theme.\n"
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
    }

    @Test func windows1252IsConvertedWhenAsked() throws {
        let bytes = Data("Text\nCaf".utf8) + Data([0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]) + Data("\n".utf8)
        let yswd = try Self.prepared(["excel.csv": bytes])
        defer { yswd.remove() }
        let refused = try yswd.run(["contribution", "import", "GP", "excel.csv", "--text-column", "Text"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: line 2: the text is not valid UTF-8; if the file was saved from Excel, add --encoding windows-1252\n"
        )
        try yswd.ok("contribution", "import", "GP", "excel.csv", "--text-column", "Text", "--encoding", "windows-1252")
        #expect(try yswd.ok("contribution", "list", "GP").contains("Café “ok”"))
    }

    @Test func semicolonFilesWithABOMAndCRLF() throws {
        let text = "\u{FEFF}Id;Comment\r\n1;\"Parking; and more\"\r\n2;Buses\r\n"
        let yswd = try Self.prepared(["export.csv": Data(text.utf8)])
        defer { yswd.remove() }
        #expect(
            try yswd.ok(
                "contribution", "import", "GP", "export.csv", "--text-column", "Comment", "--id-column", "Id",
                "--delimiter", ";"
            )
            .hasPrefix("Imported 2 contributions"))
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
            "line 3, column When: '2026-02-30'"
        ),
        (
            "bad pattern date", "Text,When\nx,2026-01-01\n", ["--date-column", "When", "--date-format", "dd/MM/yyyy"],
            "in the form dd/MM/yyyy"
        ),
        (
            "bad method", "Text,How\nx,pigeon\n", ["--method-column", "How"],
            "line 2, column How: 'pigeon' is not a method"
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
            "bad yes/no", "Text,Who,Ok\nx,P1,perhaps\n",
            ["--participant-column", "Who", "--wants-feedback-column", "Ok"], "'perhaps' is not yes or no"
        ),
    ]

    @Test(arguments: badFiles)
    func aBadFileChangesNothing(name: String, content: String, extra: [String], mentions: String) throws {
        let yswd = try Self.prepared(["bad.csv": Data(content.utf8)])
        defer { yswd.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: yswd.database))
        let result = try yswd.run(["contribution", "import", "GP", "bad.csv", "--text-column", "Text"] + extra)
        #expect(result.status == 2, "\(name)")
        #expect(result.stderr.hasPrefix("error: "), "\(name)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(name): \(result.stderr)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: yswd.database)) == before, "\(name): the database file changed")
    }

    @Test func anUnknownActivityOrMissingFileChangesNothing() throws {
        let yswd = try Self.prepared(["ok.csv": Data("Text\nhello\n".utf8)])
        defer { yswd.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: yswd.database))
        let unknown = try yswd.run(["contribution", "import", "NOPE", "ok.csv", "--text-column", "Text"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no activity 'NOPE'"))
        let missing = try yswd.run(["contribution", "import", "GP", "nowhere.csv", "--text-column", "Text"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.csv cannot be read"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: yswd.database)) == before)
    }
}
