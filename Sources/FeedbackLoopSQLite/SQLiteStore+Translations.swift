import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

/// Translations of an activity's public texts, and the team's message catalogue.
extension SQLiteStore {
    public func translations(ref: String, language: LanguageTag) async throws -> [StoredTranslation] {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            return try Row.fetchAll(
                db,
                sql:
                    "SELECT key, source, text, recordedAt FROM translation WHERE activityId = ? AND language = ? ORDER BY key",
                arguments: [activityId, language.code]
            ).map {
                StoredTranslation(key: $0["key"], source: $0["source"], text: $0["text"], recordedAt: $0["recordedAt"])
            }
        }
    }

    public func recordTranslations(ref: String, language: LanguageTag, _ translations: [StoredTranslation]) async throws
    {
        let now = Self.timestamp(clock())
        let actor = self.actor
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            for translation in translations {
                // An unchanged translation is not written again, so history shows only what changed.
                try db.execute(
                    sql: """
                        INSERT INTO translation (activityId, language, key, source, text, recordedAt, recordedBy)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (activityId, language, key) DO UPDATE SET source = excluded.source,
                            text = excluded.text, recordedAt = excluded.recordedAt, recordedBy = excluded.recordedBy
                        WHERE translation.source IS NOT excluded.source OR translation.text IS NOT excluded.text
                        """,
                    arguments: [
                        activityId, language.code, translation.key, translation.source, translation.text, now, actor,
                    ])
            }
        }
    }

    public func translationLanguages(refs: [String]) async throws -> [String: [String]] {
        try await reading { db in
            var languages: [String: [String]] = [:]
            for chunk in stride(from: 0, to: refs.count, by: 500).map({ refs[$0..<min($0 + 500, refs.count)] }) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT a.ref, t.language FROM translation t JOIN activity a ON a.id = t.activityId
                        WHERE a.ref IN (\(chunk.map { _ in "?" }.joined(separator: ","))) ORDER BY a.ref, t.language
                        """, arguments: StatementArguments(Array(chunk)))
                for row in rows { languages[row["ref"], default: []].append(row["language"]) }
            }
            return languages
        }
    }

    public func phraseTranslations(language: LanguageTag) async throws -> [String: String] {
        try await reading { db in
            var phrases: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT phrase, text FROM phraseTranslation WHERE language = ?", arguments: [language.code])
            {
                phrases[row["phrase"]] = row["text"]
            }
            return phrases
        }
    }

    public func recordPhraseTranslations(language: LanguageTag, _ phrases: [String: String]) async throws {
        let now = Self.timestamp(clock())
        let actor = self.actor
        try await writing { db in
            for (phrase, text) in phrases.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: """
                        INSERT INTO phraseTranslation (language, phrase, text, recordedAt, recordedBy) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (language, phrase) DO UPDATE SET text = excluded.text,
                            recordedAt = excluded.recordedAt, recordedBy = excluded.recordedBy
                        WHERE phraseTranslation.text IS NOT excluded.text
                        """, arguments: [language.code, phrase, text, now, actor])
            }
        }
    }
}
