import Foundation

/// The team's settings: the numbers the loop rules use, the time zone "today" is read in, and
/// the texts published updates carry. Stored in the database; each has a default.
public struct TeamSettings: Sendable, Equatable, Codable {
    /// Weeks after the close date by which a response is due when none was promised.
    public var feedbackWeeks = 12
    /// Days before the due date from which a loop is "due soon".
    public var dueSoonDays = 14
    /// Days after the change that reopened a loop by which the new update is due.
    public var reopenDays = 28
    /// The shortest collection window principle 5 accepts.
    public var minWindowDays = 28
    /// The time zone in which "today" is decided (an IANA name).
    public var timeZone = "Europe/London"
    /// The organisation's name, as published.
    public var organisation: String?
    /// Where participants can ask questions, as published.
    public var publicContact: String?
    /// The team's postal address, printed as the sender's address on letters.
    public var postalAddress: String?
    /// The web address where the team's updates are published (the site's base URL), for links.
    public var publicURL: String?
    /// The key of the organisation new activities are recorded under when none is given.
    public var defaultOrganisation: String?
    /// Where the web app writes the public site when a publisher builds it (a folder on the server).
    public var siteFolder: String?
    /// Minutes without a request after which a web app session ends.
    public var sessionIdleMinutes = 30
    /// Hours after signing in after which a web app session ends, however busy.
    public var sessionHours = 12
    /// GOV.UK Notify's template ids, one per channel (its "sms" is a text message).
    public var notifyEmailTemplate: String?
    public var notifySMSTemplate: String?
    public var notifyLetterTemplate: String?
    /// Where Notify's API is: its public address unless tests or staging point elsewhere.
    public var notifyBaseURL = "https://api.notifications.service.gov.uk"
    /// Requests a minute yswd keeps under: Notify's limit is 3,000 a minute per key.
    public var notifyRateLimit = 3000
    /// The path of `yswd serve` Notify sends delivery receipts to.
    public var notifyCallbackPath = "/notify/delivery-receipts"
    /// The languages the team publishes in, the source language first (its texts are the ones
    /// translated). English alone unless set.
    public var languages: [LanguageTag] = [.english]
    /// Languages whose updates and follow-ups go out with the source language after them, whole
    /// (Welsh then English, as the Welsh Language Standards ask).
    public var bilingual: [LanguageTag] = []

    public init() {}

    /// The Notify template id set for a channel.
    public func notifyTemplate(_ channel: SendingChannel) -> String? {
        switch channel {
        case .email: notifyEmailTemplate
        case .text: notifySMSTemplate
        case .letter: notifyLetterTemplate
        }
    }

    /// A setting's name, as `yswd config set` takes it.
    public enum Key: String, CaseIterable, Sendable {
        case feedbackWeeks = "feedback-weeks"
        case dueSoonDays = "due-soon-days"
        case reopenDays = "reopen-days"
        case minWindowDays = "min-window-days"
        case timeZone = "timezone"
        case organisation
        case publicContact = "public-contact"
        case postalAddress = "postal-address"
        case publicURL = "public-url"
        case defaultOrganisation = "default-organisation"
        case sessionIdleMinutes = "session-idle-minutes"
        case sessionHours = "session-hours"
        case siteFolder = "site-folder"
        case notifyEmailTemplate = "notify-email-template"
        case notifySMSTemplate = "notify-sms-template"
        case notifyLetterTemplate = "notify-letter-template"
        case notifyBaseURL = "notify-base-url"
        case notifyRateLimit = "notify-rate-limit"
        case notifyCallbackPath = "notify-callback-path"
        case languages
        case bilingual

        /// The setting that holds a channel's template id.
        public static func notifyTemplate(_ channel: SendingChannel) -> Key {
            switch channel {
            case .email: .notifyEmailTemplate
            case .text: .notifySMSTemplate
            case .letter: .notifyLetterTemplate
            }
        }

        public static func parse(_ text: String) throws(RecordError) -> Key {
            guard let key = Key(rawValue: text.lowercased()) else {
                throw .unknownSetting(key: text, allowed: allCases.map(\.rawValue).joined(separator: ", "))
            }
            return key
        }
    }

