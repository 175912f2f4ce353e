import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

/// Translations of an activity's public texts, and the team's message catalogue.
extension PostgresStore {
    public func translations(ref: String, language: LanguageTag) async throws -> [StoredTranslation] {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            return try await session.all(
                StoredTranslation.self,
                """
                SELECT key, source, text, recordedAt FROM translation
                WHERE activityId = \(activityId) AND language = \(language.code) ORDER BY key
                """)
        }
    }

    public func recordTranslations(ref: String, language: LanguageTag, _ translations: [StoredTranslation]) async throws
    {
        let now = Self.timestamp(clock())
        let actor = self.actor
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            for translation in translations {
                // An unchanged translation is not written again, so history shows only what changed.
                try await session.execute(
                    """
                    INSERT INTO translation (activityId, language, key, source, text, recordedAt, recordedBy)
                    VALUES (\(activityId), \(language.code), \(translation.key), \(translation.source),
                            \(translation.text), \(now), \(actor))
                    ON CONFLICT (activityId, language, key) DO UPDATE SET source = excluded.source,
                        text = excluded.text, recordedAt = excluded.recordedAt, recordedBy = excluded.recordedBy
                    WHERE translation.source IS DISTINCT FROM excluded.source
                        OR translation.text IS DISTINCT FROM excluded.text
                    """)
            }
        }
    }

    public func translationLanguages(refs: [String]) async throws -> [String: [String]] {
        struct Pair: Decodable {
            var ref: String
            var language: String
        }
        let pairs = try await reading { session in
            try await session.all(
                Pair.self,
                """
                SELECT DISTINCT a.ref, t.language FROM translation t JOIN activity a ON a.id = t.activityId
                WHERE a.ref = ANY(\(refs)::text[]) ORDER BY a.ref, t.language
                """)
        }
        return Dictionary(grouping: pairs, by: \.ref).mapValues { $0.map(\.language) }
    }

    public func phraseTranslations(language: LanguageTag) async throws -> [String: String] {
        struct Phrase: Decodable {
            var phrase: String
            var text: String
        }
        let rows = try await reading { session in
            try await session.all(
                Phrase.self, "SELECT phrase, text FROM phraseTranslation WHERE language = \(language.code)")
        }
        return Dictionary(rows.map { ($0.phrase, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    public func recordPhraseTranslations(language: LanguageTag, _ phrases: [String: String]) async throws {
        let now = Self.timestamp(clock())
        let actor = self.actor
        try await writing { session in
            for (phrase, text) in phrases.sorted(by: { $0.key < $1.key }) {
                try await session.execute(
                    """
                    INSERT INTO phraseTranslation (language, phrase, text, recordedAt, recordedBy)
                    VALUES (\(language.code), \(phrase), \(text), \(now), \(actor))
                    ON CONFLICT (language, phrase) DO UPDATE SET text = excluded.text,
                        recordedAt = excluded.recordedAt, recordedBy = excluded.recordedBy
                    WHERE phraseTranslation.text IS DISTINCT FROM excluded.text
                    """)
            }
        }
    }
}
