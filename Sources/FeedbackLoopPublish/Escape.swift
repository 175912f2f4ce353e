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
    static func html(_ text: String) -> String { SafeText.bidi(text).htmlEscaped }

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
    public static func bidiSafe(_ text: String) -> String { SafeText.bidi(text) }

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
