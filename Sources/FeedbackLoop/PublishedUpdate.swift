import Foundation

/// A "you said, we did" update as recorded: the exact bytes published, never changed afterwards
/// except to remove an erased participant's quotes.
public struct PublishedUpdate: Sendable, Equatable {
    public var activityRef: String
    public var activityTitle: String
    public var service: String?
    /// Numbered from 1 within its activity.
    public var number: Int
    /// The day it was published.
    public var published: CalendarDate
    /// When it was recorded (UTC, ISO 8601).
    public var recordedAt: String
    /// The format's name (`html`, `md`, `easy-read`...).
    public var format: String
    public var channels: [FeedbackChannel]
    /// The SHA-256 of the bytes as first published, in hex; kept after a redaction.
    public var sha256: String
    public var bytes: Data
    /// The update's content as open data (JSON).
    public var data: Data
    /// When quotes were removed from it, if they were.
    public var redactedAt: String?
    /// The themes it reported, each with the answer it had.
    public var themes: [ReportedTheme]
    public var recordedBy: String
    /// Every rendition of it, its own format first: the same update as a web page, in easy read, in
    /// large print, in Welsh…; another format never replaces it. Where a language's rendition was
    /// published again (its translations changed), the newest; the earlier ones are kept in the store.
    public var renditions: [Rendition] = []

    /// The rendition in `format` (and `language`), if it was published in it.
    public func rendition(_ format: String, language: String = "en") -> Rendition? {
        renditions.first { $0.format == format && $0.language == language }
    }

    public init(
        activityRef: String, activityTitle: String, service: String?, number: Int, published: CalendarDate,
        recordedAt: String, format: String, channels: [FeedbackChannel], sha256: String, bytes: Data, data: Data,
        redactedAt: String?, themes: [ReportedTheme], recordedBy: String
    ) {
        self.activityRef = activityRef
        self.activityTitle = activityTitle
        self.service = service
        self.number = number
        self.published = published
        self.recordedAt = recordedAt
        self.format = format
        self.channels = channels
        self.sha256 = sha256
        self.bytes = bytes
        self.data = data
        self.redactedAt = redactedAt
        self.themes = themes
        self.recordedBy = recordedBy
    }
}

/// A theme as an update reported it.
public struct ReportedTheme: Sendable, Equatable, Codable {
    public var key: String
    public var said: String
    public var answer: ThemeAnswer
    /// The theme's answer in full as it stood (decisions and explanation), to tell a changed answer
    /// from an unchanged one.
    public var signature: String

    public init(key: String, said: String, answer: ThemeAnswer, signature: String = "") {
        self.key = key
        self.said = said
        self.answer = answer
        self.signature = signature
    }
}

/// One rendition of a published update: a format in a language, with the exact bytes published.
public struct Rendition: Sendable, Equatable {
    /// The format's name (`html`, `easy-read`, `large-print`…).
    public var format: String
    /// A BCP 47 language tag (`en`).
    public var language: String
    /// The SHA-256 of the bytes as first published, in hex; kept after a redaction.
    public var sha256: String
    public var bytes: Data
    /// When it was recorded (UTC, ISO 8601), and when quotes were removed from it, if they were.
    public var recordedAt: String
    public var redactedAt: String?
    /// 1, or 2, 3… for a rendition published again on the same update because its translations
    /// changed; an update's ``PublishedUpdate/renditions`` are the newest of each format and language.
    public var revision: Int

    public init(
        format: String, language: String = "en", sha256: String, bytes: Data, recordedAt: String,
        redactedAt: String? = nil, revision: Int = 1
    ) {
        self.format = format
        self.language = language
        self.revision = revision
        self.sha256 = sha256
        self.bytes = bytes
        self.recordedAt = recordedAt
        self.redactedAt = redactedAt
    }
}
