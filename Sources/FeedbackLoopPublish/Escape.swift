import FeedbackLoop

/// Escaping for each participant-facing format, so text from the record is shown as written and
/// never runs as markup, a link or a spreadsheet formula.
public enum Escape {
    /// Markdown: every character CommonMark could read as markup there is backslash-escaped, line
    /// breaks become spaces (so no text can start a heading, list or block), and control characters
    /// go. `(` is escaped only straight after a bracket, `#` only where it would start a heading, and
    /// `)`, braces and `!` never (none is markup once `[` and `]` are escaped), so prose keeps them as
    /// written ("(Hounslow)").
    static func markdown(_ text: String) -> String {
        let text = unmarked(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var atStart = true
        var leadingDigits = false
        for scalar in plain(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case "-" where atStart, "+" where atStart, "#" where atStart, "." where leadingDigits,
                "(" where out.hasSuffix("]"):
                // Would start a list item where the value begins a line.
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                out.append(" ")
            default:
                out.unicodeScalars.append(scalar)
            }
            leadingDigits = (atStart || leadingDigits) && ("0"..."9").contains(scalar)
            atStart = false
        }
        return out
    }

    /// HTML text and attribute values (``Swift/String/htmlEscaped``), bidi-safe (``SafeText/bidi(_:)``).
    /// A text left in the source language inside a translation (``marked(_:as:)``) is wrapped in a span
    /// with its `lang` and direction.
    static func html(_ text: String) -> String {
        guard text.unicodeScalars.contains(markerStart) else { return SafeText.bidi(text).htmlEscaped }
        var out = ""
        var plain = String.UnicodeScalarView()
        var code = String.UnicodeScalarView()
        var state = 0  // 0 plain text, 1 a mark's tag, 2 a marked text
        func flush() {
            guard !plain.isEmpty else { return }
            out += SafeText.bidi(String(plain)).htmlEscaped
            plain.removeAll()
        }
        for scalar in text.unicodeScalars {
            switch (scalar, state) {
            case (markerStart, 0):
                flush()
                code.removeAll()
                state = 1
            case (markerLanguage, 1):
                let tag = try? LanguageTag(parsing: String(code))
                out +=
                    "<span lang=\"\((tag?.code ?? "en").htmlEscaped)\" dir=\"\(tag?.isRightToLeft == true ? "rtl" : "ltr")\">"
                state = 2
            case (markerEnd, 2):
                flush()
                out += "</span>"
                state = 0
            case (_, 1): code.append(scalar)
            case _ where isMarker(scalar): break
            default: plain.append(scalar)
            }
        }
        flush()
        if state == 2 { out += "</span>" }
        return out
    }

    /// Marks `text` as left in `language` inside a translation (a private-use code point either side
    /// and the language's tag), so HTML can give it `lang`; every other format drops the marks.
    public static func marked(_ text: String, as language: LanguageTag) -> String {
        String(markerStart) + language.code + String(markerLanguage) + text + String(markerEnd)
    }

    /// The text without language marks: the tag inside each mark is dropped with it.
    static func unmarked(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isMarker) else { return text }
        var out = String.UnicodeScalarView()
        var inTag = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case markerStart: inTag = true
            case markerLanguage: inTag = false
            case markerEnd: break
            default: if !inTag { out.append(scalar) }
            }
        }
        return String(out)
    }

    static let markerStart: Unicode.Scalar = "\u{E000}"
    static let markerEnd: Unicode.Scalar = "\u{E001}"
    static let markerLanguage: Unicode.Scalar = "\u{E002}"

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool { (0xE000...0xE002).contains(scalar.value) }

    /// One CSV cell (RFC 4180), bidi-safe (``SafeText/bidi(_:)``). A cell a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading `'`, so it is shown as text.
    static func csvCell(_ text: String) -> String {
        var value = SafeText.bidi(text)
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line, ending in CRLF as Excel expects, with the formula guard of ``csvCell(_:)``.
    public static func csvLine(_ cells: [String]) -> String {
        cells.map(csvCell).joined(separator: ",") + "\r\n"
    }

    /// Text that cannot change the direction of anything around it (``SafeText/bidi(_:)``).
    /// Private-use language marks are removed too: only yswd places them.
    public static func bidiSafe(_ text: String) -> String {
        let safe = SafeText.bidi(text)
        guard safe.unicodeScalars.contains(where: isMarker) else { return safe }
        return String(String.UnicodeScalarView(safe.unicodeScalars.filter { !isMarker($0) }))
    }

    /// Text with control characters (other than tab and line breaks) removed: they have no place
    /// in a publication and some formats cannot carry them.
    static func plain(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                SafeText.bidi(text).unicodeScalars.filter { scalar in
                    scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
                }))
    }
}
