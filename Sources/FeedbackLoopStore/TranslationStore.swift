import FeedbackLoop
import Foundation

/// Translations of an activity's public texts, and the team's message catalogue (the built-in
/// phrases, each keyed by its English).
public protocol TranslationStore: Sendable {
    /// The activity's translations into `language`, by key.
    func translations(ref: String, language: LanguageTag) async throws -> [StoredTranslation]

    /// Records translations into `language` in one write, each replacing any earlier one of its key.
    func recordTranslations(ref: String, language: LanguageTag, _ translations: [StoredTranslation]) async throws

    /// The languages each of `refs` has translations in (activities with none are left out).
    func translationLanguages(refs: [String]) async throws -> [String: [String]]

    /// The team's catalogue in `language`: each phrase's English, and its translation.
    func phraseTranslations(language: LanguageTag) async throws -> [String: String]

    /// Installs phrases of the catalogue in `language` in one write, each replacing any earlier one.
    func recordPhraseTranslations(language: LanguageTag, _ phrases: [String: String]) async throws
}
