import Foundation

/// A postal address as a letter prints it: lines split at line breaks and commas, and the rules that
/// keep the name and address inside a window envelope's window.
public enum PostalAddress {
    /// The most address lines a letter prints below the name: 7 lines in all, the limit a DL window
    /// (90 × 35 mm) holds at 10–11 pt and the one GOV.UK Notify applies.
    public static let maxLines = 6

    /// The address's lines: split at line breaks and commas, trimmed, empty ones dropped.
    public static func lines(_ address: String?) -> [String] {
        (address ?? "").split(whereSeparator: \.isNewline).flatMap {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
    }

    /// The address, refused when it has more lines than a letter's window holds.
    public static func checked(_ address: String, field: Field) throws(RecordError) -> String {
        let count = lines(address).count
        if count > maxLines { throw .addressTooLong(field: field, lines: count) }
        return address
    }

    /// Titles that may start a recorded name ("Mrs Amina Khan").
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "reverend", "sir", "dame", "lady",
        "lord", "cllr", "councillor", "capt", "captain", "sister", "father",
    ]

    /// The greeting of a letter: the recorded salutation; else, for a name that starts with a title,
    /// the title and family name ("Mrs Amina Khan" → "Dear Mrs Khan,"); else the name; else
    /// "Dear participant,".
    public static func greeting(name: String?, salutation: String?) -> String {
        addressee(name: name, salutation: salutation).map { "Dear \($0)," } ?? "Dear participant,"
    }

    /// Whom a letter greets ("Mrs Khan"), as ``greeting(name:salutation:)`` does; nil for "participant".
    public static func addressee(name: String?, salutation: String?) -> String? {
        func trimmed(_ text: String?) -> String? {
            text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let salutation = trimmed(salutation) { return salutation }
        guard let name = trimmed(name) else { return nil }
        let words = name.split(whereSeparator: \.isWhitespace)
        if words.count >= 3, let first = words.first, let last = words.last,
            titles.contains(first.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        {
            return "\(first) \(last)"
        }
        return name
    }
}
