import Foundation

/// A text as the privacy guard reads it, and the way back to the text as written.
///
/// The text is normalised once, so a detail is found however it is disguised:
/// - HTML character references (`&#64;`, `&#x40;`, `&commat;`) and percent-encoding (`%40`) decoded;
/// - Unicode compatibility forms folded (NFKC: full-width `＠` and digits become ASCII);
/// - every decimal digit of any script (Arabic-Indic `٠٧`, Devanagari `०७`) made ASCII;
/// - dashes of every kind made `-`, curly quotes straight, bars `|`;
/// - invisible characters and bidirectional controls dropped, and each run of white space one space;
/// - the letter O written for a zero inside a number (`O77OO 9OO123`) read as a zero;
/// - digits spelled out (`oh seven seven double oh nine…`, "zero" to "nine", "double", "triple")
///   read as digits when there are enough of them to make a number.
///
/// Each character of ``text`` remembers the characters of ``original`` it came from, so a finding
/// quotes the text as written (``original(_:)``).
struct GuardText {
    let original: String
    /// The normalised text.
    let text: String
    /// For each UTF-16 unit of ``text``, the UTF-16 offsets in ``original`` of what it came from.
    private let starts: [Int]
    private let ends: [Int]

    struct Unit {
        var scalar: Unicode.Scalar
        var start: Int
        var end: Int
    }

    init(_ original: String) {
        self.original = original
        var units = Self.folded(original)
        units = Self.zerosForOs(units)
        units = Self.spelledDigits(units)
        var view = String.UnicodeScalarView()
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(units.count)
        ends.reserveCapacity(units.count)
        for unit in units {
            view.append(unit.scalar)
            for _ in 0..<unit.scalar.utf16.count {
                starts.append(unit.start)
                ends.append(unit.end)
            }
        }
        text = String(view)
        self.starts = starts
        self.ends = ends
    }

    /// The text as written that `range` (UTF-16 offsets in ``text``) came from.
    func original(_ range: NSRange) -> String {
        original(from: range.location, to: range.location + range.length)
    }

    /// The text as written that the UTF-16 units `from..<to` of ``text`` came from.
    func original(from lower: Int, to upper: Int) -> String {
        guard lower < upper, upper <= starts.count else { return "" }
        let utf16 = original.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: starts[lower])
        let end = utf16.index(utf16.startIndex, offsetBy: ends[upper - 1])
        return String(original[start..<end])
    }

    /// The text as written that `range` of ``text`` came from.
    func original(_ range: Range<String.Index>) -> String {
        original(NSRange(range, in: text))
    }

    // MARK: Folding

    private static func folded(_ original: String) -> [Unit] {
        let characters = Array(original)
        var offsets: [Int] = [0]
        offsets.reserveCapacity(characters.count + 1)
        for character in characters { offsets.append(offsets[offsets.count - 1] + character.utf16.count) }
        var units: [Unit] = []
        units.reserveCapacity(characters.count)
        var space: (start: Int, end: Int)?
        func emit(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
            if invisible(scalar) { return }
            if scalar.properties.isWhitespace {
                space = (space?.start ?? start, end)
                return
            }
            if let pending = space {
                if !units.isEmpty { units.append(Unit(scalar: " ", start: pending.start, end: pending.end)) }
                space = nil
            }
            units.append(Unit(scalar: plain(scalar), start: start, end: end))
        }
        var index = 0
        while index < characters.count {
            let start = offsets[index]
            if let (decoded, length) = reference(characters, at: index) {
                let end = offsets[index + length]
                for scalar in decoded.precomposedStringWithCompatibilityMapping.unicodeScalars {
                    emit(scalar, start, end)
                }
                index += length
                continue
            }
            let end = offsets[index + 1]
            let character = characters[index]
            if character.isASCII {
                for scalar in character.unicodeScalars { emit(scalar, start, end) }
            } else {
                for scalar in String(character).precomposedStringWithCompatibilityMapping.unicodeScalars {
                    emit(scalar, start, end)
                }
            }
            index += 1
        }
        return units
    }

    /// A character reference (`&#64;`, `&#x40;`, `&commat;`) or percent-encoded UTF-8 (`%40`,
    /// `%C2%A0`) at `index`, decoded, and how many characters it spans.
    private static func reference(_ characters: [Character], at index: Int) -> (String, Int)? {
        let first = characters[index]
        if first == "&" {
            var end = index + 1
            while end < characters.count, end - index <= 12, characters[end] != ";", characters[end] != "&" {
                end += 1
            }
            guard end < characters.count, characters[end] == ";", end > index + 1 else { return nil }
            let name = String(characters[(index + 1)..<end])
            let length = end - index + 1
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value =
                    digits.first == "x" || digits.first == "X"
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value) else { return nil }
                return (String(Character(scalar)), length)
            }
            guard let named = entities[name] else { return nil }
            return (named, length)
        }
        guard first == "%" else { return nil }
        var bytes: [UInt8] = []
        var end = index
        while end + 2 < characters.count, characters[end] == "%",
            let high = characters[end + 1].hexDigitValue, let low = characters[end + 2].hexDigitValue,
            characters[end + 1].isASCII, characters[end + 2].isASCII
        {
            bytes.append(UInt8(high * 16 + low))
            end += 3
        }
        guard !bytes.isEmpty, let decoded = String(validating: bytes, as: UTF8.self),
            decoded.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
        else { return nil }
        return (decoded, end - index)
    }

    private static let entities: [String: String] = [
        "amp": "&", "commat": "@", "period": ".", "sol": "/", "hyphen": "-", "dash": "-", "ndash": "–",
        "mdash": "—", "minus": "−", "lowbar": "_", "UnderBar": "_", "colon": ":", "comma": ",", "verbar": "|",
        "vert": "|", "VerticalLine": "|", "nbsp": "\u{00A0}", "plus": "+", "lpar": "(", "rpar": ")", "lt": "<",
        "gt": ">", "quot": "\"", "apos": "'", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "num": "#", "thinsp": " ", "ensp": " ", "emsp": " ", "zwsp": "", "shy": "",
    ]

    /// Characters that show nothing: zero-width ones, the soft hyphen, and the controls that change
    /// the direction of text (they can reorder a number on screen).
    static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            true
        default: scalar.properties.generalCategory == .control && !scalar.properties.isWhitespace
        }
    }

    /// A scalar in its plain form: any decimal digit as ASCII, any dash as `-`, any quote straight,
    /// any vertical bar as `|`.
    private static func plain(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar }
        let properties = scalar.properties
        if properties.numericType == .decimal, let value = properties.numericValue, (0...9).contains(value) {
            return Unicode.Scalar(UInt8(48 + Int(value)))
        }
        if properties.generalCategory == .dashPunctuation { return "-" }
        switch scalar.value {
        case 0x2212, 0x2043, 0x2011, 0xFE63, 0xFF0D: return "-"
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x00A6, 0x2223, 0x01C0, 0x2502: return "|"
        case 0x2044, 0x2215: return "/"
        default: return scalar
        }
    }
}
