import FeedbackLoop
import Testing

@Suite struct SelectionTests {
    @Test(arguments: [
        ("12", ContributionSelection.single(12)),
        ("12-40", .range(from: 12, to: 40)),
        ("7-7", .range(from: 7, to: 7)),
    ])
    func parsesNumbersAndRanges(text: String, expected: ContributionSelection) throws {
        #expect(try ContributionSelection.parse(text) == expected)
    }

    @Test func aReversedRangeIsRefusedWithTheFix() {
        #expect(throws: RecordError.reversedRange(from: 40, to: 12)) { try ContributionSelection.parse("40-12") }
        #expect(RecordError.reversedRange(from: 40, to: 12).description.contains("(12-40)"))
    }

    @Test(arguments: ["", "x", "12-", "-5", "1-2-3", "12 - 40", "1.5"])
    func refusesWhatIsNotANumberOrRange(text: String) {
        #expect(throws: RecordError.invalidContributionSelection(text)) { try ContributionSelection.parse(text) }
    }

    @Test(arguments: [
        ("phone-queue", ThemeResponse(theme: "phone-queue", outcome: .adopted)),
        ("phone-queue:adopted", ThemeResponse(theme: "phone-queue", outcome: .adopted)),
        ("parking:partly", ThemeResponse(theme: "parking", outcome: .partly)),
    ])
    func parsesThemeResponses(text: String, expected: ThemeResponse) throws {
        #expect(try ThemeResponse.parse(text) == expected)
    }

    @Test func anUnknownOutcomeListsTheAllowedOnes() {
        #expect(
            throws: RecordError.unknownValue(
                field: .entry("responds-to"), value: "mostly", allowed: "adopted, partly")
        ) {
            try ThemeResponse.parse("parking:mostly")
        }
        #expect(throws: RecordError.invalidThemeResponse(":adopted")) { try ThemeResponse.parse(":adopted") }
    }
}
