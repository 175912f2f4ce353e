import Crypto
import FeedbackLoop
import Foundation

/// One public text of an update that a translator translates: which it is, where it appears, the
/// source text, and the longest a translation may be.
public struct TranslatableText: Sendable, Equatable {
    /// Stable across updates: `title`, `theme:ACCESS:you-said`, `decision:D1:text`, `reason:3f2a9c1e`.
    public var key: String
    /// Where it appears, for the translator: "Theme ACCESS: what people said".
    public var section: String
    public var source: String
    /// The most characters a translation may have.
    public var limit: Int
    /// The language the source is in, when it is not the team's source language (a quote given in
    /// Welsh): no Welsh translation of it is wanted.
    public var sourceLanguage: String? = nil
    /// Published without a translation when it has none (a quote is shown as said, and its
    /// translation beside it only when there is one).
    public var optional = false

    /// The longest any translation may be: far beyond any public text, short of a runaway paste.
    public static let generalLimit = 10_000
    /// The title goes in text messages, so its translation is kept to what one text holds.
    public static let titleLimit = 160
}

/// What stands between a translation and the record: its text checked as every public text is.
public enum TranslationRules {
    /// `text` trimmed, not blank, within `limit`, and free of direction overrides and embeddings
    /// (U+202A to U+202E, U+2066 to U+2069): they reorder what readers see, and a right-to-left
    /// language needs none of them.
    public static func checked(_ text: String, key: String, limit: Int) throws(RecordError) -> String {
        let field = Field(.plain, "translation of \(key)")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyText(field: field) }
        if let control = trimmed.unicodeScalars.first(where: { overrides.contains($0.value) }) {
            throw .notExpected(
                field: field, value: SafeText.shown(trimmed, directionControls: true),
                expected:
                    "text without direction controls (it has U+\(String(control.value, radix: 16, uppercase: true)));"
                    + " right-to-left text needs none, and they can reorder what readers see")
        }
        if let control = trimmed.unicodeScalars.first(where: { Escape.isMarker($0) }) {
            throw .notExpected(
                field: field, value: SafeText.shown(trimmed, directionControls: true),
                expected: "text without private-use character U+\(String(control.value, radix: 16, uppercase: true))")
        }
        guard trimmed.count <= limit else { throw .tooLong(field: field, length: trimmed.count, limit: limit) }
        return trimmed
    }

    static let overrides: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
}

extension UpdateContent {
    /// Every text of the update a translator translates, each once, in the order the update shows them.
    public var translatableTexts: [TranslatableText] {
        var texts: [TranslatableText] = []
        var seen: Set<String> = []
        func add(
            _ key: String, _ section: String, _ source: String?, limit: Int = TranslatableText.generalLimit,
            language: String? = nil, optional: Bool = false
        ) {
            guard let source, !source.isEmpty, seen.insert(key).inserted else { return }
            texts.append(
                TranslatableText(
                    key: key, section: section, source: source, limit: limit, sourceLanguage: language,
                    optional: optional))
        }
        add("organisation", "The organisation's name", organisation)
        add(
            "title", "The activity's title (it goes in text messages)", activity.title,
            limit: TranslatableText.titleLimit)
        add("service", "The service it is about", activity.service)
        add("purpose", "What we asked, and why", activity.purpose)
        add("can-influence", "What people's views could change", activity.canInfluence)
        add("could-not-change", "What could not change, and why", activity.couldNotChange)
        for theme in themes {
            add("theme:\(theme.key):you-said", "Theme \(theme.key): what people said (\"you said\")", theme.youSaid)
            add(
                "theme:\(theme.key):easy-read", "Theme \(theme.key): what people said, in easy read", theme.easyRead,
                limit: EntryRules.easyReadLimit)
            for (index, quote) in theme.quotes.enumerated() where index < theme.quoteIds.count {
                add(
                    Self.quoteKey(theme.quoteIds[index]),
                    "Theme \(theme.key): a quote"
                        + (theme.quoteLanguages?[index].flatMap { try? LanguageTag(parsing: $0) }.map {
                            " in \($0.englishName)"
                        } ?? "") + ", shown as said with its translation beside it (optional)", quote,
                    language: theme.quoteLanguages?[index], optional: true)
            }
            for action in theme.weDid { addAction(action.decision, action.text, action.easyRead, action.impact) }
            if let reason = theme.weDidNot {
                add("theme:\(theme.key):because", "Theme \(theme.key): why we did not do it", reason.because)
                add(
                    "theme:\(theme.key):because-easy-read", "Theme \(theme.key): why we did not do it, in easy read",
                    reason.easyRead, limit: EntryRules.easyReadLimit)
            }
        }
        for step in nextSteps { addAction(step.decision, step.text, step.easyRead, nil) }
        for change in changes ?? [] {
            if let reason = change.reason {
                add(Self.reasonKey(reason), "Why an answer changed", reason, limit: EntryRules.reasonLimit)
            }
        }
        add("questions", "Where to ask questions", questions)
        return texts

        func addAction(_ decision: String, _ text: String, _ easyRead: String?, _ impact: String?) {
            add("decision:\(decision):text", "Decision \(decision): what we did or will do", text)
            add(
                "decision:\(decision):easy-read", "Decision \(decision): what we did or will do, in easy read",
                easyRead,
                limit: EntryRules.easyReadLimit)
            add("decision:\(decision):impact", "Decision \(decision): the difference it made", impact)
        }
    }

