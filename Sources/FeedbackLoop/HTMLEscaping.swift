extension String {
    /// The text escaped for HTML text and attribute values: `&`, `<`, `>`, `"` and `'` become
    /// entities, so it is shown as written and never read as markup. Every HTML yswd writes, for
    /// participants or for other systems, escapes with this.
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
