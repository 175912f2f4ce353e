import FeedbackLoop
import FeedbackLoopImport
import Foundation
import Testing

@Suite struct ContributionRowsTests {
    private func rows(_ text: String, _ columns: ContributionColumns) throws -> [ImportedRow] {
        var stream = try ContributionRows(
            reader: CSVReader(data: Data(text.utf8)), columns: columns, fileHash: "abcdef0123456789",
            fileSize: text.utf8.count)
        var result: [ImportedRow] = []
        while let row = try stream.next() { result.append(row) }
        return result
    }

    private let survey = """
        Response ID,Submitted,Better,Else,Who,Email,Informed,Quote,How
        R1,05/01/2026 09:30,Phones are busy,,P1,p1@example.org,Yes,n,online
        R2,2026-01-06,"Booking, online",More GPs,P2,,TRUE,1,drop-in
        R3,2026-01-07T10:15:00,,,,,,,survey

        """

    @Test func eachTextColumnIsAContributionAndBlankCellsAreCounted() throws {
        let columns = ContributionColumns(
            text: ["Better", "Else"], id: "Response ID", date: "Submitted", methodColumn: "How", participant: "Who",
            email: "Email", wantsFeedback: "Informed", mayQuote: "Quote")
        let parsed = try rows(survey, columns)
        #expect(parsed.map(\.line) == [2, 3, 4])
        #expect(parsed.map(\.contributions.count) == [1, 2, 0])
        #expect(parsed.map(\.blankCells) == [1, 0, 2])
        let second = parsed[1]
        #expect(second.contributions.map(\.text) == ["Booking, online", "More GPs"])
        #expect(second.contributions.map(\.column) == ["Better", "Else"])
        #expect(second.contributions.allSatisfy { $0.sourceId == "R2" && $0.method == .dropIn })
        #expect(second.contributions.first?.received == CalendarDate(year: 2026, month: 1, day: 6))
        #expect(parsed[0].contributions.first?.received == CalendarDate(year: 2026, month: 1, day: 5))
        #expect(
            parsed[0].participant
                == ImportedParticipant(ref: "P1", email: "p1@example.org", wantsFeedback: true, mayQuote: false))
        #expect(second.participant == ImportedParticipant(ref: "P2", wantsFeedback: true, mayQuote: true))
        #expect(parsed[2].participant == nil)
    }

    @Test func withoutAnIdColumnTheFileHashAndRowIdentifyEachAnswer() throws {
        let parsed = try rows(survey, ContributionColumns(text: ["Better"]))
        #expect(
            parsed.flatMap(\.contributions).map(\.sourceId) == ["file abcdef012345 row 1", "file abcdef012345 row 2"])
    }

    @Test(arguments: [
        ("dd/MM/yyyy HH:mm", "05/01/2026 09:30", "2026-01-05"),
        ("MM/dd/yy", "01/05/26", "2026-01-05"),
        ("d MMMM yyyy", "5 January 2026", "2026-01-05"),
    ])
    func datePatterns(pattern: String, value: String, expected: String) throws {
        let parsed = try rows(
            "Text,When\nhello,\(value)\n", ContributionColumns(text: ["Text"], date: "When", datePattern: pattern))
        #expect(parsed.first?.contributions.first?.received?.description == expected)
    }

    @Test func themesAreSplitOnSemicolons() throws {
        let parsed = try rows(
            "Text,Themes\nhello,\"phones; parking;;\"\n", ContributionColumns(text: ["Text"], themes: "Themes"))
        #expect(parsed.first?.themes == ["phones", "parking"])
    }

    @Test(arguments: [
        ("", ContributionColumns(text: ["Text"]), ImportError.emptyFile),
        ("Text,When\n", ContributionColumns(text: ["Text"]), .noRows),
        (
            "Text,When\nx,y\n", ContributionColumns(text: ["Answer"]),
            .missingColumn(name: "Answer", found: ["Text", "When"])
        ),
        ("Text,Text\nx,y\n", ContributionColumns(text: ["Text"]), .duplicateHeader(name: "Text")),
    ])
    func badFilesAreRefused(text: String, columns: ContributionColumns, error: ImportError) {
        #expect(throws: error) { try rows(text, columns) }
    }

    @Test(arguments: [
        (
            "Text,When\nx,y,z\n", ContributionColumns(text: ["Text"]), 2, nil, nil,
            "the row has 3 fields but the header has 2"
        ),
        (
            "Text,When\nx,2026-01-01\ny,31/02/2026\n", ContributionColumns(text: ["Text"], date: "When"), 3, "When",
            "31/02/2026", "‘31/02/2026’ is not a date in the form YYYY-MM-DD or DD/MM/YYYY (a time after it is allowed)"
        ),
        (
            "Text,How\nx,carrier pigeon\n", ContributionColumns(text: ["Text"], methodColumn: "How"), 2, "How",
            "carrier pigeon", "‘carrier pigeon’ is not one of yswd’s methods"
        ),
        (
            "Text,Who,Ok\nx,P1,maybe\n", ContributionColumns(text: ["Text"], participant: "Who", wantsFeedback: "Ok"),
            2,
            "Ok", "maybe", "‘maybe’ is not yes or no"
        ),
        ("Id,Text\n,x\n", ContributionColumns(text: ["Text"], id: "Id"), 2, "Id", nil, "the id is empty"),
    ])
    func badValuesAreNamedWithTheirLineColumnAndValue(
        text: String, columns: ContributionColumns, line: Int, column: String?, value: String?, why: String
    ) throws {
        let error = try #require(throws: InvalidRows.self) { try rows(text, columns) }
        let problem = try #require(error.problems.first)
        #expect(error.problems.count == 1)
        #expect(problem.line == line)
        #expect(problem.column == column)
        #expect(problem.value == value)
        #expect(problem.why.hasPrefix(why), "\(problem.why)")
    }

    @Test func everyBadValueOfARowIsNamedAndTheStreamGoesOn() throws {
        var stream = try ContributionRows(
            reader: CSVReader(
                data: Data("Text,How,When,Email\nx,Carrier pigeon,32/01/2026,not-an-email\ny,survey,,\n".utf8)),
            columns: ContributionColumns(text: ["Text"], date: "When", methodColumn: "How", email: "Email"),
            fileHash: "ab", fileSize: 10)
        let error = try #require(throws: InvalidRows.self) { try stream.next() }
        #expect(error.problems.map(\.column) == ["How", "When", "Email"])
        #expect(try stream.next()?.contributions.map(\.text) == ["y"])
    }

    @Test func aMethodMapReadsTheSurveyToolsOwnWords() throws {
        let parsed = try rows(
            "Text,How\nx,Online survey\ny,PAPER\nz,drop-in\n",
            ContributionColumns(
                text: ["Text"], methodColumn: "How", methodMap: ["online  Survey": .online, "Paper": .survey]))
        #expect(parsed.flatMap(\.contributions).map(\.method) == [.online, .survey, .dropIn])
    }

    @Test func contactDetailsWithoutAReferenceMakeAPersonOfTheirOwn() throws {
        let parsed = try rows(
            "Text,Email,Phone\nx,Jo@Example.org,\ny,,07700 900123\nz,,\n",
            ContributionColumns(text: ["Text"], email: "Email", phone: "Phone", contactMeansWantsFeedback: true))
        #expect(
            parsed.map(\.participant) == [
                ImportedParticipant(ref: nil, email: "Jo@Example.org", wantsFeedback: true),
                ImportedParticipant(ref: nil, phone: "07700 900123", wantsFeedback: true), nil,
            ])
    }

    @Test(arguments: [
        (["2026-01-05", "2026-12-31 10:00"], "yyyy-MM-dd"), (["05/01/2026", "31/12/2026 9:30"], "dd/MM/yyyy"),
        (["01/05/2026", "12/31/2026"], "MM/dd/yyyy"), (["05.01.2026"], "dd.MM.yyyy"),
        (["yesterday"], nil), ([String](), nil),
    ])
    func theDateFormIsFoundFromTheValues(values: [String], pattern: String?) {
        #expect(DateReader.detect(values) == pattern)
    }
}