    /// A quote's translations are named by the contribution quoted, so erasure finds them.
    public static func quoteKey(_ contributionId: Int64) -> String { "quote:\(contributionId)" }

    /// A change's reason is kept for good once given, so its key is its text's fingerprint.
    static func reasonKey(_ reason: String) -> String {
        "reason:" + SHA256.hash(data: Data(reason.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}

/// An update's texts set against a language's translations: which are current, missing or out of date.
public struct TranslationCoverage: Sendable, Equatable {
    public var language: LanguageTag
    public var current: [TranslatableText]
    public var missing: [TranslatableText]
    /// Translated from a source text that has since changed.
    public var stale: [TranslatableText]

    public init(_ texts: [TranslatableText], _ translations: [StoredTranslation], language: LanguageTag) {
        self.language = language
        let byKey = Dictionary(translations.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        current = []
        missing = []
        stale = []
        for text in texts where text.sourceLanguage != language.code {
            switch byKey[text.key] {
            case nil: missing.append(text)
            case let translation? where translation.source != text.source: stale.append(text)
            default: current.append(text)
            }
        }
    }

    /// Missing and out-of-date texts: what a translator is sent.
    public var wanted: [TranslatableText] { stale + missing }

    /// Every text that must be translated has a current translation (a quote need not have one).
    public var isComplete: Bool { missing.allSatisfy(\.optional) && stale.allSatisfy(\.optional) }

    /// The missing and out-of-date texts that keep an update from going out in the language.
    public var required: (stale: [TranslatableText], missing: [TranslatableText]) {
        (stale.filter { !$0.optional }, missing.filter { !$0.optional })
    }

    /// "Welsh: 2 texts out of date, 1 not translated", and the quotes with no translation beside them.
    public var summary: String {
        var parts: [String] = []
        let (stale, missing) = required
        if !stale.isEmpty { parts.append("\(stale.count) \(stale.count == 1 ? "text" : "texts") out of date") }
        if !missing.isEmpty { parts.append("\(missing.count) \(missing.count == 1 ? "text" : "texts") not translated") }
        let quotes = (self.stale + self.missing).filter(\.optional).count
        return "\(language.englishName): " + (parts.isEmpty ? "all texts translated" : parts.joined(separator: ", "))
            + (quotes == 0 ? "" : "; \(quotes) \(quotes == 1 ? "quote has" : "quotes have") no translation beside it")
    }
}