    /// Sets a setting from the text a user typed, checking it.
    public mutating func set(_ key: Key, to text: String) throws(RecordError) {
        func number() throws(RecordError) -> Int {
            let trimmed = text.trimmed
            let range =
                switch key {
                case .feedbackWeeks: EntryRules.weeks
                case .sessionIdleMinutes: 5...480
                case .sessionHours: 1...72
                case .notifyRateLimit: 1...100_000
                default: EntryRules.days
                }
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalidNumberSetting(key: key.rawValue, value: text, range: range)
            }
            guard let value = Int(trimmed) else {
                throw .outOfRange(field: .setting(key.rawValue), value: trimmed, range: range)
            }
            return try EntryRules.number(value, field: .setting(key.rawValue), in: range)
        }
        switch key {
        case .feedbackWeeks: feedbackWeeks = try number()
        case .dueSoonDays: dueSoonDays = try number()
        case .reopenDays: reopenDays = try number()
        case .minWindowDays: minWindowDays = try number()
        case .sessionIdleMinutes: sessionIdleMinutes = try number()
        case .sessionHours: sessionHours = try number()
        case .notifyRateLimit: notifyRateLimit = try number()
        case .notifyEmailTemplate, .notifySMSTemplate, .notifyLetterTemplate:
            let id = text.trimmed.lowercased()
            guard UUID(uuidString: id) != nil else {
                throw .notExpected(
                    field: .setting(key.rawValue), value: text,
                    expected: "a Notify template id; copy it from the template's page in Notify (36 characters,"
                        + " like 8e222534-7f05-4972-86e3-17c5d9f894e2)")
            }
            switch key {
            case .notifyEmailTemplate: notifyEmailTemplate = id
            case .notifySMSTemplate: notifySMSTemplate = id
            default: notifyLetterTemplate = id
            }
        case .notifyBaseURL:
            let url = try requireText(text, field: .setting("notify-base-url"))
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false
            else { throw .invalidWebAddress(field: .setting("notify-base-url"), value: text) }
            notifyBaseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        case .notifyCallbackPath:
            let path = text.trimmed
            guard path.hasPrefix("/"), path.count > 1, !path.contains(" "), !path.contains("?") else {
                throw .notExpected(
                    field: .setting("notify-callback-path"), value: text,
                    expected: "a path on yswd serve's web address; use one like /notify/delivery-receipts")
            }
            notifyCallbackPath = path
        case .siteFolder:
            let folder = try requireText(text, field: .setting("site-folder"))
            guard folder.hasPrefix("/") else { throw .invalidFolder(field: .setting("site-folder"), value: text) }
            siteFolder = folder
        case .timeZone:
            guard TimeZone(identifier: text) != nil else { throw .unknownTimeZone(text) }
            timeZone = text
        case .organisation: organisation = try requireText(text, field: .setting("organisation"))
        case .publicContact: publicContact = try requireText(text, field: .setting("public-contact"))
        case .postalAddress: postalAddress = try requireText(text, field: .setting("postal-address"))
        case .publicURL:
            let url = try requireText(text, field: .setting("public-url"))
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false
            else { throw .invalidWebAddress(field: .setting("public-url"), value: text) }
            publicURL = url.hasSuffix("/") ? url : url + "/"
        case .defaultOrganisation:
            defaultOrganisation = try EntryRules.identifier(text, field: .setting("default-organisation"))
        case .languages: languages = try LanguageTag.list(text, field: .setting("languages"))
        case .bilingual:
            let tags = try LanguageTag.list(text, field: .setting("bilingual"))
            for tag in tags { try checkLanguage(tag, field: .setting("bilingual")) }
            bilingual = tags
        }
    }

    /// A setting's value as text, nil when a text setting is not set.
    public func value(of key: Key) -> String? {
        switch key {
        case .feedbackWeeks: String(feedbackWeeks)
        case .dueSoonDays: String(dueSoonDays)
        case .reopenDays: String(reopenDays)
        case .minWindowDays: String(minWindowDays)
        case .sessionIdleMinutes: String(sessionIdleMinutes)
        case .sessionHours: String(sessionHours)
        case .notifyEmailTemplate: notifyEmailTemplate
        case .notifySMSTemplate: notifySMSTemplate
        case .notifyLetterTemplate: notifyLetterTemplate
        case .notifyBaseURL: notifyBaseURL
        case .notifyRateLimit: String(notifyRateLimit)
        case .notifyCallbackPath: notifyCallbackPath
        case .siteFolder: siteFolder
        case .timeZone: timeZone
        case .organisation: organisation
        case .publicContact: publicContact
        case .postalAddress: postalAddress
        case .publicURL: publicURL
        case .defaultOrganisation: defaultOrganisation
        case .languages: languages.map(\.code).joined(separator: ",")
        case .bilingual: bilingual.isEmpty ? nil : bilingual.map(\.code).joined(separator: ",")
        }
    }

    /// The language the record's texts are written in: the first of ``languages``.
    public var sourceLanguage: LanguageTag { languages.first ?? .english }

    /// The languages texts are translated into: all but the source language.
    public var targetLanguages: [LanguageTag] { Array(languages.dropFirst()) }

    /// `language` as the team uses it: refused unless it is one of ``languages``.
    public func checkLanguage(_ language: LanguageTag, field: Field = .entry("language")) throws(RecordError) {
        guard languages.contains(language) else {
            throw .notExpected(
                field: field, value: language.code,
                expected: "one of the team's languages (\(languages.map(\.code).joined(separator: ", "))); add it with"
                    + " yswd config set languages \(languages.map(\.code).joined(separator: ",")),\(language.code)")
        }
    }

    /// Settings from stored values; a value that no longer passes its check keeps the default.
    public init(stored: [String: String]) {
        // The languages first: the bilingual setting is checked against them.
        let ordered = stored.sorted {
            ($0.key == "languages" ? 0 : 1, $0.key) < ($1.key == "languages" ? 0 : 1, $1.key)
        }
        for (name, value) in ordered {
            guard let key = Key(rawValue: name) else { continue }
            try? set(key, to: value)
        }
    }

    /// Today's date in the team's time zone.
    public func today(at instant: Date = Date()) -> CalendarDate {
        CalendarDate(instant, in: TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Europe/London") ?? .gmt)
    }
}
