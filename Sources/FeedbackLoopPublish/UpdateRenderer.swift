import Crypto
import FeedbackLoop
import Foundation

/// An update rendered in one format: the exact bytes to publish, and where each quote sits in them.
public struct Publication: Sendable, Equatable {
    public var format: PublishFormat
    public var bytes: Data
    /// The same content as open data (JSON), kept with the update for the site's open data.
    public var data: Data
    /// Each quote as it appears in the bytes, with the text that replaces it if its speaker is erased.
    public var quotes: [QuotePlacement]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Renders "you said, we did" updates from a snapshot; touches no database.
public struct UpdateRenderer: Sendable {
    public var templates: TemplateSet

    /// What a redacted quote says instead.
    public static let redactedQuote = "This quote was removed at the request of the person who said it."

    public init(templates: TemplateSet = .builtIn) {
        self.templates = templates
    }

    /// The update of `snapshot` in `format`.
    /// - Throws: ``PublishError/noThemes(activity:)`` when there is nothing to report, and
    ///   ``PublishError/noPublicContact(activity:)`` when it could not say where to ask questions.
    /// With `language`, the update in that language (``LanguageVersion``); open data (JSON, CSV) is
    /// always in the source language.
    public func render(_ snapshot: UpdateSnapshot, as format: PublishFormat, in language: LanguageVersion? = nil)
        throws(PublishError) -> Publication
    {
        guard !snapshot.record.themes.isEmpty else { throw .noThemes(activity: snapshot.activity.ref) }
        guard snapshot.publicContact != nil else { throw .noPublicContact(activity: snapshot.activity.ref) }
        let content = UpdateContent(snapshot)
        let bytes: Data
        switch (format, format.template) {
        case (.csv, _): bytes = Data(Self.csv([content]).utf8)
        case (_, let template?):
            let easyRead = format == .easyRead
            guard let language, !language.isSource else {
                bytes = Data(templates.render(template, UpdateView.page(content, easyRead: easyRead)).utf8)
                break
            }
            let translated = MessageCatalogue.with(language.catalogue) {
                templates.localized(language.catalogue).render(
                    template, UpdateView.page(language.content(content), easyRead: easyRead),
                    sections: language.bilingual)
            }
            guard language.bilingual else {
                bytes = Data(translated.utf8)
                break
            }
            let source = MessageCatalogue.with(MessageCatalogue(language: language.source)) {
                templates.render(template, UpdateView.page(content, easyRead: easyRead), sections: true)
            }
            bytes = Data(
                (format == .md || format == .txt
                    ? Bilingual.text(translated, then: source)
                    : Bilingual.html(translated, then: source, language: language.source)).utf8)
        case (_, nil): bytes = Self.json(content)
        }
        var quotes = snapshot.record.themes.flatMap { snapshot.quotes[$0.key] ?? [] }.flatMap { quote in
            [format, .json].enumerated().map { index, format in
                QuotePlacement(
                    inData: index == 1, participantId: quote.participantId, contributionId: quote.contributionId,
                    published: escape(Escape.bidiSafe(quote.text), for: format),
                    redacted: escape(Self.redactedQuote, for: format))
            }
        }
        // A quote's translation beside it is the person's words too: erasure takes it out as well.
        if let language, !language.isSource, format.template != nil {
            let byKey = UpdateContent.byKey(language.translations)
            for quote in snapshot.record.themes.flatMap({ snapshot.quotes[$0.key] ?? [] }) {
                guard let translation = byKey[UpdateContent.quoteKey(quote.contributionId)],
                    translation.source == Escape.bidiSafe(quote.text)
                else { continue }
                quotes.append(
                    QuotePlacement(
                        inData: false, participantId: quote.participantId, contributionId: quote.contributionId,
                        published: escape(Escape.bidiSafe(translation.text), for: format),
                        redacted: escape(Self.redactedQuote, for: format)))
            }
        }
        return Publication(format: format, bytes: bytes, data: Self.json(content), quotes: quotes)
    }

