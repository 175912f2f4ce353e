import Foundation

/// A language people take part and hear back in, as a BCP 47 tag: `cy`, `ur`, `pa-Arab`, `pt-BR`.
///
/// The primary language must be one yswd knows (so a mistyped `wc` is refused rather than published
/// as a language no reader has); a script, region or variant may follow. Tags are kept in their
/// canonical case (`pa-Arab`, `pt-BR`), and compare in it.
public struct LanguageTag: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The tag in canonical case.
    public let code: String

    /// English: the language the record is written in unless a team sets another.
    public static let english = LanguageTag(uncheckedCode: "en")

    /// The pseudo-language the tests render every template in (`qps`, a private-use tag).
    public static let pseudo = LanguageTag(uncheckedCode: "qps")

    private init(uncheckedCode code: String) { self.code = code }

    /// Reads a tag typed by a user, refusing one that is not well formed or whose language is unknown.
    public init(parsing text: String, field: Field = .entry("language")) throws(RecordError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expected = "a language tag yswd knows, such as cy (Welsh), ur (Urdu), pa (Punjabi) or pl (Polish)"
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, first.count <= 3, first.allSatisfy(\.isASCIILetter),
            Self.known[first.lowercased()] != nil
        else { throw .notExpected(field: field, value: trimmed, expected: expected) }
        var canonical = [first.lowercased()]
        for part in parts.dropFirst() {
            guard (2...8).contains(part.count), part.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit }) else {
                throw .notExpected(field: field, value: trimmed, expected: expected)
            }
            if part.count == 4, part.allSatisfy(\.isASCIILetter) {
                canonical.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())  // script
            } else if part.count == 2, part.allSatisfy(\.isASCIILetter) {
                canonical.append(part.uppercased())  // region
            } else {
                canonical.append(part.lowercased())
            }
        }
        code = canonical.joined(separator: "-")
    }

    /// A comma-separated list (`en,cy,ur`), each tag once, in the order given.
    public static func list(_ text: String, field: Field) throws(RecordError) -> [LanguageTag] {
        var tags: [LanguageTag] = []
        for piece in text.split(separator: ",") {
            let tag = try LanguageTag(parsing: String(piece), field: field)
            if !tags.contains(tag) { tags.append(tag) }
        }
        guard !tags.isEmpty else { throw .emptyText(field: field) }
        return tags
    }

    /// The language without script or region: `pa` for `pa-Arab`.
    public var primary: String { String(code.prefix { $0 != "-" }) }

    private var script: String? {
        code.split(separator: "-").dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }.map(String.init)
    }

    /// Whether the language is written right to left: Urdu, Arabic, Persian, Pashto, Hebrew, Sorani
    /// Kurdish, Sindhi, Yiddish, Dhivehi, or any language in the Arabic or Hebrew script
    /// (`pa-Arab`, Punjabi in Shahmukhi).
    public var isRightToLeft: Bool {
        if let script { return ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"].contains(script) }
        return Self.known[primary]?.rightToLeft ?? false
    }

    /// The language's name in English: "Welsh".
    public var englishName: String { Self.known[primary]?.english ?? code }

    /// The language's name in itself, when yswd knows it: "Cymraeg".
    public var ownName: String { Self.known[primary]?.own ?? englishName }

    /// "Welsh (cy)".
    public var named: String { "\(englishName) (\(code))" }

    public var description: String { code }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try LanguageTag(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    struct Known {
        let english: String
        let own: String
        var rightToLeft = false
    }

    /// The languages yswd knows: those of the UK and of the communities its health and care services
    /// most often serve, by ISO 639 code.
    static let known: [String: Known] = [
        "en": Known(english: "English", own: "English"), "cy": Known(english: "Welsh", own: "Cymraeg"),
        "gd": Known(english: "Scottish Gaelic", own: "Gàidhlig"), "ga": Known(english: "Irish", own: "Gaeilge"),
        "kw": Known(english: "Cornish", own: "Kernewek"), "ur": Known(english: "Urdu", own: "اردو", rightToLeft: true),
        "pa": Known(english: "Punjabi", own: "ਪੰਜਾਬੀ"), "pl": Known(english: "Polish", own: "Polski"),
        "bn": Known(english: "Bengali", own: "বাংলা"), "gu": Known(english: "Gujarati", own: "ગુજરાતી"),
        "hi": Known(english: "Hindi", own: "हिन्दी"), "ar": Known(english: "Arabic", own: "العربية", rightToLeft: true),
        "fa": Known(english: "Persian", own: "فارسی", rightToLeft: true),
        "ps": Known(english: "Pashto", own: "پښتو", rightToLeft: true),
        "ckb": Known(english: "Central Kurdish", own: "کوردی", rightToLeft: true),
        "ku": Known(english: "Kurdish", own: "Kurdî"), "he": Known(english: "Hebrew", own: "עברית", rightToLeft: true),
        "yi": Known(english: "Yiddish", own: "ייִדיש", rightToLeft: true),
        "sd": Known(english: "Sindhi", own: "سنڌي", rightToLeft: true),
        "dv": Known(english: "Dhivehi", own: "ދިވެހި", rightToLeft: true),
        "so": Known(english: "Somali", own: "Soomaali"), "ti": Known(english: "Tigrinya", own: "ትግርኛ"),
        "am": Known(english: "Amharic", own: "አማርኛ"), "sw": Known(english: "Swahili", own: "Kiswahili"),
        "yo": Known(english: "Yoruba", own: "Yorùbá"), "ig": Known(english: "Igbo", own: "Igbo"),
        "ro": Known(english: "Romanian", own: "Română"), "bg": Known(english: "Bulgarian", own: "Български"),
        "lt": Known(english: "Lithuanian", own: "Lietuvių"), "lv": Known(english: "Latvian", own: "Latviešu"),
        "et": Known(english: "Estonian", own: "Eesti"), "sk": Known(english: "Slovak", own: "Slovenčina"),
        "cs": Known(english: "Czech", own: "Čeština"), "hu": Known(english: "Hungarian", own: "Magyar"),
        "uk": Known(english: "Ukrainian", own: "Українська"), "ru": Known(english: "Russian", own: "Русский"),
        "sq": Known(english: "Albanian", own: "Shqip"), "el": Known(english: "Greek", own: "Ελληνικά"),
        "tr": Known(english: "Turkish", own: "Türkçe"), "pt": Known(english: "Portuguese", own: "Português"),
        "es": Known(english: "Spanish", own: "Español"), "fr": Known(english: "French", own: "Français"),
        "it": Known(english: "Italian", own: "Italiano"), "de": Known(english: "German", own: "Deutsch"),
        "nl": Known(english: "Dutch", own: "Nederlands"), "zh": Known(english: "Chinese", own: "中文"),
        "yue": Known(english: "Cantonese", own: "粵語"), "vi": Known(english: "Vietnamese", own: "Tiếng Việt"),
        "tl": Known(english: "Tagalog", own: "Tagalog"), "ta": Known(english: "Tamil", own: "தமிழ்"),
        "te": Known(english: "Telugu", own: "తెలుగు"), "ml": Known(english: "Malayalam", own: "മലയാളം"),
        "si": Known(english: "Sinhala", own: "සිංහල"), "ne": Known(english: "Nepali", own: "नेपाली"),
        "mr": Known(english: "Marathi", own: "मराठी"), "th": Known(english: "Thai", own: "ไทย"),
        "ja": Known(english: "Japanese", own: "日本語"), "ko": Known(english: "Korean", own: "한국어"),
        "my": Known(english: "Burmese", own: "မြန်မာ"), "ln": Known(english: "Lingala", own: "Lingála"),
        "tw": Known(english: "Twi", own: "Twi"), "ha": Known(english: "Hausa", own: "Hausa"),
        "om": Known(english: "Oromo", own: "Afaan Oromoo"), "hr": Known(english: "Croatian", own: "Hrvatski"),
        "sr": Known(english: "Serbian", own: "Српски"), "bs": Known(english: "Bosnian", own: "Bosanski"),
        "mk": Known(english: "Macedonian", own: "Македонски"), "sl": Known(english: "Slovenian", own: "Slovenščina"),
        "da": Known(english: "Danish", own: "Dansk"), "sv": Known(english: "Swedish", own: "Svenska"),
        "no": Known(english: "Norwegian", own: "Norsk"), "fi": Known(english: "Finnish", own: "Suomi"),
        "ms": Known(english: "Malay", own: "Bahasa Melayu"),
        "id": Known(english: "Indonesian", own: "Bahasa Indonesia"),
        "ka": Known(english: "Georgian", own: "ქართული"), "hy": Known(english: "Armenian", own: "Հայերեն"),
        "az": Known(english: "Azerbaijani", own: "Azərbaycanca"), "uz": Known(english: "Uzbek", own: "Oʻzbekcha"),
        "mt": Known(english: "Maltese", own: "Malti"), "sgn": Known(english: "Sign language", own: "Sign language"),
        "bfi": Known(english: "British Sign Language", own: "British Sign Language"),
        // The pseudo-language the tests render every template in (each phrase wrapped and accented).
        "qps": Known(english: "Pseudo-language (for testing)", own: "Ƥšéúðó"),
    ]
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
