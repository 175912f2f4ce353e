import FeedbackLoop
import Foundation
import Testing

@Suite struct SettingsTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let settings = TeamSettings()
        #expect(
            TeamSettings.Key.allCases.map { settings.value(of: $0) } == [
                "12", "14", "28", "28", "Europe/London", nil, nil, nil, nil, nil, "30", "12", nil, nil, nil, nil,
                "https://api.notifications.service.gov.uk", "3000", "/notify/delivery-receipts", "en", nil,
            ])
    }

    @Test(arguments: [
        ("feedback-weeks", "8"), ("due-soon-days", "0"), ("reopen-days", "35"), ("min-window-days", "42"),
        ("timezone", "America/New_York"), ("organisation", "Coventry ICB"), ("public-contact", "engage@example.nhs.uk"),
    ])
    func acceptsGoodValues(key: String, value: String) throws {
        var settings = TeamSettings()
        try settings.set(TeamSettings.Key.parse(key), to: value)
        #expect(settings.value(of: try TeamSettings.Key.parse(key)) == value)
    }

    @Test(arguments: [
        ("feedback-weeks", "-1", RecordError.invalidNumberSetting(key: "feedback-weeks", value: "-1", range: 1...520)),
        ("due-soon-days", "1.5", .invalidNumberSetting(key: "due-soon-days", value: "1.5", range: 0...3650)),
        ("reopen-days", "four", .invalidNumberSetting(key: "reopen-days", value: "four", range: 0...3650)),
        ("feedback-weeks", "0", .outOfRange(field: .setting("feedback-weeks"), value: "0", range: 1...520)),
        ("timezone", "Mars/Olympus", .unknownTimeZone("Mars/Olympus")),
        ("organisation", " ", .emptyText(field: .setting("organisation"))),
    ])
    func refusesBadValues(key: String, value: String, error: RecordError) throws {
        var settings = TeamSettings()
        let parsed = try TeamSettings.Key.parse(key)
        #expect(throws: error) { try settings.set(parsed, to: value) }
    }

    @Test func anUnknownKeyListsTheSettings() {
        #expect(throws: RecordError.self) { try TeamSettings.Key.parse("colour") }
        let message = RecordError.unknownSetting(key: "colour", allowed: "a, b").description
        #expect(message == "'colour' is not a setting; the settings are: a, b")
    }

    @Test(arguments: [
        // 23:30 UTC on 31 March 2026 is already 1 April in London (BST) but not in UTC or New York.
        ("Europe/London", "2026-04-01"), ("UTC", "2026-03-31"), ("America/New_York", "2026-03-31"),
        ("Asia/Tokyo", "2026-04-01"),
    ])
    func todayIsTheDateInTheTeamsTimeZone(zone: String, expected: String) throws {
        var settings = TeamSettings()
        try settings.set(.timeZone, to: zone)
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-03-31T23:30:00Z"))
        #expect(settings.today(at: instant).description == expected)
    }

    @Test func storedValuesOverTheDefaults() {
        let settings = TeamSettings(stored: ["due-soon-days": "21", "timezone": "UTC", "unknown": "x"])
        #expect(settings.dueSoonDays == 21)
        #expect(settings.timeZone == "UTC")
        #expect(settings.feedbackWeeks == 12)
    }
}
