import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

/// The personal follow-ups an activity owes, written for each reachable participant: what
/// `yswd followups` and the web app's follow-ups page both do.
public struct FollowUpBatch: Sendable {
    /// The activity's ref.
    public var activity: String
    public var followUps: [FollowUp]
    /// Everyone owed one, reachable or not.
    public var recipients: [FollowUpRecipient]
    /// The privacy waivers to record when the follow-ups are handed out.
    public var waivers: [PrivacyWaiver]
    public var today: CalendarDate

    /// Owed participants with no contact details for the format they prefer.
    public var unreachable: [FollowUpRecipient] { recipients.filter { $0.format == nil } }

    public static func prepare(
        store: any RecordStore, ref: String, templates: TemplateSet = .builtIn, asOf: CalendarDate? = nil,
        allowing allowed: [String] = [], allowUntranslated: Bool = false
    ) async throws -> FollowUpBatch {
        let today: CalendarDate = if let asOf { asOf } else { try await store.settings().today() }
        var snapshot = try await store.updateSnapshot(ref: ref, asOf: today, quotesPerTheme: 0)
        guard !snapshot.record.themes.isEmpty else { throw PublishError.noThemes(activity: ref) }
        guard snapshot.publicContact != nil else { throw PublishError.noPublicContact(activity: ref) }
        let words = PrivacyGuard.words(in: snapshot)
        snapshot.privateTerms = try await store.privateTerms(ref: ref, words: words)
        snapshot.allStaffNames = try await store.staffNames(words: words)
        let waivers = try PrivacyGuard.review(PrivacyGuard.scan(snapshot), allowing: allowed).map {
            PrivacyWaiver(id: $0.id, kind: $0.kind.rawValue, location: $0.location)
        }
        let recipients = try await store.followUpRecipients(ref: ref)
        let latest = try await store.updates(ref: ref).last
        let about = FollowUpRenderer.About(
            number: latest?.number,
            url: latest.flatMap { update in snapshot.publicURL.map { $0 + SiteBuilder.pagePath(update) } })
        var earlier: [Int: FollowUpRenderer.Earlier] = [:]
        for number in Set(recipients.compactMap(\.lastUpdate)) {
            let update = try await store.update(ref: ref, number: number)
            earlier[number] = await FollowUpRenderer.Earlier(
                data: update.data, reasons: try store.changeReasons(activity: ref, since: update.recordedAt))
        }
        let followUps = FollowUpRenderer(templates: templates).render(
            snapshot, for: recipients, about: about, earlier: earlier,
            languages: try await languages(
                store: store, ref: ref, of: recipients, texts: UpdateContent(snapshot).translatableTexts,
                allowUntranslated: allowUntranslated))
        let letters = followUps.filter(\.recipient.goesByPost).count
        if letters > 0, snapshot.postalAddress == nil { throw PublishError.noPostalAddress(letters: letters) }
        return FollowUpBatch(
            activity: ref, followUps: followUps, recipients: recipients, waivers: waivers, today: today)
    }

    /// Each language among `recipients` other than the source language, put together for their
    /// follow-ups in the same run as everyone else's: a language with texts or phrases still to
    /// translate refuses the whole run (so no one hears back later than another), unless
    /// `allowUntranslated`. A language no longer in the team's list is told in the source language.
    static func languages(
        store: any RecordStore, ref: String, of recipients: [FollowUpRecipient], texts: [TranslatableText],
        allowUntranslated: Bool
    ) async throws -> [String: LanguageVersion] {
        let settings = try await store.settings()
        var versions: [String: LanguageVersion] = [:]
        for tag in Set(recipients.filter { $0.format != nil }.compactMap(\.language)).sorted() {
            guard let language = try? LanguageTag(parsing: tag), settings.targetLanguages.contains(language) else {
                continue
            }
            let version = try await Translating.version(
                store: store, ref: ref, language: language, bilingual: settings.bilingual.contains(language),
                allowUntranslated: allowUntranslated)
            try Translating.requireComplete(version, texts: texts, activity: ref)
            versions[tag] = version
        }
        return versions
    }

    /// The mailing list of every follow-up (who, how, which file).
    public var mailingList: String { FollowUpRenderer.mailingList(followUps) }

    /// Records follow-ups as sent today: all of them, or those of `refs`.
    public func markSent(in store: any RecordStore, refs: [String] = []) async throws -> Int {
        let chosen = refs.isEmpty ? followUps : followUps.filter { refs.contains($0.recipient.ref) }
        try await store.recordFollowUps(
            ref: activity, chosen.map { ($0.recipient.participantId, $0.format) },
            on: today)
        return chosen.count
    }
}
