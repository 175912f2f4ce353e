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
/// Standards ask. A web page or letter goes section by section: after each section in the first
/// language comes the same section in the second, marked with its language. Its template marks each
/// section with `<!--yswd:section-->` and `<!--/yswd:section-->` on lines of their own; a template
/// without them (or whose two renderings do not match) gets the second's whole body after the first's.
/// A text gets the second after a rule.
enum Bilingual {
    static let sectionStart = "<!--yswd:section-->"
    static let sectionEnd = "<!--/yswd:section-->"

    static func html(_ first: String, then second: String, language: LanguageTag) -> String {
        let direction = language.isRightToLeft ? "rtl" : "ltr"
        let open = "<div class=\"second-language\" lang=\"\(language.code)\" dir=\"\(direction)\">\n"
        let sections = Self.sections(second)
        let pieces = first.components(separatedBy: sectionEnd)
        if !sections.isEmpty, pieces.count == sections.count + 1 {
            var out = pieces[0]
            for (index, piece) in pieces.dropFirst().enumerated() {
                out += open + sections[index] + "</div>" + piece
            }
            return withoutSections(out)
        }
        guard let start = second.range(of: "<body>"), let close = second.range(of: "</body>", options: .backwards),
            let end = first.range(of: "</body>", options: .backwards)
        else { return withoutSections(first) }
        let body = second[start.upperBound..<close.lowerBound]
        return withoutSections(first[..<end.lowerBound] + open + body + "</div>\n" + first[end.lowerBound...])
    }

    /// What lies inside each pair of section marks, in order.
    static func sections(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: sectionStart), let end = rest[start.upperBound...].range(of: sectionEnd) {
            var body = rest[start.upperBound..<end.lowerBound]
            if body.first == "\n" { body = body.dropFirst() }
            found.append(String(body))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// `html` without its section marks, each with the line break after it.
    static func withoutSections(_ html: String) -> String {
        guard html.contains("yswd:section-->") else { return html }
        return html.replacingOccurrences(of: sectionStart + "\n", with: "")
            .replacingOccurrences(of: sectionEnd + "\n", with: "")
            .replacingOccurrences(of: sectionStart, with: "")
            .replacingOccurrences(of: sectionEnd, with: "")
    }

    static func text(_ first: String, then second: String) -> String {
        var second = second
        if second.hasPrefix("Subject:"), let end = second.firstIndex(of: "\n") {
            second = String(second[end...]).trimmingCharacters(in: .newlines)
        }
        return first.trimmingCharacters(in: .newlines) + "\n\n----------\n\n" + second
    }
}
