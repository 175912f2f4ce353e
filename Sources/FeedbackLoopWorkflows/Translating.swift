import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopTranslate
import Foundation

/// Why texts cannot go out in a language, or a translation file cannot come in.
public enum TranslationError: UserFacingError, Equatable, Sendable {
    /// The activity's texts with no current translation into `language`.
    case incomplete(activity: String, language: LanguageTag, stale: [String], missing: [String])
    /// The team's catalogue has no translation of these built-in phrases.
    case phrasesMissing(language: LanguageTag, count: Int, examples: [String])
    /// Asked to translate into the source language.
    case sourceLanguage(LanguageTag)
    /// The file carries no translation.
    case nothingTranslated(path: String)

    public var description: String {
        switch self {
        case .incomplete(let activity, let language, let stale, let missing):
            var parts: [String] = []
            if !stale.isEmpty {
                parts.append(
                    "out of date (the source changed after it was translated): " + stale.joined(separator: ", "))
            }
            if !missing.isEmpty { parts.append("not translated: " + missing.joined(separator: ", ")) }
            return "\(activity) cannot go out in \(language.named) yet; these texts have no current translation: "
                + parts.joined(separator: "; ") + ". Export them with yswd translate export \(activity) --language"
                + " \(language.code), or add --allow-untranslated to show them in the source language, marked as such"
        case .phrasesMissing(let language, let count, let examples):
            return "the team's \(language.named) catalogue has no translation of \(count) built-in "
                + "\(count == 1 ? "phrase" : "phrases") (such as \"\(examples.joined(separator: "\", \""))\"); export"
                + " them with yswd translate strings --language \(language.code), or add --allow-untranslated"
        case .sourceLanguage(let language):
            return "\(language.named) is the team's source language: its texts are the ones translated; choose"
                + " another of the team's languages"
        case .nothingTranslated(let path):
            return "\(path) has no translations in it yet: fill in the target column (or each unit's <target>) and"
                + " import it again"
        }
    }
}

/// What `yswd translate` and the web app's translation pages both do: find the texts a language
/// still needs, hand them out as a file, take translations back, and put a language together for
/// publishing and follow-ups.
public enum Translating {
    /// The activity's public texts as of today, in the order an update shows them.
    public static func texts(store: any RecordStore, ref: String) async throws -> [TranslatableText] {
        let today = try await store.settings().today()
        // The quotes chosen for each theme are translated too (up to as many as an update shows).
        let snapshot = try await store.updateSnapshot(ref: ref, asOf: today, quotesPerTheme: 20)
        return UpdateContent(snapshot).translatableTexts
    }

    /// The activity's texts set against their translations into `language`.
    public static func coverage(store: any RecordStore, ref: String, language: LanguageTag) async throws
        -> TranslationCoverage
    {
        let texts = try await texts(store: store, ref: ref)
        return TranslationCoverage(
            texts, try await store.translations(ref: ref, language: language), language: language)
    }

    /// `language` checked as a target: one of the team's, and not its source language.
    public static func target(_ language: LanguageTag, settings: TeamSettings) throws -> LanguageTag {
        try settings.checkLanguage(language)
        guard language != settings.sourceLanguage else { throw TranslationError.sourceLanguage(language) }
        return language
    }

