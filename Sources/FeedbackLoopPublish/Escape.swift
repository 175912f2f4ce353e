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

    /// HTML text and attribute values (``Swift/String/htmlEscaped``).
    static func html(_ text: String) -> String { text.htmlEscaped }

    /// One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading `'`, so it is shown as text.
    static func csvCell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line, ending in CRLF as Excel expects, with the formula guard of ``csvCell(_:)``.
    public static func csvLine(_ cells: [String]) -> String {
        cells.map(csvCell).joined(separator: ",") + "\r\n"
    }

    /// Text that cannot change the direction of anything around it: each bidirectional embedding,
    /// override or isolate that is not closed within its own paragraph is removed, as is each
    /// closing control with nothing to close. Paired controls stay, so right-to-left text that
    /// uses them reads as its author wrote it.
    public static func bidiSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { bidiControls.contains($0.value) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var keep = [Bool](repeating: true, count: scalars.count)
        var open: [(index: Int, isolate: Bool)] = []
        func closeParagraph() {
            for opener in open { keep[opener.index] = false }
            open.removeAll()
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x202A...0x202B, 0x202D...0x202E: open.append((index, false))  // LRE, RLE, LRO, RLO
            case 0x2066...0x2068: open.append((index, true))  // LRI, RLI, FSI
            case 0x202C:  // PDF closes the innermost embedding, never across an isolate
                if let last = open.last, !last.isolate { open.removeLast() } else { keep[index] = false }
            case 0x2069:  // PDI closes the innermost isolate and any embeddings inside it
                if let isolate = open.lastIndex(where: \.isolate) {
                    for opener in open[(isolate + 1)...] { keep[opener.index] = false }
                    open.removeSubrange(isolate...)
                } else {
                    keep[index] = false
                }
            case 0x0A, 0x0D, 0x1C...0x1E, 0x85, 0x2029: closeParagraph()
            default: break
            }
        }
        closeParagraph()
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() where keep[index] { out.append(scalar) }
        return String(out)
    }

    private static let bidiControls: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    /// Text with control characters (other than tab and line breaks) removed: they have no place
    /// in a publication and some formats cannot carry them.
    static func plain(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
                }))
    }
}
