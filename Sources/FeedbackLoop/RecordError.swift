import Foundation

/// A value typed by a user that the record cannot accept. Each case reads as one plain-English
/// sentence naming the bad value and what was expected.
public enum RecordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A date that is not `YYYY-MM-DD`, or (`realDateShape`) is in that shape but does not exist.
    case invalidDate(option: String, value: String, realDateShape: Bool)
    case unknownValue(option: String, value: String, allowed: String)
    case emptyText(option: String)
    case closesBeforeOpens(opens: CalendarDate, closes: CalendarDate)
    case closesWithCadence
    case notPositive(option: String, value: Int)
    case invalidContributionSelection(String)
    case reversedRange(from: Int64, to: Int64)
    case unknownField(option: String, value: String, allowed: String)
    case invalidThemeResponse(String)
    case unknownSetting(key: String, allowed: String)
    case invalidNumberSetting(key: String, value: String, range: ClosedRange<Int>)
    case unknownTimeZone(String)
    case invalidIdentifier(option: String, value: String, problem: IdentifierProblem)
    case invalidEmail(option: String, value: String)
    case invalidPhone(option: String, value: String)
    case outOfRange(option: String, value: String, range: ClosedRange<Int>)
    /// The promised feedback date is before the activity closes (or opens).
    case feedbackBeforeClose(feedbackBy: CalendarDate, option: String, date: CalendarDate)
    case invalidWebAddress(option: String, value: String)
    case announcedAfterOpens(announced: CalendarDate, opens: CalendarDate)
    case tooLong(option: String, length: Int, limit: Int)

    public var description: String {
        switch self {
        case .invalidDate(let option, let value, true):
            return "\(option) \(value) is not a real date; use YYYY-MM-DD or DD/MM/YYYY"
        case .invalidDate(let option, let value, false):
            return "\(option) '\(value)' is not a date; use YYYY-MM-DD or DD/MM/YYYY, for example 2026-03-31"
                + " or 31/03/2026"
        case .unknownValue(let option, let value, let allowed):
            return "\(option) '\(value)' is not one of the allowed values: \(allowed)"
        case .emptyText(let option):
            return "\(option) cannot be empty; give some text"
        case .closesBeforeOpens(let opens, let closes):
            return "--closes \(closes) is before --opens \(opens); an activity must open before it closes"
        case .closesWithCadence:
            return
                "--closes and --cadence-weeks cannot both be given; an ongoing activity has a cadence instead of a close date"
        case .notPositive(let option, let value):
            return "\(option) \(value) must be a whole number of 1 or more"
        case .invalidContributionSelection(let text):
            return "contribution '\(text)' is not a contribution number or a range; use 12 or 12-40"
        case .reversedRange(let from, let to):
            return "contribution range \(from)-\(to) is reversed; put the lower number first (\(to)-\(from))"
        case .unknownField(let option, let value, let allowed):
            return "\(option) '\(value)' is not a field that can be cleared; use one of: \(allowed)"
        case .invalidThemeResponse(let text):
            return "--responds-to '\(text)' is not THEME, THEME:adopted or THEME:partly"
        case .unknownSetting(let key, let allowed):
            return "'\(key)' is not a setting; the settings are: \(allowed)"
        case .invalidNumberSetting(let key, let value, let range):
            return "\(key) '\(value)' must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .unknownTimeZone(let value):
            return "timezone '\(value)' is not a known time zone; use a name such as Europe/London"
        case .invalidIdentifier(let option, let value, let problem):
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            return "\(option) '\(shown)' \(problem.description); use letters, digits, '-', '_' and '.',"
                + " 1 to \(EntryRules.maxIdentifierLength) characters, starting with a letter or digit"
        case .invalidEmail(let option, let value):
            return "\(option) '\(value)' is not an email address; use the form name@example.org"
        case .invalidPhone(let option, let value):
            return "\(option) '\(value)' is not a phone number; use 7 to 15 digits, for example 024 7622 0381"
        case .outOfRange(let option, let value, let range):
            return
                "\(option) \(value) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .feedbackBeforeClose(let feedbackBy, let option, let date):
            return "--feedback-by \(feedbackBy) is before \(option) \(date); people can only hear back after they have"
                + " taken part"
        case .announcedAfterOpens(let announced, let opens):
            return
                "--announced \(announced) is after --opens \(opens); people are told about an activity before it opens"
        case .invalidWebAddress(let option, let value):
            return "\(option) '\(value)' is not a web address; use one like https://example.org/updates/"
        case .tooLong(let option, let length, let limit):
            return "\(option) is \(length) characters long; keep it to \(limit) characters or fewer"
        }
    }
}

/// Checks that a required text is not blank and returns it trimmed.
public func requireText(_ text: String, option: String) throws(RecordError) -> String {
    let trimmed = text.trimmed
    guard !trimmed.isEmpty else { throw .emptyText(option: option) }
    return trimmed
}

/// An optional field that `update --clear FIELD` can empty; its raw value is the option's name.
public protocol ClearableField: RawRepresentable, CaseIterable, Sendable where RawValue == String, AllCases == [Self] {}

extension ClearableField {
    /// Parses a `--clear` value.
    public static func parse(_ text: String) throws(RecordError) -> Self {
        guard let field = Self(rawValue: text.lowercased()) else {
            throw .unknownField(
                option: "--clear", value: text, allowed: allCases.map(\.rawValue).joined(separator: ", "))
        }
        return field
    }
}
