import Foundation

/// The forms a participant's recorded name and address can take in a text, for the privacy guard:
/// a name as recorded, without its title, as given and family name, as title and family name, and
/// family name first; an address as recorded, by its first line (house number and street) and by
/// its postcode.
public enum PersonalDetails {
    /// The forms of a recorded name ("Mrs Amina Jane Khan": itself, "Amina Jane Khan", "Amina Khan",
    /// "Khan, Amina", "A. Khan", "A Khan", "Amina K.", "Mrs Khan", and the given name in quotes).
    public static func nameForms(_ name: String) -> [String] {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return [] }
        var forms = [words.joined(separator: " ")]
        let hasTitle = words.count >= 2 && PostalAddress.titles.contains(bare(first))
        let person = hasTitle ? Array(words.dropFirst()) : words
        if hasTitle { forms.append(person.joined(separator: " ")) }
        if person.count >= 2, let given = person.first, let family = person.last {
            forms.append("\(given) \(family)")
            forms.append("\(family), \(given)")
            if let initial = given.first, initial.isLetter {
                forms.append("\(initial). \(family)")
                forms.append("\(initial) \(family)")
            }
            if let initial = family.first, initial.isLetter { forms.append("\(given) \(initial).") }
            if hasTitle { forms.append("\(first) \(family)") }
            forms.append("\"\(given)\"")
            forms.append("'\(given)'")
        }
        return unique(forms)
    }

    /// The words a recorded name and address are looked up by: every word of the name but its title,
    /// and the street's name in its first line ("hidden" of "17 Hidden Lane"). Every form
    /// (``nameForms(_:)``, ``addressForms(_:)``) but the postcode holds one of them, so a text can
    /// hold a form only if it holds one of these words (``key(_:)`` of each word of the text).
    public static func lookupKeys(name: String?, address: String?) -> [String] {
        var keys: [String] = []
        if let name {
            for word in name.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "-") }) {
                let word = String(word)
                guard word.count >= 2, !PostalAddress.titles.contains(bare(word)) else { continue }
                keys.append(contentsOf: parts(word))
            }
        }
        if let address, let street = streetLine(address) {
            if let word = street.split(separator: " ").dropFirst().first(where: { $0.allSatisfy(\.isLetter) }) {
                keys.append(key(String(word)))
            }
        }
        return unique(keys)
    }

    /// A word as it is looked up: lower case, without accents.
    public static func key(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The keys of one word: its parts of two letters or more, split at apostrophes and hyphens as
    /// the words of a text are ("O'Neill": "neill"; "Mary-Jane": "mary", "jane").
    private static func parts(_ word: String) -> [String] {
        let pieces = word.split(whereSeparator: { $0 == "'" || $0 == "’" || $0 == "-" }).map { key(String($0)) }
        return pieces.filter { $0.count >= 2 }
    }

    /// The forms of a recorded address ("12 Long Road, Coventry CV1 2AB": itself, "12 Long Road",
    /// "CV1 2AB").
    public static func addressForms(_ address: String) -> [String] {
        var forms = [address.trimmingCharacters(in: .whitespacesAndNewlines)]
        // The first line that is a house number and a street: "12 Long Road" (of "Flat 3, 12 Long Road").
        if let street = streetLine(address) { forms.append(street) }
        if let postcode = postcode(in: address) { forms.append(postcode) }
        return unique(forms)
    }

    /// The first line that is a house number and a street: "12 Long Road" (of "Flat 3, 12 Long Road").
    static func streetLine(_ address: String) -> String? {
        PostalAddress.lines(address).first { line in
            let words = line.split(separator: " ")
            return words.first?.first?.isNumber == true
                && words.dropFirst().contains { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
        }
    }

    /// A UK postcode in the text, as written ("CV1 2AB").
    public static func postcode(in text: String) -> String? {
        let pattern = /(?i)\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b/
        return text.firstMatch(of: pattern).map { String($0.output) }
    }

    /// A text lower-cased as SQLite's `lower()` does (ASCII letters only), as the privacy guard keys words.
    public static func asciiLowered(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
                }))
    }

    /// The first word of a form, as the privacy guard's word list keys it: what decides whether the
    /// form could appear in a text at all.
    public static func firstWord(_ form: String) -> String {
        let word = form.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).first.map(String.init) ?? ""
        return key(word)
    }

    private static func bare(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    private static func unique(_ forms: [String]) -> [String] {
        forms.reduce(into: []) { if !$0.contains($1) && !$1.isEmpty { $0.append($1) } }
    }
}