    /// The open data of `snapshot`'s update with its texts in each other language it is published in
    /// (language tag → text key → translation).
    public static func openData(_ snapshot: UpdateSnapshot, translations: [String: [String: String]]) -> Data {
        var content = UpdateContent(snapshot)
        content.translations = translations.isEmpty ? nil : translations
        return json(content)
    }

    /// `text` escaped as `format` escapes a value.
    func escape(_ text: String, for format: PublishFormat) -> String {
        switch format {
        case .json:
            // A one-string array, compact, so the string sits between `["` and `"]`.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let encoded = String(decoding: (try? encoder.encode([text])) ?? Data(), as: UTF8.self)
            return String(encoded.dropFirst(2).dropLast(2))
        case .csv: return text.replacingOccurrences(of: "\"", with: "\"\"")
        case .html, .easyRead, .largePrint, .md, .txt:
            return format.template.map { templates.escape(text, as: $0) } ?? text
        }
    }

    /// The open data of one update: pretty-printed JSON with sorted keys, ending in a newline.
    static func json(_ value: some Encodable) -> Data {
        var data = encoder.encode(value) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    private static let encoder = JSONWriter()

    /// The open data of updates as CSV, one line per theme: UTF-8 with a byte order mark, so Excel reads it.
    public static func csv(_ contents: [UpdateContent]) -> String {
        // Each other language an update was published in adds its "you said", "we did" and "we did
        // not" columns (youSaid_cy…), empty where an update has no translation in it.
        let languages = Set(contents.flatMap { ($0.translations ?? [:]).keys }).sorted()
        var out =
            "\u{FEFF}"
            + Escape.csvLine(
                csvHeader + languages.flatMap { ["youSaid_\($0)", "weDid_\($0)", "weDidNotBecause_\($0)"] })
        for content in contents {
            for theme in content.themes {
                let translated = languages.flatMap { language -> [String] in
                    let texts = content.translations?[language] ?? [:]
                    return [
                        texts["theme:\(theme.key):you-said"] ?? "",
                        theme.weDid.map { texts["decision:\($0.decision):text"] ?? "" }.joined(separator: " | "),
                        theme.weDidNot == nil ? "" : texts["theme:\(theme.key):because"] ?? "",
                    ]
                }
                out += Escape.csvLine(
                    [
                        content.activity.ref, content.activity.title, content.published, theme.key, theme.youSaid,
                        theme.views.map(String.init) ?? "", String(theme.people), theme.answer,
                        theme.weDid.map(\.text).joined(separator: " | "),
                        theme.weDid.map(\.status).joined(separator: " | "),
                        theme.weDid.map { $0.due ?? "" }.joined(separator: " | "),
                        theme.weDid.compactMap(\.impact).joined(separator: " | "),
                        theme.weDidNot?.because ?? "", theme.weDidNot?.reason ?? "",
                        theme.quotes.joined(separator: " | "), content.questions ?? "",
                        (content.changes ?? []).filter { $0.theme == theme.key }.map { change in
                            let line = UpdateView.changeLine(change)
                            return line.text + (line.reason.map { " Why: \($0)" } ?? "")
                        }.joined(separator: " | "),
                    ] + translated)
            }
        }
        return out
    }

    /// The CSV columns, documented in the README.
    public static let csvHeader = [
        "activityRef", "activityTitle", "published", "themeKey", "youSaid", "views", "people", "answer", "weDid",
        "status",
        "due", "impact", "weDidNotBecause", "reason", "quotes", "questions", "changed",
    ]
}

/// JSON as open data: sorted keys, no escaped slashes, readable indentation.
struct JSONWriter: Sendable {
    func encode(_ value: some Encodable) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(value)
    }
}

extension Publication {
    /// The SHA-256 of the bytes, in lowercase hex.
    public var sha256: String { Digest.sha256(bytes) }
}

/// SHA-256 from swift-crypto (Foundation on Linux has none).
public enum Digest {
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
