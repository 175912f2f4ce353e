/// Help text laid out for any terminal width.
enum HelpText {
    /// `text` with each paragraph of prose joined into one line, so the help printer wraps it to the
    /// terminal's width instead of breaking it where the source line ended. Indented lines (the
    /// examples) and lines after a line ending in `:` stay as written: an example is never reflowed.
    static func reflowed(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let isProse = !line.isEmpty && !line.hasPrefix(" ")
            if isProse, let previous = lines.last, !previous.isEmpty, !previous.hasPrefix(" "),
                !previous.hasSuffix(":")
            {
                lines[lines.count - 1] = previous + " " + line
            } else {
                // Prose straight after an example starts a paragraph of its own.
                if isProse, let previous = lines.last, previous.hasPrefix(" ") { lines.append("") }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}
