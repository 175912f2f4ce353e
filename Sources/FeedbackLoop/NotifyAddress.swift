import Foundation

/// GOV.UK Notify's rules for the postal addresses it prints letters to (its `postal_address.py`):
/// 3 to 7 lines, the name first when one is recorded; the last line a real UK postcode or a country
/// outside the UK; no line starting with a character a printer's software could misread; never
/// "no fixed abode". An address is checked by these rules when it is recorded, so a letter sent
/// through Notify is never refused for its address.
public enum NotifyAddress {
    public static let minLines = 3
    public static let maxLines = 7
    /// The characters no address line may start with.
    public static let forbiddenFirstCharacters: Set<Character> = [
        "@", "(", ")", "=", "[", "]", "\"", "\\", "/", ",", "<", ">", "~",
    ]

    /// The lines a letter is addressed with: the name (when recorded), then the address's lines. A
    /// UK postcode at the end of the last line goes on a line of its own ("Coventry CV1 2AB" →
    /// "Coventry", "CV1 2AB"), as Notify wants it last.
    public static func lines(name: String?, address: String) -> [String] {
        var lines = PostalAddress.lines(address)
        // "United Kingdom" after a postcode says nothing Notify needs: the postcode goes last.
        if lines.count >= 2, let last = lines.last, ukNames.contains(normalised(last)),
            isUKPostcode(lines[lines.count - 2])
        {
            lines.removeLast()
        }
        if let last = lines.last, !isUKPostcode(last), let match = last.firstMatch(of: trailingPostcode) {
            let town = last[..<match.range.lowerBound].trimmingCharacters(in: .whitespaces)
            lines.removeLast()
            if !town.isEmpty { lines.append(town) }
            lines.append(String(match.output.1))
        }
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return name.isEmpty ? lines : [name] + lines
    }

    /// The rule an address breaks, in words, or nil when Notify would print it.
    public static func problem(name: String?, address: String) -> String? {
        let lines = lines(name: name, address: address)
        if lines.count < minLines {
            return "it has \(lines.count) \(lines.count == 1 ? "line" : "lines")\(name == nil ? "" : " with the name");"
                + " a letter needs at least \(minLines): the name, the street, and the postcode"
        }
        if lines.count > maxLines {
            return "it has \(lines.count) lines\(name == nil ? "" : " with the name"); a letter can have at most"
                + " \(maxLines): join some lines, such as the town and county"
        }
        if let line = lines.first(where: { $0.first.map(forbiddenFirstCharacters.contains) ?? false }) {
            return "the line '\(line)' starts with '\(line.first.map(String.init) ?? "")'; no line may start with"
                + " any of @ ( ) = [ ] \" \\ / , < > ~"
        }
        if lines.contains(where: { noFixedAbode.contains(normalised($0)) }) {
            return "it says the person has no fixed abode; a letter cannot be delivered without an address"
        }
        if let last = lines.last, !isUKPostcode(last), !isCountryOutsideUK(last) {
            return "its last line, '\(last)', is neither a UK postcode nor a country outside the UK"
        }
        return nil
    }

    /// Whether the text is a real UK postcode in form ("SW1A 1AA", "cv12ab"), or a BFPO number.
    public static func isUKPostcode(_ text: String) -> Bool {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        if compact == "GIR0AA" { return true }
        if compact.hasPrefix("BFPO"), compact.dropFirst(4).allSatisfy(\.isNumber), compact.count > 4 { return true }
        return compact.wholeMatch(of: postcode) != nil
    }

    /// Whether the line names a country outside the UK.
    public static func isCountryOutsideUK(_ line: String) -> Bool {
        Countries.outsideUK.contains(normalised(line))
    }

    private static func normalised(_ line: String) -> String {
        line.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    nonisolated(unsafe) private static let postcode = /[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2}/
    nonisolated(unsafe) private static let trailingPostcode =
        /(?i)\s([A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][ABD-HJLNP-UW-Z]{2})$/
    private static let ukNames: Set<String> = [
        "uk", "u k", "united kingdom", "great britain", "gb", "england", "scotland", "wales", "cymru",
        "northern ireland",
    ]
    private static let noFixedAbode: Set<String> = ["nfa", "n f a", "no fixed abode", "no fixed address"]
}
