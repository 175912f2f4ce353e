import FeedbackLoop
import Foundation

/// Published updates, their renditions and the follow-ups sent to people.
public protocol PublishingStore: Sendable {
    /// Records privacy findings waived after review in history, for an output that is not itself recorded.
    func recordWaivers(ref: String, _ waivers: [PrivacyWaiver]) async throws

    /// Records a published update, immutably, with the themes it reported and the answer each had.
    /// - Throws: ``StoreError/recordChanged(_:)`` when an answer changed after the snapshot was read.
    /// - Returns: the update as recorded.
    @discardableResult
    func recordUpdate(ref: String, _ recording: UpdateRecording) async throws -> PublishedUpdate

    /// The activity's recorded updates, numbered from 1.
    func updates(ref: String) async throws -> [PublishedUpdate]

    /// Update `number` of the activity.
    /// - Throws: ``StoreError/unknownUpdate(activity:number:count:)`` when there is no such update.
    func update(ref: String, number: Int) async throws -> PublishedUpdate

    /// Every recorded update of every activity, for the website.
    func allUpdates() async throws -> [PublishedUpdate]

    /// Adds renditions to update `number` of the activity, with the privacy waivers given for them,
    /// in one write: the same update in other formats (or languages). Only while the record still
    /// says what the update said: `data` (the new rendering's open data, as of the update's day) must
    /// equal the update's own.
    /// - Throws: ``StoreError/updateOutdated(activity:number:)`` when the record has changed since, and
    ///   ``StoreError/renditionExists(activity:number:format:)`` when it has one of them already.
    @discardableResult
    func addRenditions(
        ref: String, number: Int, data: Data, _ renditions: [RenditionRecording], waivers: [PrivacyWaiver]
    ) async throws -> PublishedUpdate

    /// Participants owed a personal follow-up for the activity (DOMAIN.md: "Who is owed a personal
    /// follow-up"), with their private contact details and the themes their views fed into, by ref.
    /// Those with no usable contact for their format are included: the caller lists them as unreachable.
    /// (Each theme query says `themeLinks > 0`, true of every contribution in a theme, so SQLite
    /// reads the participant's themed contributions through their partial index.)
    func followUpRecipients(ref: String) async throws -> [FollowUpRecipient]

    /// Records follow-ups as sent, which closes those participants' part of the loop until the
    /// answers to their themes change.
    func recordFollowUps(ref: String, _ sent: [(participantId: Int64, format: PreferredFormat)], on day: CalendarDate)
        async throws

    /// Each participant's latest follow-up for an activity, newest first.
    func givenFollowUps(ref: String) async throws -> [GivenFollowUp]

    /// Everything an update of the activity is made from, as of `asOf`, with up to `quotesPerTheme`
    /// quotes per theme from participants who agreed to be quoted: those a person chose (`quote add`),
    /// or with ``QuoteMode/auto`` the earliest. Counts and quotes come from aggregate queries, so
    /// the snapshot's size follows the number of themes and decisions, not of contributions.
    func updateSnapshot(ref: String, asOf: CalendarDate, quotesPerTheme: Int, quoteMode: QuoteMode) async throws
        -> UpdateSnapshot

    /// The private terms that could appear in a text made of `words` (``PersonalDetails/key(_:)`` of
    /// each): the refs among the words (of the activity's participants in any case, of anyone as
    /// written or in capitals), and each form of a recorded participant's name or address
    /// (``PersonalDetails``: "Amina Khan", "Khan, Amina", "A. Khan", "12 Long Road", "CV1 2AB") whose
    /// first word is among them, whichever activity they took part in. Contacts are found by their
    /// lookup keys (`contactKey`), so the cost follows the words, not the number of participants.
    func privateTerms(ref: String, words: Set<String>) async throws -> [String]

    /// The names of every member of staff on record (accounts, the lead of any activity, whoever made
    /// any decision) with a word among `words` (``PersonalDetails/key(_:)`` of each).
    func staffNames(words: Set<String>) async throws -> [String]
}

extension PublishingStore {
    @discardableResult
    public func addRenditions(
        ref: String, number: Int, data: Data, _ renditions: [RenditionRecording], waivers: [PrivacyWaiver] = []
    ) async throws -> PublishedUpdate {
        try await addRenditions(ref: ref, number: number, data: data, renditions, waivers: waivers)
    }

    public func updateSnapshot(ref: String, asOf: CalendarDate, quotesPerTheme: Int = 2, quoteMode: QuoteMode = .chosen)
        async throws -> UpdateSnapshot
    {
        try await updateSnapshot(ref: ref, asOf: asOf, quotesPerTheme: quotesPerTheme, quoteMode: quoteMode)
    }
}
