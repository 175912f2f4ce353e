/// Digits in disguise: the letter O written for a zero, and digits spelled out in words
/// (``GuardText``'s last two steps).
extension GuardText {
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// The word runs (letters and digits) of `units`, as ranges of their indices.
    private static func wordRanges(_ units: [Unit]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < units.count {
            guard isLetterOrDigit(units[index].scalar) else {
                index += 1
                continue
            }
            var end = index
            while end < units.count, isLetterOrDigit(units[end].scalar) { end += 1 }
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }

    /// The letter O among digits is a zero: a word of digits and O's, with two digits or three characters.
    static func zerosForOs(_ units: [Unit]) -> [Unit] {
        var units = units
        for word in wordRanges(units) {
            let scalars = units[word].map(\.scalar)
            let digits = scalars.filter { ("0"..."9").contains($0) }.count
            let others = scalars.count - digits - scalars.filter { $0 == "O" || $0 == "o" }.count
            if others == 0, digits >= 2 || (digits == 1 && word.count >= 3) {
                for position in word where units[position].scalar == "O" || units[position].scalar == "o" {
                    units[position].scalar = "0"
                }
            }
        }
        return units
    }

    private static let digitWords: [String: Unicode.Scalar] = [
        "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
        "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    ]

    /// Digits spelled out in words, read as digits when a run of them (with any digits written as
    /// such, joined by spaces, dashes, commas or full stops) makes at least seven digits. "double" and
    /// "triple" repeat the digit after them.
    static func spelledDigits(_ units: [Unit]) -> [Unit] {
        struct Token {
            var start: Int  // unit index
            var end: Int
            var digits: [Unicode.Scalar]
            var spelled: Bool
        }
        // Tokens: words and digit runs, with the unit range they cover.
        var tokens: [Token?] = []
        let ranges = wordRanges(units)
        for range in ranges {
            let (index, end) = (range.lowerBound, range.upperBound)
            let word = String(String.UnicodeScalarView(units[range].map(\.scalar))).lowercased()
            if word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber) {
                tokens.append(Token(start: index, end: end, digits: Array(word.unicodeScalars), spelled: false))
            } else if let digit = digitWords[word] {
                tokens.append(Token(start: index, end: end, digits: [digit], spelled: true))
            } else if word == "double" || word == "triple" {
                tokens.append(Token(start: index, end: end, digits: word == "double" ? [] : ["x"], spelled: true))
            } else {
                tokens.append(nil)
            }
        }
        func joined(_ left: Int, _ right: Int) -> Bool {
            units[ranges[left].upperBound..<ranges[right].lowerBound].allSatisfy {
                " -,.".unicodeScalars.contains($0.scalar)
            }
                && ranges[right].lowerBound - ranges[left].upperBound <= 3
        }
        var replacements: [(start: Int, end: Int, units: [Unit])] = []
        var position = 0
        while position < tokens.count {
            guard tokens[position] != nil else {
                position += 1
                continue
            }
            var last = position
            while last + 1 < tokens.count, tokens[last + 1] != nil, joined(last, last + 1) { last += 1 }
            // Read the run: double and triple repeat the next digit word.
            var out: [Unit] = []
            var words = 0
            var repeatCount = 1
            var repeatStart: Int?
            for token in tokens[position...last].compactMap({ $0 }) {
                if token.spelled, token.digits.isEmpty || token.digits == ["x"] {
                    repeatCount = token.digits.isEmpty ? 2 : 3
                    repeatStart = units[token.start].start
                    words += 1
                    continue
                }
                let start = repeatStart ?? units[token.start].start
                let end = units[token.end - 1].end
                for (offset, digit) in token.digits.enumerated() {
                    let times = offset == 0 ? repeatCount : 1
                    for _ in 0..<times { out.append(Unit(scalar: digit, start: start, end: end)) }
                }
                if token.spelled { words += 1 }
                repeatCount = 1
                repeatStart = nil
            }
            if let first = tokens[position], let final = tokens[last], words >= 1, out.count >= 7 {
                replacements.append((first.start, final.end, out))
            }
            position = last + 1
        }
        guard !replacements.isEmpty else { return units }
        var result: [Unit] = []
        var from = 0
        for replacement in replacements {
            result.append(contentsOf: units[from..<replacement.start])
            result.append(contentsOf: replacement.units)
            from = replacement.end
        }
        result.append(contentsOf: units[from...])
        return result
    }
}
