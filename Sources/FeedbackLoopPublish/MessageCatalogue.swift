import FeedbackLoop
import Foundation

/// The fixed phrases of every template and of the words yswd builds ("We heard this 3 times."), in
/// one language. Each phrase is keyed by its English, as gettext keys by its msgid; a phrase with
/// no translation is said in English. Placeholders are written `{{name}}` in both.
///
/// Templates mark a phrase `{{#t}}What we did{{/t}}`: ``TemplateSet/localized(_:)`` puts each
/// phrase's translation in its place before the template is parsed, so a translation is escaped and
/// filled in exactly as the English is. Swift code says a phrase with ``t(_:_:)``, which reads the
/// catalogue of the rendering under way (``current``).
public struct MessageCatalogue: Sendable, Equatable {
    public let language: LanguageTag
    public private(set) var phrases: [String: String]

    public init(language: LanguageTag, phrases: [String: String] = [:]) {
        self.language = language
        self.phrases = phrases
    }

    /// The source language's catalogue: every phrase as written.
    public static let english = MessageCatalogue(language: .english)

    /// The catalogue a rendering is using (``withCatalogue(_:_:)``).
    @TaskLocal public static var current = MessageCatalogue.english

    /// Runs `body` with `catalogue` as ``current``.
    public static func with<T>(_ catalogue: MessageCatalogue, _ body: () throws -> T) rethrows -> T {
        try $current.withValue(catalogue, operation: body)
    }

    /// A phrase in this catalogue's language; English when it has no translation.
    public func callAsFunction(_ english: String) -> String { phrases[english] ?? english }

    /// The phrases yswd says: every `{{#t}}` phrase of the built-in templates, and every phrase its
    /// code builds, each once, sorted.
    public static let known: [String] = {
        var phrases = Set(BuiltInPhrases.all)
        for source in BuiltInTemplates.all.values { phrases.formUnion(templatePhrases(in: source)) }
        return phrases.sorted()
    }()

    /// The pseudo-language `qps`: every known phrase wrapped in ⟦ ⟧ with its letters accented
    /// (placeholders kept), so a test can see any English that did not come from the catalogue.
    public static let pseudo: MessageCatalogue = {
        var phrases: [String: String] = [:]
        for phrase in known { phrases[phrase] = pseudoPhrase(phrase) }
        return MessageCatalogue(language: .pseudo, phrases: phrases)
    }()

    static func pseudoPhrase(_ phrase: String) -> String {
        var out = "⟦"
        var inPlaceholder = false
        var previous: Character?
        for character in phrase {
            if character == "{", previous == "{" { inPlaceholder = true }
            if character == "}", previous == "}" { inPlaceholder = false }
            out.append(inPlaceholder ? character : (accents[character] ?? character))
            previous = character
        }
        return out + "⟧"
    }

    /// Every Latin letter to a look-alike outside ASCII, so no English word survives the pseudo-language.
    private static let accents: [Character: Character] = [
        "a": "á", "b": "ƀ", "c": "ç", "d": "ð", "e": "é", "f": "ƒ", "g": "ĝ", "h": "ĥ", "i": "í", "j": "ĵ", "k": "ķ",
        "l": "ļ", "m": "ɱ",
        "n": "ñ", "o": "ó", "p": "þ", "q": "ǫ", "r": "ŕ", "s": "š", "t": "ţ", "u": "ú", "v": "ṽ", "w": "ŵ", "x": "ẋ",
        "y": "ý", "z": "ž",
        "A": "Á", "B": "Ƀ", "C": "Ç", "D": "Ð", "E": "É", "F": "Ƒ", "G": "Ĝ", "H": "Ĥ", "I": "Í", "J": "Ĵ", "K": "Ķ",
        "L": "Ļ", "M": "Ḿ",
        "N": "Ñ", "O": "Ó", "P": "Þ", "Q": "Ǫ", "R": "Ŕ", "S": "Š", "T": "Ţ", "U": "Ú", "V": "Ṽ", "W": "Ŵ", "X": "Ẋ",
        "Y": "Ý", "Z": "Ž",
    ]

    /// The `{{#t}}…{{/t}}` phrases of a template's source.
    public static func templatePhrases(in source: String) -> [String] {
        var phrases: [String] = []
        var rest = source[...]
        while let open = rest.range(of: "{{#t}}") {
            guard let close = rest[open.upperBound...].range(of: "{{/t}}") else { break }
            phrases.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return phrases
    }

    /// The placeholders of a phrase (`{{views}}`), sorted: a translation must have the same.
    public static func placeholders(in phrase: String) -> [String] {
        var names: [String] = []
        var rest = phrase[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                names.append(String(rest[open.lowerBound...]))
                break
            }
            names.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return names.sorted()
    }

    /// A translation of `phrase` checked for the catalogue: its placeholders the same as the English
    /// (a template cannot be broken, nor a value shown unescaped), and its text as any translation's.
    public static func checked(_ translation: String, of phrase: String) throws(RecordError) -> String {
        let text = try TranslationRules.checked(translation, key: phrase, limit: TranslatableText.generalLimit)
        let wanted = placeholders(in: phrase)
        let given = placeholders(in: text)
        guard given == wanted else {
            throw .notExpected(
                field: Field(.plain, "translation of \"\(phrase)\""), value: text,
                expected: wanted.isEmpty
                    ? "text without {{ }}: the English has no placeholders"
                    : "text with the English's placeholders, each once: \(wanted.joined(separator: " "))")
        }
        return text
    }
}

/// A phrase in the catalogue of the rendering under way, with its `{{name}}` placeholders filled in.
func t(_ english: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
    var text = MessageCatalogue.current(english)
    for (name, value) in values { text = text.replacingOccurrences(of: "{{\(name)}}", with: value) }
    return text
}
