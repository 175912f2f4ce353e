extension Substring {
    /// The text without leading and trailing white space (spaces, tabs, line breaks, no-break
    /// spaces). Pure Swift: Foundation's `trimmingCharacters` is slow on Linux, and imports call
    /// this for every cell.
    public var trimmed: String {
        // Most cells have nothing to trim: a printable ASCII byte at each end.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

extension String {
    /// The text without leading and trailing white space; see `Substring.trimmed`.
    public var trimmed: String { self[...].trimmed }
}
