import FeedbackLoop
import Foundation

/// Turns the HTML of a Decidim description into plain text, and back.
public enum HTMLText {
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'", "ndash": "–",
        "mdash": "—", "hellip": "…", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "pound": "£",
    ]
    private static let breaks: Set<String> = ["br", "/p", "/li", "/h1", "/h2", "/h3", "/h4", "/div", "/ul", "/ol"]

    /// The text of `html`: tags removed, entities decoded, paragraphs and line breaks kept as new lines.
    public static func plain(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = String(tag.split(whereSeparator: { $0 == " " || $0 == "/" && tag.first != "/" }).first ?? "")
                if breaks.contains(name) || tag.hasPrefix("br") { output += "\n" }
                if name == "li" { output += "- " }
                index = html.index(after: close)
            } else if character == "&", let end = html[index...].prefix(10).firstIndex(of: ";") {
                let name = String(html[html.index(after: index)..<end])
                if let decoded = entities[name] ?? numeric(name) {
                    output += decoded
                    index = html.index(after: end)
                } else {
                    output.append(character)
                    index = html.index(after: index)
                }
            } else {
                output.append(character)
                index = html.index(after: index)
            }
        }
        // Tidy: no trailing spaces, at most one blank line in a row.
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmed
        }
        var tidy: [String] = []
        for line in lines where !(line.isEmpty && (tidy.last?.isEmpty ?? true)) { tidy.append(line) }
        while tidy.last?.isEmpty == true { tidy.removeLast() }
        return tidy.joined(separator: "\n")
    }

    /// Plain text as HTML paragraphs, escaped.
    public static func html(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>" + String($0).htmlEscaped + "</p>" }
            .joined()
    }

    private static func numeric(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value =
            digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
