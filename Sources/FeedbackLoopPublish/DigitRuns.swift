/// Finds UK phone numbers and NHS numbers however their digits are grouped: digits separated by
/// spaces, `.`, `-`, `/`, `(` or `)`, with an optional `+` in front, in one pass over the text.
///
/// The text is first made plain by ``PrivacyGuard/normalised(_:)``, so full-width digits and
/// non-breaking or repeated spaces arrive as ASCII digits and single spaces.
enum DigitRuns {
    struct Candidate: Equatable {
        var kind: PrivacyFinding.Kind
        var match: String
    }

    /// A run of ASCII digits, and where it sits in the text.
    private struct Group {
        var start: Int
        var end: Int
        var digits: [UInt8]
    }

    /// Every phone or NHS number in `text`, longest first at each place, none overlapping.
    static func candidates(in text: String) -> [Candidate] {
        let bytes = Array(text.utf8)
        var found: [Candidate] = []
        for run in runs(bytes) {
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
                    if let candidate = candidate(bytes, run[index...end]) {
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

    /// Digit groups joined by at most three separator characters, split where anything else comes.
    private static func runs(_ bytes: [UInt8]) -> [[Group]] {
        var runs: [[Group]] = []
        var current: [Group] = []
        var position = 0
        while position < bytes.count {
            guard isDigit(bytes[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            let group = Group(start: start, end: position, digits: Array(bytes[start..<position]))
            if let previous = current.last {
                let between = bytes[previous.end..<start]
                if between.count > 3 || !between.allSatisfy(isSeparator) {
                    runs.append(current)
                    current = []
                }
            }
            // A digit run glued to letters ("A123", "12th") is a code, not a number someone would dial.
            if start > 0, isLetter(bytes[start - 1]) {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            current.append(group)
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private static func candidate(_ bytes: [UInt8], _ groups: ArraySlice<Group>) -> Candidate? {
        guard let first = groups.first, let last = groups.last else { return nil }
        if last.end < bytes.count, isLetter(bytes[last.end]) { return nil }
        let digits = groups.flatMap(\.digits)
        // What comes just before: a `+`, `(` or `(+` belongs to the number.
        var start = first.start
        var plus = false
        if start > 0, bytes[start - 1] == UInt8(ascii: "+") {
            plus = true
            start -= 1
        }
        if start > 0, bytes[start - 1] == UInt8(ascii: "(") { start -= 1 }
        var end = last.end
        let opened = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
        let closed = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
        if opened > closed, end < bytes.count, bytes[end] == UInt8(ascii: ")") { end += 1 }
        let match = String(decoding: bytes[start..<end], as: UTF8.self)
        if digits.count == 10, !plus, PrivacyGuard.isNHSNumber(String(decoding: digits, as: UTF8.self)) {
            return Candidate(kind: .nhsNumber, match: match)
        }
        if isUKPhone(digits, plus: plus) { return Candidate(kind: .phone, match: match) }
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

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "+")
    }
}
