import FeedbackLoop
import Foundation

/// Finding people in the texts: participants' refs, names and addresses (looked up by word, so the
/// cost follows the texts, not the number of participants), and the names of staff.
extension PrivacyGuard {
    /// The words of every text `snapshot` would publish, as they are looked up
    /// (``PersonalDetails/key(_:)``: lower case, without accents): refs whole (`p-0042`) and every run
    /// of letters or digits. A private term can only appear in the texts if one of its lookup keys is
    /// among these.
    public static func words(in snapshot: UpdateSnapshot) -> Set<String> {
        var words = Set<String>()
        for (_, text) in texts(snapshot) {
            let text = GuardText(text).text
            for run in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                let ref = run.trimmingCharacters(in: CharacterSet(charactersIn: ".-_"))
                if !ref.isEmpty { words.insert(PersonalDetails.key(ref)) }
                for word in run.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                    words.insert(PersonalDetails.key(String(word)))
                }
            }
        }
        return words
    }

    /// Where each of `terms` stands as a whole in `text`, ignoring case and accents (not inside a
    /// longer word, ref or number), found word by word: each word of the text is looked up among the
    /// terms' first words, and only the terms that start with it are compared there. The cost
    /// follows the length of the text, however many terms there are.
    static func termRanges(_ terms: [String], in text: String) -> [NSRange] {
        var byFirstWord: [String: [(term: String, lead: Int)]] = [:]
        for term in terms {
            guard let first = term.firstIndex(where: isWordCharacter) else { continue }
            let end = term[first...].firstIndex(where: { !isWordCharacter($0) }) ?? term.endIndex
            let lead = term.distance(from: term.startIndex, to: first)
            byFirstWord[PersonalDetails.key(String(term[first..<end])), default: []].append((term, lead))
        }
        guard !byFirstWord.isEmpty else { return [] }
        var found: [NSRange] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard isWordCharacter(text[index]) else {
                index = text.index(after: index)
                continue
            }
            let end = text[index...].firstIndex(where: { !isWordCharacter($0) }) ?? text.endIndex
            for (term, lead) in byFirstWord[PersonalDetails.key(String(text[index..<end]))] ?? [] {
                guard let start = text.index(index, offsetBy: -lead, limitedBy: text.startIndex),
                    let range = text.range(
                        of: term, options: [.anchored, .caseInsensitive, .diacriticInsensitive],
                        range: start..<text.endIndex),
                    standsAlone(term, at: range, in: text)
                else { continue }
                found.append(NSRange(range, in: text))
            }
            index = end
        }
        return found
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Whether `range` of `text` is not part of a longer word, ref or number.
    private static func standsAlone(_ term: String, at range: Range<String.Index>, in text: String) -> Bool {
        func joins(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "_" || character == "-"
        }
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        return !(term.first.map(joins) == true && joins(before)) && !(term.last.map(joins) == true && joins(after))
    }

    /// Each form (``PersonalDetails/nameForms(_:)``) of the names of staff: the person's part of each
    /// name ("Priya Shah" of "Priya Shah (Practice Manager)") of two to four capitalised words, not
    /// a group's name.
    static func staffNameForms(_ names: [String]) -> [String] {
        names.flatMap { name -> [String] in
            let person = name.split(whereSeparator: { "(,;–—/".contains($0) }).first.map(String.init) ?? ""
            let parts = person.split(whereSeparator: \.isWhitespace)
            guard (2...4).contains(parts.count),
                parts.allSatisfy({ $0.first?.isUppercase == true && !groupWords.contains($0.lowercased()) })
            else { return [] }
            return PersonalDetails.nameForms(person)
        }
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

    /// Each place a staff name word appears, as a capitalised whole word (a possessive `'s` left out).
    static func staffNames(_ words: Set<String>, in text: String) -> [NSRange] {
        guard !words.isEmpty else { return [] }
        var found: [NSRange] = []
        var seen = Set<String>()
        var start: String.Index?
        func close(_ end: String.Index) {
            defer { start = nil }
            guard let from = start else { return }
            var word = text[from..<end]
            while let last = word.last, "'-".contains(last) { word = word.dropLast() }
            while let first = word.first, "'-".contains(first) { word = word.dropFirst() }
            if word.hasSuffix("'s") { word = word.dropLast(2) }
            let base = String(word)
            if words.contains(base), seen.insert(base).inserted {
                found.append(NSRange(word.startIndex..<word.endIndex, in: text))
            }
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character == "'" || character == "-" {
                if start == nil { start = index }
            } else {
                close(index)
            }
            index = text.index(after: index)
        }
        close(text.endIndex)
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
