import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopPublish

/// Text that tries to break out of every format: each must come out as text, never as markup,
/// a link, an image, a formula, or a broken row.
@Suite struct HostileTextTests {
    static let corpus: [(name: String, text: String)] = [
        ("script tag", "<script>alert('you said')</script>"),
        ("attribute breaker", "\"><img src=x onerror=alert(1)>'"),
        ("markdown link", "[click here](https://evil.example/steal)"),
        ("markdown image", "![tracker](https://evil.example/pixel.png)"),
        ("markdown heading and list", "# Heading\n- item\n1. first"),
        ("formula", "=HYPERLINK(\"https://evil.example\",\"click\")"),
        ("formula plus", "+cmd|' /C calc'!A0"),
        ("formula minus", "-2+3"),
        ("formula at", "@SUM(A1:A9)"),
        ("right to left", "\u{202E}gnp.exe \u{05E9}\u{05DC}\u{05D5}\u{05DD} مرحبا"),
        (
            "paired right to left",
            "Read \u{2067}\u{05E9}\u{05DC}\u{05D5}\u{05DD}\u{2069} and \u{202B}مرحبا\u{202C} here"
        ),
        ("stray closers", "\u{202C}\u{2069}closed \u{2066}never"),
        ("emoji", "The call-back works 👍🏽 👨‍👩‍👧 🏥"),
        ("ampersand entity", "&lt;b&gt; is not bold &amp; neither is <b>this</b>"),
        ("long", String(repeating: "I waited on hold for an hour. ", count: 334)),
    ]

    static func snapshot(_ text: String) -> UpdateSnapshot {
        Sample.snapshot(title: text, said: text, decision: text, explanation: text, quote: text, impact: text)
    }

    @Test(arguments: corpus.map(\.name))
    func html(name: String) throws {
        let raw = Self.corpus.first { $0.name == name }!.text
        let text = Escape.bidiSafe(raw)
        for format in [PublishFormat.html, .easyRead] {
            let output = try UpdateRenderer().render(Self.snapshot(raw), as: format).text
            let markup = output.lowercased()
            #expect(!markup.contains("<script"), "\(format): no script element")
            #expect(!markup.contains("<img"), "\(format): no image element")
            #expect(!markup.contains("<b>"), "\(format): no bold element")
            if text.contains("<") || text.contains("\"") { #expect(!output.contains(text), "\(format): escaped") }
            #expect(output.contains(Escape.html(text)), "\(format): the text itself is shown")
        }
    }

    @Test(arguments: corpus.map(\.name))
    func markdown(name: String) throws {
        let raw = Self.corpus.first { $0.name == name }!.text
        let text = Escape.bidiSafe(raw)
        let output = try UpdateRenderer().render(Self.snapshot(raw), as: .md).text
        #expect(!output.contains("](https://evil"), "no link or image")
        #expect(!output.replacingOccurrences(of: "\\<", with: "").contains("<script"), "no raw HTML")
        #expect(!output.contains("\n# Heading"), "no heading from the text")
        #expect(!output.contains("\n- item"), "no list from the text")
        #expect(output.contains(Escape.markdown(text)))
    }

    @Test(arguments: corpus.map(\.name))
    func csv(name: String) throws {
        let raw = Self.corpus.first { $0.name == name }!.text
        let text = Escape.bidiSafe(raw)
        let output = try UpdateRenderer().render(Self.snapshot(raw), as: .csv).text
        #expect(output.hasPrefix("\u{FEFF}"), "a byte order mark for Excel")
        let rows = Self.parseCSV(String(output.dropFirst()))
        #expect(rows.count == 5, "a header and four themes")
        for row in rows {
            #expect(row.count == UpdateRenderer.csvHeader.count, "every row has every column")
            for cell in row {
                #expect(!"=+-@".contains(cell.first ?? " "), "no cell can run as a formula: \(cell.prefix(30))")
            }
        }
        let said = rows[1][UpdateRenderer.csvHeader.firstIndex(of: "youSaid")!]
        let expected = "=+-@".contains(text.first!) ? "'" + text : text
        #expect(said == Escape.plain(expected) || said == expected, "the text survives whole")
    }

    @Test(arguments: corpus.map(\.name))
    func json(name: String) throws {
        let raw = Self.corpus.first { $0.name == name }!.text
        let text = Escape.bidiSafe(raw)
        let output = try UpdateRenderer().render(Self.snapshot(raw), as: .json).bytes
        let content = try JSONDecoder().decode(UpdateContent.self, from: output)
        #expect(content.activity.title == text, "the text round-trips exactly")
        #expect(content.themes[0].quotes == [text])
    }

    @Test(arguments: corpus.map(\.name))
    func plainText(name: String) throws {
        let raw = Self.corpus.first { $0.name == name }!.text
        let text = Escape.bidiSafe(raw)
        let output = try UpdateRenderer().render(Self.snapshot(raw), as: .txt).text
        #expect(output.contains(text), "text is shown as written")
    }

    /// A small RFC 4180 reader, so the test does not trust the writer.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(cell)
                cell = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return rows
    }

    @Test(arguments: corpus.map(\.name))
    func noFormatCarriesAnUnpairedDirectionControl(name: String) throws {
        let raw = Self.corpus.first { $0.name == name }!.text
        for format in PublishFormat.allCases {
            let output = try UpdateRenderer().render(Self.snapshot(raw), as: format).text
            #expect(
                !output.unicodeScalars.contains("\u{202E}") || raw.contains("\u{202C}"), "\(format): no stray override")
            for line in output.split(whereSeparator: \.isNewline) {
                #expect(Escape.bidiSafe(String(line)) == String(line), "\(format): every control is paired")
            }
        }
    }

    @Test(arguments: [
        ("\u{202E}abc", "abc"),
        ("a\u{202E}b\u{202C}c", "a\u{202E}b\u{202C}c"),
        ("a\u{2067}b\u{2069}c", "a\u{2067}b\u{2069}c"),
        ("a\u{2067}b\u{202B}c\u{2069}d", "a\u{2067}bc\u{2069}d"),  // an embedding left open inside an isolate
        ("a\u{202B}b\u{2069}c", "abc"),  // a PDI closes no embedding
        ("a\u{202C}b", "ab"),
        ("a\u{2066}b\nc\u{2069}d", "ab\ncd"),  // paragraphs end every control
        ("plain text", "plain text"),
    ])
    func bidiSafetyRemovesOnlyUnpairedControls(text: String, expected: String) {
        #expect(Escape.bidiSafe(text) == expected)
    }
}
