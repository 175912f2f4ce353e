import Foundation

/// Everything a participant-facing "you said, we did" update of one activity is made from, read in
/// one go by the store and handed to a renderer, which needs no database.
///
/// It carries no contact details and no participant refs: quotes name only the participant's
/// internal number, so erasure can find them later.
public struct UpdateSnapshot: Sendable, Equatable, Codable {
    public var record: ActivityRecord
    /// The organisation's name, from the team settings.
    public var organisation: String?
    /// Where to ask questions: the activity's own public contact, or the team's.
    public var publicContact: String?
    /// Distinct identified participants with at least one in-scope view.
    public var people: Int
    /// In-scope contributions: the views reported (out-of-scope ones are not views).
    public var views: Int = 0
    /// In-scope views with no participant (table notes, anonymous forms): views, not people.
    public var anonymous: Int = 0
    /// In-scope views by method; `unrecorded` when no method was recorded.
    public var viewsByMethod: [String: Int] = [:]
    /// When the answers are due (the promised feedback date, or the close date plus
    /// `feedback-weeks`; for an ongoing activity, the next update), for themes not yet answered.
    public var answersDue: CalendarDate?
    /// Names of staff recorded against the activity (its lead, who made each decision): never to be
    /// named in what is published, so looked for by the privacy guard.
    public var staffNames: [String] = []
    /// The team's postal address, for letters.
    public var postalAddress: String?
    /// Where the team's published updates live on the web, for links in emails.
    public var publicURL: String?
    /// The day the update is made, in the team's time zone.
    public var asOf: CalendarDate
    /// Quotes chosen by a person (or, with automatic quotes, the earliest) from participants who
    /// agreed to be quoted, by theme key.
    public var quotes: [String: [Quote]]
    /// Each theme's answer as it stands, in a form that changes whenever the answer does, by theme key.
    public var answerSignatures: [String: String]
    /// The latest recorded update, which this one says what has changed since.
    public var previous: PreviousUpdate?
    /// Why answers changed since the previous update, as recorded with each change (oldest first).
    public var changeReasons: [ChangeReason] = []
    /// The refs of the activity's participants, and each form of every recorded participant's name
    /// and postal address that could appear in the texts: never rendered, only looked for by the
    /// privacy guard in the texts to be published.
    public var privateTerms: [String] = []
    /// Translations to be published with it (`cy: title` → the Welsh title): the privacy guard reads
    /// them as it reads the record's own texts.
    public var translatedTexts: [LocatedText] = []
    /// The name of every member of staff on record (accounts, leads of any activity, who made any
    /// decision) that could appear in the texts: looked for by the privacy guard in each of its forms.
    public var allStaffNames: [String] = []

    public init(
        record: ActivityRecord, organisation: String? = nil, publicContact: String? = nil, people: Int = 0,
        asOf: CalendarDate,
        quotes: [String: [Quote]] = [:], answerSignatures: [String: String] = [:]
    ) {
        self.record = record
        self.organisation = organisation
        self.publicContact = publicContact
        self.people = people
        self.asOf = asOf
        self.quotes = quotes
        self.answerSignatures = answerSignatures
    }

    public var activity: Activity { record.activity }

    /// The decisions by key, for their impact and status.
    public func decision(_ key: String) -> Decision? { record.decisions.first { $0.key == key } }

    /// Commitments still to be delivered, soonest first: what happens next.
    public var nextSteps: [Decision] {
        record.decisions.filter { $0.status == .planned || $0.status == .inProgress }
            .sorted { ($0.due ?? .distantFuture, $0.key) < ($1.due ?? .distantFuture, $1.key) }
    }

    /// For an ongoing activity, when the next update is due.
    public var nextUpdate: CalendarDate? {
        record.activity.cadenceWeeks.map { asOf.adding(days: $0 * 7) }
    }
}

/// A recorded update, as a later one compares itself with it.
public struct PreviousUpdate: Sendable, Equatable, Codable {
    public var number: Int
    public var published: CalendarDate
    /// When it was recorded (UTC, as history records times): changes after it are changes since it.
    public var recordedAt: String
    /// Its open data (the JSON of what it said), to compare answers with.
    public var data: Data

    public init(number: Int, published: CalendarDate, recordedAt: String, data: Data) {
        self.number = number
        self.published = published
        self.recordedAt = recordedAt
        self.data = data
    }
}

/// Why a theme's answer changed, in words for the public, as given with `--reason`.
public struct ChangeReason: Sendable, Equatable, Codable {
    /// The theme's key.
    public var theme: String
    /// What changed: `theme`, `explanation`, `links`, or `decision KEY`.
    public var subject: String
    public var reason: String
    /// When (UTC, as history records times).
    public var at: String
    public var actor: String
    /// What the change it was given for changed in its subject: field names as history records them
    /// (`due`, `text`, `status`, `easyRead`, `why`, …), `added` or `removed`. Absent when not known.
    public var changed: [String]?

    public init(theme: String, subject: String, reason: String, at: String, actor: String, changed: [String]? = nil) {
        self.theme = theme
        self.subject = subject
        self.reason = reason
        self.at = at
        self.actor = actor
        self.changed = changed
    }
}

/// Words a participant agreed to have quoted.
public struct Quote: Sendable, Equatable, Codable {
    /// The contribution quoted.
    public var contributionId: Int64
    /// Who said it (the store's number, never shown), so erasure can remove it from stored updates.
    public var participantId: Int64
    public var text: String
    /// The language it was said in, when recorded (nil: the team's source language).
    public var language: String?

    public init(contributionId: Int64, participantId: Int64, text: String, language: String? = nil) {
        self.contributionId = contributionId
        self.participantId = participantId
        self.text = text
        self.language = language
    }
}

extension CalendarDate {
    /// A date after any real one, for sorting undated items last.
    public static let distantFuture = CalendarDate(validYear: 9999, month: 12, day: 31)
}

/// A quote as it appears in a publication, escaped for its format, with the text that replaces it
/// if the participant who said it is erased.
public struct QuotePlacement: Sendable, Equatable, Codable {
    /// Whether it sits in the open data kept with the update rather than the published bytes.
    public var inData: Bool
    public var participantId: Int64
    public var contributionId: Int64
    /// The quote as escaped in the publication.
    public var published: String
    /// What replaces it, escaped the same way.
    public var redacted: String

    public init(inData: Bool, participantId: Int64, contributionId: Int64, published: String, redacted: String) {
        self.inData = inData
        self.participantId = participantId
        self.contributionId = contributionId
        self.published = published
        self.redacted = redacted
    }
}

/// A text and where it comes from, for the privacy guard's findings.
public struct LocatedText: Sendable, Equatable, Codable {
    public var location: String
    public var text: String

    public init(location: String, text: String) {
        self.location = location
        self.text = text
    }
}
