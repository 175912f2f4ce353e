extension String {
    /// The text escaped for HTML text and attribute values: `&`, `<`, `>`, `"` and `'` become
    /// entities, so it is shown as written and never read as markup. Every HTML yswd writes, for
    /// participants or for other systems, escapes with this. It works scalar by scalar, so a
    /// combining mark after `<` (one character, `<` and U+0338) does not hide the `<` from it.
    public var htmlEscaped: String {
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return self
        }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
