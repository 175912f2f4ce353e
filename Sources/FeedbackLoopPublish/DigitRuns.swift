/// Finds UK phone numbers and NHS numbers however their digits are grouped: digits separated by
/// spaces, `.`, `-`, `_`, `/`, `:`, `,`, `|`, `(` or `)`, with an optional `+` in front, in one pass
/// over the text.
///
/// The text is first made plain by ``GuardText``, so digits of any script, dashes of any kind and
/// spaced or spelled-out digits arrive as ASCII digits, `-` and single spaces.
enum DigitRuns {
    struct Candidate: Equatable {
        var kind: PrivacyFinding.Kind
        /// UTF-16 offsets in the text.
        var start: Int
        var end: Int
    }

    /// A run of ASCII digits, and where it sits in the text.
    private struct Group {
        var start: Int
        var end: Int
        var digits: [UInt16]
    }

    /// Every phone or NHS number in `text`, longest first at each place, none overlapping.
    static func candidates(in text: String) -> [Candidate] {
        let units = Array(text.utf16)
        var found: [Candidate] = []
        for run in runs(units) where !isLabelledIdentifier(units, run) {
            var index = 0
            while index < run.count {
                var matched = false
                // The longest candidate starting at this group wins.
                var last = index
                var count = 0
                while last < run.count, count + run[last].digits.count <= 14 {
                    count += run[last].digits.count
                    last += 1
                }
                var end = last - 1
                while end >= index {
                    if let candidate = candidate(units, run[index...end]) {
                        found.append(candidate)
                        index = end + 1
                        matched = true
                        break
                    }
                    end -= 1
                }
                if !matched { index += 1 }
            }
        }
        return found
    }

    /// Digit groups joined by at most three separator characters, split where anything else comes,
    /// and where two groups make a time of day (`8:30`, `18:00`).
    private static func runs(_ units: [UInt16]) -> [[Group]] {
        var runs: [[Group]] = []
        var current: [Group] = []
        var position = 0
        while position < units.count {
            guard isDigit(units[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < units.count, isDigit(units[position]) { position += 1 }
            let group = Group(start: start, end: position, digits: Array(units[start..<position]))
            if let previous = current.last {
                let between = units[previous.end..<start]
                if between.count > 3 || !between.allSatisfy(isSeparator) || isTime(previous, between, group) {
                    runs.append(current)
                    current = []
                }
            }
            // A digit run glued to letters ("A123", "12th") is a code, not a number someone would dial.
            if start > 0, isLetter(units[start - 1]) {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            current.append(group)
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Hours and minutes: one or two digits up to 24, a colon, two digits up to 59.
    private static func isTime(_ hours: Group, _ between: ArraySlice<UInt16>, _ minutes: Group) -> Bool {
        guard between.count == 1, between.first == UInt16(UInt8(ascii: ":")), (1...2).contains(hours.digits.count),
            minutes.digits.count == 2
        else { return false }
        return number(hours.digits) <= 24 && number(minutes.digits) <= 59
    }

    private static func number(_ digits: [UInt16]) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - 48) } }

    /// A run that an identifier's label comes before (`ISBN 978-0-12-345678-9`, `ISSN 0317-8471`,
    /// `charity number 1234567`), or that is a valid ISBN-13 (`978…` or `979…` with its check digit).
    private static func isLabelledIdentifier(_ units: [UInt16], _ run: [Group]) -> Bool {
        guard let first = run.first else { return false }
        let digits = run.flatMap(\.digits).map { Int($0) - 48 }
        if digits.count == 13, digits[0] == 9, digits[1] == 7, digits[2] == 8 || digits[2] == 9 {
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
            if sum % 10 == 0 { return true }
        }
        let before = String(decoding: units[max(0, first.start - 40)..<first.start], as: UTF16.self).lowercased()
        return before.firstMatch(of: identifierLabel) != nil
    }

    nonisolated(unsafe) private static let identifierLabel =
        #/(?:\b(?:isbn(?:-?1[03])?|issn|ismn|isrc|isni|doi|ean(?:-?13)?|upc|gtin|orcid|pmid|(?:registered )?charity|company|companies house|vat(?: registration)?)(?: no\.?| number| num\.?| reg(?:istration)?)?(?:\s*[:#.-])?\s*)$/#

    private static func candidate(_ units: [UInt16], _ groups: ArraySlice<Group>) -> Candidate? {
        guard let first = groups.first, let last = groups.last else { return nil }
        if last.end < units.count, isLetter(units[last.end]) { return nil }
        let digits = groups.flatMap(\.digits)
        // What comes just before: a `+`, `(` or `(+` belongs to the number.
        var start = first.start
        var plus = false
        if start > 0, units[start - 1] == UInt16(UInt8(ascii: "+")) {
            plus = true
            start -= 1
        }
        if start > 0, units[start - 1] == UInt16(UInt8(ascii: "(")) { start -= 1 }
        var end = last.end
        let opened = units[start..<end].filter { $0 == UInt16(UInt8(ascii: "(")) }.count
        let closed = units[start..<end].filter { $0 == UInt16(UInt8(ascii: ")")) }.count
        if opened > closed, end < units.count, units[end] == UInt16(UInt8(ascii: ")")) { end += 1 }
        if digits.count == 10, !plus, PrivacyGuard.isNHSNumber(digits.map { Int($0) - 48 }) {
            return Candidate(kind: .nhsNumber, start: start, end: end)
        }
        if isUKPhone(digits.map { UInt8($0) }, plus: plus) { return Candidate(kind: .phone, start: start, end: end) }
        return nil
    }

    /// A UK number: 10 or 11 digits starting 0 (or +44 / 0044 and the rest, with an optional (0)),
    /// in one of the ranges numbers are given out in.
    static func isUKPhone(_ digits: [UInt8], plus: Bool) -> Bool {
        var national = digits[...]
        let zero = UInt8(ascii: "0")
        if plus {
            guard national.starts(with: Array("44".utf8)) else { return false }
            national = national.dropFirst(2)
        } else if national.starts(with: Array("0044".utf8)) {
            national = national.dropFirst(4)
        }
        if plus || national.count != digits.count {
            national = national.drop { $0 == zero }
            national = [zero] + national
        }
        guard (10...11).contains(national.count), national.first == zero, national.count >= 2 else { return false }
        let second = national[national.startIndex + 1]
        return [
            UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "7"),
            UInt8(ascii: "8"),
        ].contains(second)
    }

    private static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
    private static func isLetter(_ unit: UInt16) -> Bool {
        ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A)
            || (unit >= 0xC0 && unit <= 0x24F && unit != 0xD7 && unit != 0xF7)
    }
    private static func isSeparator(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x2E, 0x2D, 0x2F, 0x28, 0x29, 0x2B, 0x5F, 0x3A, 0x2C, 0x7C: true  // space . - / ( ) + _ : , |
        default: false
        }
    }
}
