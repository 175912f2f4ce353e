import FeedbackLoop
import Foundation

/// What an update says in words of its own: dates, statuses, reasons and methods, each through the
/// message catalogue (``t(_:_:)``), and the phone number in a public contact.
extension UpdateView {
    /// A date as people write it, in the catalogue's language: "3 March 2026".
    static func spoken(_ iso: String) -> String? {
        guard let date = try? CalendarDate.parse(iso, field: "date") else { return nil }
        return spoken(date)
    }

    static func spoken(_ date: CalendarDate) -> String {
        t(
            "{{day}} {{month}} {{year}}",
            ["day": String(date.day), "month": monthName(date.month), "year": String(date.year)])
    }

    static func monthName(_ month: Int) -> String {
        switch month {
        case 1: t("January")
        case 2: t("February")
        case 3: t("March")
        case 4: t("April")
        case 5: t("May")
        case 6: t("June")
        case 7: t("July")
        case 8: t("August")
        case 9: t("September")
        case 10: t("October")
        case 11: t("November")
        default: t("December")
        }
    }

    /// The first UK phone number in a text, as written.
    static func phoneNumber(_ text: String) -> String? {
        PrivacyGuard.phoneNumbers(in: text).first
    }

    static func statusText(_ status: String) -> String {
        switch DeliveryStatus(rawValue: status) {
        case .planned?: t("planned")
        case .inProgress?: t("in progress")
        case .done?: t("done")
        case .dropped?: t("stopped")
        case nil: status
        }
    }

    /// A reason category as a short label, shown as "Reason: …"; `other` has none.
    static func reasonLabel(_ reason: String) -> String? {
        switch ReasonCategory(rawValue: reason) {
        case .outsideControl?: t("outside our control")
        case .cost?: t("cost")
        case .legal?: t("the law or regulations")
        case .clinicalSafety?: t("clinical safety")
        case .conflictingViews?: t("people told us different things")
        case .other?, nil: nil
        }
    }

    static func methodName(_ method: String) -> String {
        switch EngagementMethod(rawValue: method) {
        case .survey?: t("survey")
        case .focusGroup?: t("focus groups")
        case .interview?: t("interviews")
        case .dropIn?: t("drop-in sessions")
        case .outreach?: t("outreach")
        case .online?: t("online")
        case .publicMeeting?: t("public meetings")
        case .other?: t("other ways")
        case nil: t("not recorded")
        }
    }

    /// The text ending as a sentence does, so another sentence can follow it.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // A language mark's closing code point is not the sentence's last character.
        let last = trimmed.unicodeScalars.last { !Escape.isMarker($0) }
        // Full stops: Latin, Urdu (۔), Arabic question mark (؟), Devanagari and Bengali (।).
        guard let last, !".!?…۔؟।".unicodeScalars.contains(last) else { return trimmed }
        return trimmed + "."
    }
}
