import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

/// An update rendered and checked, ready to show or record: what `yswd publish` and the web app's
/// publishing page both do, so the two front doors hold no step of their own.
public struct PreparedUpdate: Sendable {
    public var snapshot: UpdateSnapshot
    public var publication: Publication
    public var format: PublishFormat
    /// The language it is in, when not the source language.
    public var language: LanguageVersion?
    /// Themes with no answer yet (allowed only when publishing early).
    public var unanswered: [String]
    /// In-scope views not yet linked to a theme (allowed only when publishing early).
    public var unthemed: Int
    /// Decisions marked done whose text still reads as a promise ("We will…"): a warning.
    public var doneButPromised: [String]
    /// Easy read wording a reader may find hard, when the format is easy read.
    public var easyReadWarnings: [EasyReadCheck.Warning]
    /// What the privacy guard found, before any is allowed.
    public var findings: [PrivacyFinding]

    /// Reads the activity's snapshot, renders it, and scans it for private details.
    public static func prepare(
        store: any RecordStore, ref: String, format: PublishFormat, templates: TemplateSet = .builtIn,
        asOf: CalendarDate? = nil, quotesPerTheme: Int = 2, quoteMode: QuoteMode = .chosen,
        language: LanguageVersion? = nil
    ) async throws -> PreparedUpdate {
        let prepared = try await prepare(
            store: store, ref: ref, formats: [format], languages: [language], templates: templates, asOf: asOf,
            quotesPerTheme: quotesPerTheme, quoteMode: quoteMode)
        guard let first = prepared.first else { throw PublishError.noThemes(activity: ref) }
        return first
    }

    /// One update in each of `formats` in each of `languages` (nil: the source language), from one
    /// reading of the record: the same snapshot, private terms and privacy findings for all, so a
    /// second language costs its rendering and no more. A language is refused while any text has no
    /// current translation, unless it allows that; its current translations pass the privacy guard
    /// with the texts they translate.
    public static func prepare(
        store: any RecordStore, ref: String, formats: [PublishFormat], languages: [LanguageVersion?] = [nil],
        templates: TemplateSet = .builtIn, asOf: CalendarDate? = nil, quotesPerTheme: Int = 2,
        quoteMode: QuoteMode = .chosen
    ) async throws -> [PreparedUpdate] {
        let today: CalendarDate = if let asOf { asOf } else { try await store.settings().today() }
        var snapshot = try await store.updateSnapshot(
            ref: ref, asOf: today, quotesPerTheme: quotesPerTheme, quoteMode: quoteMode)
        let texts = languages.contains { $0 != nil } ? UpdateContent(snapshot).translatableTexts : []
        var translations: [String: [String: String]] = [:]
        for language in languages.compactMap({ $0 }) {
            let published = try Translating.requireComplete(language, texts: texts, activity: ref)
            snapshot.translatedTexts += published.map {
                LocatedText(location: "\(language.language.code) translation of \($0.key)", text: $0.text)
            }
            // A quote's translation is the person's words: it is not open data (erasure could not reach it).
            translations[language.language.code] = Dictionary(
                published.filter { !$0.key.hasPrefix("quote:") }.map { ($0.key, $0.text) },
                uniquingKeysWith: { first, _ in first })
        }
        let words = PrivacyGuard.words(in: snapshot)
        snapshot.privateTerms = try await store.privateTerms(ref: ref, words: words)
        snapshot.allStaffNames = try await store.staffNames(words: words)
        let findings = PrivacyGuard.scan(snapshot)
        var prepared: [PreparedUpdate] = []
        for language in languages {
            for format in formats {
                var publication = try UpdateRenderer(templates: templates).render(snapshot, as: format, in: language)
                // The open data kept with the update carries every language it is published in.
                if !translations.isEmpty {
                    publication.data = UpdateRenderer.openData(snapshot, translations: translations)
                }
                prepared.append(
                    PreparedUpdate(
                        snapshot: snapshot, publication: publication, format: format, language: language,
                        unanswered: snapshot.record.themes.filter { !$0.answer.isAnswered }.map(\.key),
                        unthemed: snapshot.record.contributions.unthemed,
                        doneButPromised: snapshot.record.decisions.filter(\.isDoneButPromised).map(\.key),
                        // Easy read wording is checked in English only.
                        easyReadWarnings: format == .easyRead && language == nil
                            ? Self.easyRead(snapshot, publication) : [],
                        findings: findings))
            }
        }
        return prepared
    }

