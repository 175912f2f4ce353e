import FeedbackLoop
import Foundation

/// The language an update or a follow-up is rendered in: the team's source language, another
/// language (its phrases from a catalogue, the record's texts from their translations), or that
/// language first and then the source language (Welsh then English).
public struct LanguageVersion: Sendable, Equatable {
    public var catalogue: MessageCatalogue
    public var translations: [StoredTranslation]
    public var source: LanguageTag
    /// The source language follows, whole: Welsh then English.
    public var bilingual: Bool
    /// Texts with no current translation may go out in the source language, marked as such.
    public var allowsUntranslated: Bool

    public init(
        catalogue: MessageCatalogue, translations: [StoredTranslation], source: LanguageTag = .english,
        bilingual: Bool = false, allowsUntranslated: Bool = false
    ) {
        self.catalogue = catalogue
        self.translations = translations
        self.source = source
        self.bilingual = bilingual
        self.allowsUntranslated = allowsUntranslated
    }

    public var language: LanguageTag { catalogue.language }

    /// What a rendition records as its language: `cy`, or `cy+en` for Welsh then English.
    public var renditionLanguage: String { bilingual ? "\(language.code)+\(source.code)" : language.code }

    /// The source language's own version (no translation).
    public static func source(_ language: LanguageTag = .english) -> LanguageVersion {
        LanguageVersion(catalogue: MessageCatalogue(language: language), translations: [], source: language)
    }

    var isSource: Bool { language == source }

    /// Changes to answers in this language.
    func changes(_ changes: [UpdateContent.Change]) -> [UpdateContent.Change] {
        guard !isSource else { return changes }
        let byKey = UpdateContent.byKey(translations)
        return changes.map { UpdateContent.translated($0, byKey, source: source) }
    }

    /// `content` in this language.
    func content(_ content: UpdateContent) -> UpdateContent {
        isSource ? content : content.translated(translations, source: source)
    }
}

/// Two renderings of one document put together, the first language first, as the Welsh Language
/// Standards ask: a web page or letter gets the second's body after its own, marked with its
/// language; a text gets the second after a rule.
enum Bilingual {
    static func html(_ first: String, then second: String, language: LanguageTag) -> String {
        guard let open = second.range(of: "<body>"), let close = second.range(of: "</body>", options: .backwards),
            let end = first.range(of: "</body>", options: .backwards)
        else { return first }
        let body = second[open.upperBound..<close.lowerBound]
        let direction = language.isRightToLeft ? "rtl" : "ltr"
        return first[..<end.lowerBound]
            + "<div class=\"second-language\" lang=\"\(language.code)\" dir=\"\(direction)\">"
            + body + "</div>\n" + first[end.lowerBound...]
    }

    static func text(_ first: String, then second: String) -> String {
        var second = second
        if second.hasPrefix("Subject:"), let end = second.firstIndex(of: "\n") {
            second = String(second[end...]).trimmingCharacters(in: .newlines)
        }
        return first.trimmingCharacters(in: .newlines) + "\n\n----------\n\n" + second
    }
}