    /// The file a translator gets: the texts missing or out of date (all of them with `all`), each
    /// with its current translation when there is one.
    public static func export(store: any RecordStore, ref: String, language: LanguageTag, all: Bool = false)
        async throws -> TranslationFile
    {
        let settings = try await store.settings()
        _ = try target(language, settings: settings)
        let texts = try await texts(store: store, ref: ref)
        let stored = try await store.translations(ref: ref, language: language)
        let coverage = TranslationCoverage(texts, stored, language: language)
        let wanted = all ? texts : texts.filter { text in coverage.wanted.contains { $0.key == text.key } }
        let byKey = Dictionary(stored.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return TranslationFile(
            activity: ref, sourceLanguage: settings.sourceLanguage, targetLanguage: language,
            units: wanted.map { text in
                // A current translation is offered as it is; an out-of-date one is left for the translator
                // to redo against the new source.
                let current = byKey[text.key].flatMap { $0.source == text.source ? $0.text : nil }
                return TranslationFile.Unit(
                    key: text.key, section: text.section, source: text.source, target: current, limit: text.limit)
            })
    }

    /// The catalogue's phrases for a translator: those with no translation in `language` (all with `all`).
    public static func exportPhrases(store: any RecordStore, language: LanguageTag, all: Bool = false)
        async throws -> TranslationFile
    {
        let settings = try await store.settings()
        _ = try target(language, settings: settings)
        let installed = try await store.phraseTranslations(language: language)
        let phrases = MessageCatalogue.known.filter { all || installed[$0] == nil }
        return TranslationFile(
            activity: nil, sourceLanguage: settings.sourceLanguage, targetLanguage: language,
            units: phrases.map { phrase in
                TranslationFile.Unit(
                    key: phrase, section: Self.phraseNote(phrase), source: phrase, target: installed[phrase])
            })
    }

    static func phraseNote(_ phrase: String) -> String {
        let placeholders = MessageCatalogue.placeholders(in: phrase)
        return placeholders.isEmpty
            ? "A phrase yswd uses in updates, letters and messages"
            : "A phrase yswd uses in updates, letters and messages; keep \(placeholders.joined(separator: " ")) as"
                + " they are: yswd fills them in"
    }

    /// What an import wrote.
    public struct Imported: Sendable, Equatable {
        public var activity: String?
        public var language: LanguageTag
        /// Translations written (new or changed).
        public var written: Int
        /// Units with no translation yet, left as they were.
        public var empty: Int
    }

    /// Takes a translator's file back: every unit's key must still name a text whose source is the
    /// one translated, and every translation must pass the same checks as any text. One bad unit
    /// refuses the whole file; nothing is written.
    public static func importFile(_ file: TranslationFile, path: String, store: any RecordStore) async throws
        -> Imported
    {
        let settings = try await store.settings()
        let language = try target(file.targetLanguage, settings: settings)
        guard file.sourceLanguage == settings.sourceLanguage else {
            throw TranslationFileError.notYswd(
                path: path,
                why: "its source language is \(file.sourceLanguage.named), but the team's is "
                    + settings.sourceLanguage.named)
        }
        let filled = file.units.filter { $0.target != nil }
        guard !filled.isEmpty else { throw TranslationError.nothingTranslated(path: path) }
        guard let activity = file.activity else {
            var phrases: [String: String] = [:]
            let known = Set(MessageCatalogue.known)
            for unit in filled {
                guard known.contains(unit.key) else {
                    throw TranslationFileError.badUnit(
                        path: path, line: unit.line, key: unit.key,
                        problem: "yswd no longer uses this phrase; export the catalogue again")
                }
                do {
                    phrases[unit.key] = try MessageCatalogue.checked(unit.target ?? "", of: unit.key)
                } catch {
                    throw TranslationFileError.badUnit(
                        path: path, line: unit.line, key: unit.key, problem: error.description)
                }
            }
            try await store.recordPhraseTranslations(language: language, phrases)
            return Imported(
                activity: nil, language: language, written: phrases.count, empty: file.units.count - filled.count)
        }
        let texts = try await texts(store: store, ref: activity)
        let byKey = Dictionary(texts.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var translations: [StoredTranslation] = []
        for unit in filled {
            guard let text = byKey[unit.key] else {
                throw TranslationFileError.badUnit(
                    path: path, line: unit.line, key: unit.key,
                    problem: "\(activity) no longer has this text (it was removed or renamed after the export); export"
                        + " again")
            }
            guard text.source == unit.source else {
                throw TranslationFileError.badUnit(
                    path: path, line: unit.line, key: unit.key,
                    problem: "its source has changed since the export, so this translation is of the old text. It now"
                        + " reads: \"\(SafeText.shown(text.source))\". Export again and translate the new text")
            }
            do {
                let checked = try TranslationRules.checked(unit.target ?? "", key: unit.key, limit: text.limit)
                translations.append(StoredTranslation(key: unit.key, source: text.source, text: checked))
            } catch {
                throw TranslationFileError.badUnit(
                    path: path, line: unit.line, key: unit.key, problem: error.description)
            }
        }
        let before = try await store.translations(ref: activity, language: language)
        let unchanged = Set(before.map { "\($0.key)\u{0}\($0.source)\u{0}\($0.text)" })
        let changed = translations.filter { !unchanged.contains("\($0.key)\u{0}\($0.source)\u{0}\($0.text)") }
        try await store.recordTranslations(ref: activity, language: language, changed)
        return Imported(
            activity: activity, language: language, written: changed.count, empty: file.units.count - filled.count)
    }

    /// The team's catalogue in `language`, checked complete unless `allowingMissing`.
    public static func catalogue(store: any RecordStore, language: LanguageTag, allowingMissing: Bool) async throws
        -> MessageCatalogue
    {
        let phrases = try await store.phraseTranslations(language: language)
        let missing = MessageCatalogue.known.filter { phrases[$0] == nil }
        if !missing.isEmpty, !allowingMissing {
            throw TranslationError.phrasesMissing(
                language: language, count: missing.count, examples: Array(missing.prefix(3)))
        }
        return MessageCatalogue(language: language, phrases: phrases)
    }

    /// A language to publish an activity's update or follow-ups in (then the source language, with
    /// `bilingual`): its translations and the team's catalogue, refused while a phrase has no
    /// translation unless `allowUntranslated`. Whether each text has a current translation is checked
    /// against the snapshot being published (``requireComplete(_:texts:activity:)``).
    public static func version(
        store: any RecordStore, ref: String, language: LanguageTag, bilingual: Bool = false,
        allowUntranslated: Bool = false
    ) async throws -> LanguageVersion {
        let settings = try await store.settings()
        _ = try target(language, settings: settings)
        let translations = try await store.translations(ref: ref, language: language)
        let catalogue = try await catalogue(store: store, language: language, allowingMissing: allowUntranslated)
        return LanguageVersion(
            catalogue: catalogue, translations: translations, source: settings.sourceLanguage, bilingual: bilingual,
            allowsUntranslated: allowUntranslated)
    }

    /// Refuses `language` while any of `texts` has no current translation in it, unless it allows that;
    /// returns the texts' current translations (the ones that will be published).
    @discardableResult
    public static func requireComplete(_ language: LanguageVersion, texts: [TranslatableText], activity: String) throws
        -> [StoredTranslation]
    {
        let coverage = TranslationCoverage(texts, language.translations, language: language.language)
        if !coverage.isComplete, !language.allowsUntranslated {
            throw TranslationError.incomplete(
                activity: activity, language: language.language, stale: coverage.required.stale.map(\.key),
                missing: coverage.required.missing.map(\.key))
        }
        let current = Set(coverage.current.map(\.key))
        return language.translations.filter { current.contains($0.key) }
    }
}
