import FeedbackLoop
import Testing

@Suite struct ActivityTests {
    private func date(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, field: "d") }

    private func activity(
        title: String = "Getting a GP appointment", opens: String? = nil, closes: String? = nil, cadence: Int? = nil
    ) -> Activity {
        Activity(
            ref: "GP-ACCESS", title: title, purpose: "Understand booking", canInfluence: "The booking line",
            level: .consult, opens: opens.map(date), closes: closes.map(date), cadenceWeeks: cadence)
    }

    @Test func aCompleteActivityIsValid() throws {
        try activity(opens: "2026-01-05", closes: "2026-02-27").validate()
        try activity(opens: "2026-01-05", closes: "2026-01-05").validate()
        try activity(opens: "2026-01-05", cadence: 8).validate()
    }

    @Test func closingBeforeOpeningIsRefused() {
        #expect(throws: RecordError.closesBeforeOpens(opens: date("2026-03-01"), closes: date("2026-02-01"))) {
            try activity(opens: "2026-03-01", closes: "2026-02-01").validate()
        }
    }

    @Test func anErrorNamesItsFieldSoEachFrontDoorCanNameItItsOwnWay() throws {
        var late = activity(opens: "2026-01-05", closes: "2026-02-27")
        late.feedbackBy = date("2026-02-01")
        let error = try #require(throws: RecordError.self) { try late.validate() }
        #expect(error.field == .entry("feedback-by"))
        #expect(error.description.hasPrefix("--feedback-by 2026-02-01 is before --closes 2026-02-27;"))
        let labels: [String: String] = ["feedback-by": "Feedback by", "closes": "Closing date"]
        #expect(
            error.message { labels[$0.name] ?? $0.name }
                .hasPrefix("Feedback by 2026-02-01 is before Closing date 2026-02-27;"))
        let blank = try #require(throws: RecordError.self) { try activity(title: " ").validate() }
        #expect(
            blank.field == .entry("title") && blank.message { _ in "Title" } == "Title cannot be empty; give some text")
    }

    @Test func aCloseDateAndACadenceAreRefusedTogether() {
        #expect(throws: RecordError.closesWithCadence) { try activity(closes: "2026-02-01", cadence: 4).validate() }
    }

    @Test(arguments: [0, -1, 521, Int.max])
    func aCadenceMustBeBetweenOneAndFiveHundredTwentyWeeks(weeks: Int) {
        #expect(throws: RecordError.outOfRange(field: .entry("cadence-weeks"), value: String(weeks), range: 1...520)) {
            try activity(cadence: weeks).validate()
        }
    }

    @Test(arguments: ["", "   ", "\n"])
    func aBlankTitleIsRefused(title: String) {
        #expect(throws: RecordError.emptyText(field: .entry("title"))) { try activity(title: title).validate() }
    }

    @Test func clearingAFieldEmptiesIt() throws {
        var value = activity(opens: "2026-01-05", closes: "2026-02-27")
        value.partners = ["Healthwatch"]
        try ActivityField.parse("partner").clear(in: &value)
        try ActivityField.parse("closes").clear(in: &value)
        #expect(value.partners.isEmpty)
        #expect(value.closes == nil)
        #expect(throws: RecordError.self) { try ActivityField.parse("title") }
    }
}
