import Foundation

/// Text from the record made safe to show anywhere: the one place every output (public pages, the
/// site index and feed, every CSV, every staff page, every error) goes through, so a stray control
/// character in what someone typed or uploaded cannot reorder, hide or restyle what is around it.
public enum SafeText {
    /// Text that cannot change the direction of anything around it: each bidirectional embedding,
    /// override or isolate that is not closed within its own paragraph is removed, as is each
    /// closing control with nothing to close. Paired controls stay, so right-to-left text that
    /// uses them reads as its author wrote it.
    public static func bidi(_ text: String) -> String {
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

    static let bidiControls: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    /// Text for a staff page or a message: unpaired direction controls removed (``bidi(_:)``) and
    /// every other control character written out (``shown(_:directionControls:)``).
    public static func display(_ text: String) -> String {
        // Most text is printable ASCII, with line breaks and tabs: nothing to remove or write out.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            return text
        }
        return shown(bidi(text), directionControls: false, carriageReturns: false)
    }

    /// Text as an error or a terminal may show it: each control character (an escape, a bell, a
    /// carriage return, a direction control) written out as `\u{1B}`, so a value from a file can
    /// never move the cursor, colour the terminal or reorder the message. Line breaks and tabs stay.
    /// With `directionControls: false`, direction controls are left as they are (use it after
    /// ``bidi(_:)``, which has removed every unpaired one); with `carriageReturns: false`, so are
    /// carriage returns (a page shows a Windows line break as a line break).
    public static func shown(_ text: String, directionControls: Bool = true, carriageReturns: Bool = true) -> String {
        let hidden = { (scalar: Unicode.Scalar) in
            isHidden(scalar) && (carriageReturns || scalar != "\r")
                && (directionControls
                    || !(bidiControls.contains(scalar.value) || scalar.value == 0x200E
                        || scalar.value == 0x200F))
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if hidden(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A control character other than a line break or tab, or a direction control.
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || bidiControls.contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F
    }
}