    /// The easy read warnings: each record text shown in its standard wording, then every other
    /// sentence of the page that is too long (the summary, what has changed, built-in wording).
    static func easyRead(_ snapshot: UpdateSnapshot, _ publication: Publication) -> [EasyReadCheck.Warning] {
        let texts = EasyReadCheck.warnings(snapshot)
        return texts + EasyReadCheck.outputWarnings(publication.text, known: texts)
    }

    /// Checks it may be published: every theme answered unless `early`, easy read wording when
    /// `strict`, and every privacy finding allowed by id after review.
    /// - Returns: the waivers to record.
    public func check(early: Bool, strict: Bool = false, allowing allowed: [String]) throws -> [PrivacyWaiver] {
        if !unanswered.isEmpty, !early {
            throw PublishError.unanswered(activity: snapshot.activity.ref, themes: unanswered)
        }
        if unthemed > 0, !early { throw PublishError.unthemed(activity: snapshot.activity.ref, views: unthemed) }

        if strict, !easyReadWarnings.isEmpty { throw PublishError.easyReadWording(easyReadWarnings) }
        return try PrivacyGuard.review(findings, allowing: allowed).map {
            PrivacyWaiver(id: $0.id, kind: $0.kind.rawValue, location: $0.location)
        }
    }

    /// Checks one update prepared in several formats as ``check(early:strict:allowing:)`` checks each.
    /// The privacy guard reads the record's texts, so every format has the same findings: each allowed
    /// finding is waived once.
    public static func check(
        _ renditions: [PreparedUpdate], early: Bool, strict: Bool = false, allowing allowed: [String]
    ) throws -> [PrivacyWaiver] {
        var waivers: [PrivacyWaiver] = []
        for update in renditions {
            for waiver in try update.check(early: early, strict: strict, allowing: allowed)
            where !waivers.contains(where: { $0.id == waiver.id }) {
                waivers.append(waiver)
            }
        }
        return waivers
    }

    /// Records it as published (exact bytes, hash, date, format, channels), with its waivers, and
    /// `renditions` (the same update prepared in other formats) as further renditions of it.
    public func record(
        in store: any RecordStore, channels: [FeedbackChannel], waivers: [PrivacyWaiver],
        renditions: [PreparedUpdate] = []
    ) async throws -> PublishedUpdate {
        try await store.recordUpdate(
            ref: snapshot.activity.ref,
            UpdateRecording(
                snapshot: snapshot, format: format.rawValue,
                channels: channels.isEmpty ? snapshot.activity.feedbackChannels : channels,
                bytes: publication.bytes, sha256: publication.sha256, data: publication.data,
                quotes: publication.quotes, waivers: waivers, renditions: renditions.map(\.rendition)))
    }

    /// Adds `renditions` (one update prepared in several formats, as of its day) to recorded update
    /// `number`, with their waivers, in one write: allowed only while they say what that update said.
    @discardableResult
    public static func addRenditions(
        _ renditions: [PreparedUpdate], in store: any RecordStore, to number: Int, waivers: [PrivacyWaiver]
    ) async throws -> PublishedUpdate? {
        guard let first = renditions.first else { return nil }
        // What the update said is its answers: compared with the translations it was recorded with, so
        // a language can be added to an update recorded without it (and a format to one with them).
        let ref = first.snapshot.activity.ref
        let recorded = try await store.update(ref: ref, number: number)
        let translations = (try? JSONDecoder().decode(UpdateContent.self, from: recorded.data))?.translations ?? [:]
        return try await store.addRenditions(
            ref: ref, number: number, data: UpdateRenderer.openData(first.snapshot, translations: translations),
            renditions.map(\.rendition), waivers: waivers)
    }

    /// It as a rendition to record.
    var rendition: RenditionRecording {
        RenditionRecording(
            format: format.rawValue, language: language?.renditionLanguage ?? "en", bytes: publication.bytes,
            sha256: publication.sha256, quotes: publication.quotes)
    }
}
