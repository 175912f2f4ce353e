import FeedbackLoop
import Foundation

/// Checks the texts an easy read update shows in their standard wording (no `--easy-read` wording
/// was recorded) against easy read practice: one idea per sentence of at most 15 words, and short
/// common words of at most 3 syllables.
public enum EasyReadCheck {
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        /// Where the text is, and the option that would give it an easy-read wording.
        public var location: String
        public var problem: String

        public var description: String { "\(location): \(problem)" }
    }

    public static let maxWords = 15
    public static let maxSyllables = 3

    /// The warnings for every text of `snapshot` that easy read would show as written.
    public static func warnings(_ snapshot: UpdateSnapshot) -> [Warning] {
        var texts: [(String, String)] = []
        var decisions = Set<String>()
        for theme in snapshot.record.themes {
            if theme.easyRead == nil {
                texts.append(("theme \(theme.key) (yswd theme update --easy-read)", theme.said))
            }
            for response in theme.responses where response.status != .dropped && response.easyRead == nil {
                guard decisions.insert(response.decision).inserted else { continue }
                texts.append(("decision \(response.decision) (yswd decision update --easy-read)", response.text))
            }
            if let explanation = theme.explanation, explanation.easyRead == nil {
                texts.append(("explanation of theme \(theme.key) (yswd explain --easy-read)", explanation.why))
            }
        }
        for step in snapshot.nextSteps where step.easyRead == nil && decisions.insert(step.key).inserted {
            texts.append(("decision \(step.key) (yswd decision update --easy-read)", step.text))
        }
        return texts.flatMap { location, text in
            problems(in: text).map { Warning(location: location, problem: $0) }
        }
    }

    /// Each sentence of a rendered easy read page (its paragraphs, list items and headings) longer
    /// than easy read allows, whatever it came from: built-in wording, the summary, what has changed.
    /// Sentences `known` already names (from a record text) are left out.
    public static func outputWarnings(_ html: String, known: [Warning] = []) -> [Warning] {
        let blocks = html.matches(of: /(?s)<(p|li|h[1-4])\b[^>]*>(.*?)<\/\1>/).map { String($0.output.2) }
        var seen = Set<String>()
        var found: [Warning] = []
        for block in blocks {
            let text = plainText(block)
            for sentence in sentences(text) where seen.insert(sentence).inserted {
                let count = words(sentence).count
                guard count > maxWords, !known.contains(where: { $0.problem.contains(sentence) }) else { continue }
                found.append(
                    Warning(
                        location: "the easy read page",
                        problem: "a sentence of \(count) words (easy read keeps to \(maxWords)): \"\(sentence)\""))
            }
        }
        return found
    }

    /// A fragment of HTML as the text a reader sees: tags dropped, the usual entities decoded.
    static func plainText(_ html: String) -> String {
        var text = html.replacing(/<[^>]*>/, with: " ")
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&rsquo;", "’"),
            ("&lsquo;", "‘"), ("&nbsp;", " "), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What breaks easy read practice in `text`: each long sentence, then each long word, once.

    static func problems(in text: String) -> [String] {
        var found: [String] = []
        for sentence in sentences(text) {
            let count = words(sentence).count
            if count > maxWords {
                found.append("a sentence of \(count) words (easy read keeps to \(maxWords)): \"\(sentence)\"")
            }
        }
        var seen = Set<String>()
        for word in words(text) where seen.insert(word.lowercased()).inserted {
            let count = syllables(word)
            if count > maxSyllables {
                found.append("\"\(word)\" has \(count) syllables (easy read uses words of \(maxSyllables) or fewer)")
            }
        }
        return found
    }

    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character.isWhitespace, ".!?".contains(previous) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { sentences.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { sentences.append(trimmed) }
        return sentences
    }

    /// The words of `text`: runs of letters (and apostrophes within them); numbers are not words here.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0 == "'" || $0 == "’") }.map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
        }.filter { !$0.isEmpty }
    }

    /// An estimate of the syllables in an English word: groups of vowels, less a silent final `e`.
    static func syllables(_ word: String) -> Int {
        let letters = Array(word.lowercased().filter(\.isLetter))
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var inVowels = false
        for letter in letters {
            let vowel = vowels.contains(letter)
            if vowel, !inVowels { count += 1 }
            inVowels = vowel
        }
        if letters.count > 2, letters.last == "e", !vowels.contains(letters[letters.count - 2]),
            !(letters[letters.count - 2] == "l" && !vowels.contains(letters[letters.count - 3])), count > 1
        {
            count -= 1
        }
        if letters.count > 3, letters.suffix(2) == ["e", "d"], !["t", "d"].contains(letters[letters.count - 3]),
            count > 1
        {
            count -= 1
        }
        return max(count, 1)
    }
}
