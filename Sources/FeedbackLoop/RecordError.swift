import Foundation

/// A value typed by a user that the record cannot accept. Each case reads as one plain-English
/// sentence naming the bad value and what was expected.
public enum RecordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A date that is not `YYYY-MM-DD`, or (`realDateShape`) is in that shape but does not exist.
    case invalidDate(field: Field, value: String, realDateShape: Bool)
    case unknownValue(field: Field, value: String, allowed: String)
    case emptyText(field: Field)
    case closesBeforeOpens(opens: CalendarDate, closes: CalendarDate)
    case closesWithCadence
    case notPositive(field: Field, value: Int)
    case invalidContributionSelection(String)
    case reversedRange(from: Int64, to: Int64)
    case unknownField(field: Field, value: String, allowed: String)
    case invalidThemeResponse(String)
    case unknownSetting(key: String, allowed: String)
    case invalidNumberSetting(key: String, value: String, range: ClosedRange<Int>)
    case unknownTimeZone(String)
    case invalidIdentifier(field: Field, value: String, problem: IdentifierProblem)
    case invalidEmail(field: Field, value: String)
    case invalidPhone(field: Field, value: String)
    case outOfRange(field: Field, value: String, range: ClosedRange<Int>)
    /// The promised feedback date is before the activity closes (or opens).
    case feedbackBeforeClose(feedbackBy: CalendarDate, field: Field, date: CalendarDate)
    case invalidWebAddress(field: Field, value: String)
    case announcedAfterOpens(announced: CalendarDate, opens: CalendarDate)
    case tooLong(field: Field, length: Int, limit: Int)
    /// A folder that is not a full path.
    case invalidFolder(field: Field, value: String)
    /// A new password that is too short, too long or too common; the text says which.
    case weakPassword(String)
    /// A postal address with more lines than a letter's window holds.
    case addressTooLong(field: Field, lines: Int)
    /// A postal address GOV.UK Notify would not print a letter to; `problem` says which rule it breaks.
    case addressRefused(field: Field, problem: String)
    /// A value that is not what the field takes; `expected` says what it does.
    case notExpected(field: Field, value: String, expected: String)
    /// A number that cannot take text messages, for someone who prefers them.
    case notMobile(field: Field, value: String)
    /// A decision marked done whose text still promises ("We will …").
    case doneStillPromised(decision: String, text: String)

    public var description: String { message(naming: \.flag) }

    /// The field the bad value was given for, when there is one.
    public var field: Field? {
        switch self {
        case .invalidDate(let field, _, _), .unknownValue(let field, _, _), .emptyText(let field),
            .notPositive(let field, _), .unknownField(let field, _, _), .invalidIdentifier(let field, _, _),
            .invalidEmail(let field, _), .invalidPhone(let field, _), .outOfRange(let field, _, _),
            .invalidWebAddress(let field, _), .tooLong(let field, _, _), .invalidFolder(let field, _),
            .addressTooLong(let field, _), .addressRefused(let field, _), .notMobile(let field, _),
            .notExpected(let field, _, _):
            field
        case .closesBeforeOpens, .closesWithCadence: .entry("closes")
        case .invalidContributionSelection, .reversedRange: .entry("contribution")
        case .invalidThemeResponse: .entry("responds-to")
        case .unknownSetting: .argument("KEY")
        case .invalidNumberSetting(let key, _, _): .setting(key)
        case .unknownTimeZone: .setting("timezone")
        case .feedbackBeforeClose: .entry("feedback-by")
        case .announcedAfterOpens: .entry("announced")
        case .weakPassword: .entry("password")
        case .doneStillPromised: .entry("text")
        }
    }

    /// The sentence, with each field named as `name` names it: `\.flag` on the command line,
    /// a form's label in the web app.
    public func message(naming name: (Field) -> String) -> String {
        let option = field.map(name) ?? ""
        switch self {
        case .invalidDate(_, let value, true):
            return "\(option) \(value) is not a real date; use YYYY-MM-DD or DD/MM/YYYY"
        case .invalidDate(_, let value, false):
            return "\(option) '\(value)' is not a date; use YYYY-MM-DD or DD/MM/YYYY, for example 2026-03-31"
                + " or 31/03/2026"
        case .unknownValue(_, let value, let allowed):
            return "\(option) '\(value)' is not one of the allowed values: \(allowed)"
        case .emptyText:
            return "\(option) cannot be empty; give some text"
        case .closesBeforeOpens(let opens, let closes):
            return
                "\(name(.entry("closes"))) \(closes) is before \(name(.entry("opens"))) \(opens); an activity must open before it closes"
        case .closesWithCadence:
            return
                "\(name(.entry("closes"))) and \(name(.entry("cadence-weeks"))) cannot both be given; an ongoing activity has a cadence instead of a close date"
        case .notPositive(_, let value):
            return "\(option) \(value) must be a whole number of 1 or more"
        case .invalidContributionSelection(let text):
            return "contribution '\(text)' is not a contribution number or a range; use 12 or 12-40"
        case .reversedRange(let from, let to):
            return "contribution range \(from)-\(to) is reversed; put the lower number first (\(to)-\(from))"
        case .unknownField(_, let value, let allowed):
            return "\(option) '\(value)' is not a field that can be cleared; use one of: \(allowed)"
        case .invalidThemeResponse(let text):
            return "\(option) '\(text)' is not THEME, THEME:adopted or THEME:partly"
        case .unknownSetting(let key, let allowed):
            return "'\(key)' is not a setting; the settings are: \(allowed)"
        case .invalidNumberSetting(let key, let value, let range):
            return "\(key) '\(value)' must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .unknownTimeZone(let value):
            return "timezone '\(value)' is not a known time zone; use a name such as Europe/London"
        case .invalidIdentifier(_, let value, let problem):
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            return "\(option) '\(shown)' \(problem.description); use letters, digits, '-', '_' and '.',"
                + " 1 to \(EntryRules.maxIdentifierLength) characters, starting with a letter or digit"
        case .invalidEmail(_, let value):
            return "\(option) '\(value)' is not an email address; use the form name@example.org"
        case .invalidPhone(_, let value):
            return "\(option) '\(value)' is not a phone number; use 7 to 15 digits, for example 024 7622 0381"
        case .outOfRange(_, let value, let range):
            return
                "\(option) \(value) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .feedbackBeforeClose(let feedbackBy, let other, let date):
            return "\(option) \(feedbackBy) is before \(name(other)) \(date); people can only hear back after they have"
                + " taken part"
        case .announcedAfterOpens(let announced, let opens):
            return
                "\(option) \(announced) is after \(name(.entry("opens"))) \(opens); people are told about an activity before it opens"
        case .invalidWebAddress(_, let value):
            return "\(option) '\(value)' is not a web address; use one like https://example.org/updates/"
        case .tooLong(_, let length, let limit):
            return "\(option) is \(length) characters long; keep it to \(limit) characters or fewer"
        case .weakPassword(let why):
            return "that password cannot be used: \(why)"
        case .addressTooLong(_, let lines):
            return "\(option) has \(lines) lines; a letter's address can have at most \(PostalAddress.maxLines), with"
                + " the name above them, to fit an envelope's window: join some lines, such as the town and postcode"
        case .addressRefused(_, let problem):
            return "\(option) cannot be used for letters: \(problem)"
        case .notExpected(_, let value, let expected):
            return "\(option) '\(value)' is not \(expected)"
        case .notMobile(_, let value):
            return "\(option) '\(value)' cannot receive text messages; for someone who prefers text, give a UK mobile"
                + " number (07…) or an international number starting with + and the country code"
        case .doneStillPromised(let decision, let text):
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "decision \(decision) is marked done, but its text still says \"\(shown)\"; give what was done"
                + " with \(option), for example \"We put screens in every clinic\""

        case .invalidFolder(_, let value):
            return
                "\(option) '\(value)' is not a full path to a folder; give one that starts with /, such as /srv/yswd/site"
        }
    }
}

/// Checks that a required text is not blank and returns it trimmed.
public func requireText(_ text: String, field: Field) throws(RecordError) -> String {
    let trimmed = text.trimmed
    guard !trimmed.isEmpty else { throw .emptyText(field: field) }
    return trimmed
}

/// An optional field that `update --clear FIELD` can empty; its raw value is the option's name.
public protocol ClearableField: RawRepresentable, CaseIterable, Sendable where RawValue == String, AllCases == [Self] {}

extension ClearableField {
    /// Parses a `--clear` value.
    public static func parse(_ text: String) throws(RecordError) -> Self {
        guard let field = Self(rawValue: text.lowercased()) else {
            throw .unknownField(
                field: .entry("clear"), value: text, allowed: allCases.map(\.rawValue).joined(separator: ", "))
        }
        return field
    }
}
