import FeedbackLoop
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2026-11-27", 2026, 11, 27),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("1999-12-31", 1999, 12, 31),
    ])
    func parsesRealDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try CalendarDate.parse(text, field: .entry("opens"))
        #expect(date == CalendarDate(year: year, month: month, day: day))
        #expect(date.description == text)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-04-31", "2023-02-29", "1900-02-29", "2026-00-10"])
    func refusesDaysThatDoNotExist(text: String) {
        #expect(throws: RecordError.invalidDate(field: .entry("closes"), value: text, realDateShape: true)) {
            try CalendarDate.parse(text, field: .entry("closes"))
        }
    }

    @Test(arguments: ["27/11/2026", "2026-1-5", "2026-11-27T10:00", "tomorrow", "", "２０２６-11-27", "2026-11-2a"])
    func refusesOtherShapes(text: String) {
        #expect(throws: RecordError.invalidDate(field: .entry("due"), value: text, realDateShape: false)) {
            try CalendarDate.parse(text, field: .entry("due"))
        }
    }

    @Test(arguments: [
        ("30/04/2027", 2027, 4, 30), ("5/1/2026", 2026, 1, 5), (" 2026-11-27 ", 2026, 11, 27),
        ("29/02/2028", 2028, 2, 29),
    ])
    func datesAsPeopleTypeThemAreReadTheUKWay(text: String, year: Int, month: Int, day: Int) throws {
        #expect(
            try CalendarDate.parseTyped(text, field: .entry("due")) == CalendarDate(year: year, month: month, day: day))
    }

    @Test(arguments: ["04/30/2027", "30/04/27", "30-04-2027", "1/2/3/2026", "３０/04/2027", "/04/2027"])
    func typedDatesInNeitherFormAreRefused(text: String) {
        #expect(throws: RecordError.self) { try CalendarDate.parseTyped(text, field: .entry("due")) }
    }

    @Test func messagesNameTheValueAndTheShape() {
        let error = RecordError.invalidDate(field: .entry("closes"), value: "2026-02-30", realDateShape: true)
        #expect(error.description == "--closes 2026-02-30 is not a real date; use YYYY-MM-DD or DD/MM/YYYY")
    }

    @Test(arguments: [
        ("2026-02-27", 2, "2026-03-01"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2026-12-31", 1, "2027-01-01"),
        ("2026-03-01", -1, "2026-02-28"),
        ("2026-01-01", 84, "2026-03-26"),
    ])
    func addsDaysAcrossMonthsAndYears(start: String, days: Int, expected: String) throws {
        let date = try CalendarDate.parse(start, field: "date")
        #expect(date.adding(days: days).description == expected)
        #expect(date.days(until: date.adding(days: days)) == days)
    }

    @Test func dayNumbersRoundTripAndOrder() throws {
        let epoch = try CalendarDate.parse("1970-01-01", field: "date")
        #expect(epoch.dayNumber == 0)
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
        #expect(try CalendarDate.parse("2026-01-31", field: "d") < CalendarDate.parse("2026-02-01", field: "d"))
    }

    @Test func theCalendarDateDependsOnTheTimeZone() throws {
        // 23:30 UTC on 30 June is already 1 July in London (BST).
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-06-30T23:30:00Z"))
        #expect(CalendarDate(instant, in: TimeZone(identifier: "UTC")!).description == "2026-06-30")
        #expect(CalendarDate(instant, in: TimeZone(identifier: "Europe/London")!).description == "2026-07-01")
    }

    @Test func encodesAsItsText() throws {
        let date = try CalendarDate.parse("2026-11-27", field: "d")
        let json = String(decoding: try JSONEncoder().encode([date]), as: UTF8.self)
        #expect(json == #"["2026-11-27"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: Data(json.utf8)) == [date])
    }
}
