import FeedbackLoop
import Foundation

/// Finding people in the texts: participants' refs, names and addresses (looked up by word, so the
/// cost follows the texts, not the number of participants), and the names of staff.
extension PrivacyGuard {
    /// The words of every text `snapshot` would publish, lower-cased as SQLite's `lower()` does
    /// (ASCII letters only): refs whole (`p-0042`) and every run of letters or digits. A private term
    /// can only appear in the texts if its first word is among these.
    public static func words(in snapshot: UpdateSnapshot) -> Set<String> {
        var words = Set<String>()
        for (_, text) in texts(snapshot) {
            let text = normalised(text)
            for run in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                let ref = run.trimmingCharacters(in: CharacterSet(charactersIn: ".-_"))
                if !ref.isEmpty { words.insert(asciiLowered(ref)) }
                for word in run.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                    words.insert(asciiLowered(String(word)))
                }
            }
        }
        return words
    }

    static func asciiLowered(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
                }))
    }

    /// Where `term` stands as a whole in `text`, ignoring case, as written there: not inside a
    /// longer word, ref or number.
    static func occurrences(of term: String, in text: String) -> [String] {
        ranges(of: term, in: text, options: [.caseInsensitive]).map { String(text[$0]) }
    }

    private static func ranges(of term: String, in text: String, options: String.CompareOptions = [])
        -> [Range<String.Index>]
    {
        func joins(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "_" || character == "-"
        }
        var found: [Range<String.Index>] = []
        var from = text.startIndex
        while let range = text.range(of: term, options: options, range: from..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !joins(before), !joins(after) { found.append(range) }
            from = text.index(after: range.lowerBound)
        }
        return found
    }

    /// Words that name staff, from the names recorded against the activity: a name of two to four
    /// capitalised words (what follows a bracket or comma, such as a role, is left out), without its
    /// title. Names of groups ("Practice Board") are not names of people.
    static func staffNameWords(_ names: [String]) -> Set<String> {
        var words = Set<String>()
        for name in names {
            let person = name.split(whereSeparator: { "(,;–—/".contains($0) }).first.map(String.init) ?? ""
            let parts = person.split(whereSeparator: \.isWhitespace).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".'’"))
            }
            guard (2...4).contains(parts.count),
                parts.allSatisfy({ $0.first?.isUppercase == true && !groupWords.contains($0.lowercased()) })
            else { continue }
            for part in parts where part.count >= 3 && !titles.contains(part.lowercased()) { words.insert(part) }
        }
        return words
    }

    /// Each place a staff name word appears, as a capitalised whole word.
    static func staffNames(_ words: Set<String>, in text: String) -> [String] {
        guard !words.isEmpty else { return [] }
        var found: [String] = []
        for word in text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "-") }) {
            let trimmed = String(word).trimmingCharacters(in: CharacterSet(charactersIn: "'’-"))
            let base = trimmed.hasSuffix("'s") || trimmed.hasSuffix("’s") ? String(trimmed.dropLast(2)) : trimmed
            if words.contains(base), !found.contains(base) { found.append(base) }
        }
        return found
    }

    /// Titles and roles that come before a name.
    static let titles: Set<String> = [
        "dr", "mr", "mrs", "ms", "miss", "mx", "nurse", "sister", "matron", "doctor", "prof", "professor", "sir",
        "dame", "midwife", "consultant", "receptionist", "surgeon", "lord", "lady", "rev", "reverend",
    ]

    /// Words that make a name a group's, not a person's.
    static let groupWords: Set<String> = [
        "board", "committee", "team", "group", "trust", "council", "practice", "panel", "service", "services",
        "nhs", "icb", "partnership", "network", "forum", "department", "unit", "directorate", "executive",
        "governing", "body", "centre", "center", "office", "the", "and", "of", "for",
    ]
}
