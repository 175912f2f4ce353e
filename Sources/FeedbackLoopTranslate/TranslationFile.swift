import FeedbackLoop
import FeedbackLoopImport
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Texts handed to a translator and back: an activity's public texts (`activity` set), or the
/// built-in phrases of the message catalogue (`activity` nil). Written as XLIFF 2.0, which
/// translation tools import, or as CSV for a spreadsheet; read back from either.
public struct TranslationFile: Sendable, Equatable {
    public var activity: String?
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var units: [Unit]

    public struct Unit: Sendable, Equatable {
        public var key: String
        /// Where the text appears, for the translator.
        public var section: String
        public var source: String
        public var target: String?
        public var limit: Int?
        /// The line the unit starts on in the file read, for errors.
        public var line: Int?

        public init(
            key: String, section: String, source: String, target: String? = nil, limit: Int? = nil, line: Int? = nil
        ) {
            self.key = key
            self.section = section
            self.source = source
            self.target = target
            self.limit = limit
            self.line = line
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case xliff, csv
    }

    public init(activity: String?, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, units: [Unit]) {
        self.activity = activity
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }

    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    /// The `original` of the file element: what yswd recognises as its own.
    var original: String { activity.map { "yswd:activity/\($0)" } ?? "yswd:phrases" }

    /// The file as `format`.
    public func data(as format: Format) -> Data {
        switch format {
        case .xliff: xliff()
        case .csv: csv()
        }
    }

    /// XLIFF 2.0: one `file`, one `unit` per text with its notes (where it appears, the most
    /// characters) and one `segment` holding the source and, where there is one, the translation.
    func xliff() -> Data {
        let root = XMLElement(name: "xliff")
        if let namespace = XMLNode.namespace(withName: "", stringValue: Self.namespace) as? XMLNode {
            root.addNamespace(namespace)
        }
        Self.attribute(root, "version", "2.0")
        Self.attribute(root, "srcLang", sourceLanguage.code)
        Self.attribute(root, "trgLang", targetLanguage.code)
        let file = XMLElement(name: "file")
        Self.attribute(file, "id", "f1")
        Self.attribute(file, "original", original)
        root.addChild(file)
        for (index, unit) in units.enumerated() {
            let element = XMLElement(name: "unit")
            Self.attribute(element, "id", "u\(index + 1)")
            Self.attribute(element, "name", unit.key)
            let notes = XMLElement(name: "notes")
            notes.addChild(Self.note("location", unit.section))
            if let limit = unit.limit { notes.addChild(Self.note("limit", "At most \(limit) characters")) }
            element.addChild(notes)
            let segment = XMLElement(name: "segment")
            segment.addChild(XMLElement(name: "source", stringValue: Self.xmlSafe(unit.source)))
            if let target = unit.target {
                segment.addChild(XMLElement(name: "target", stringValue: Self.xmlSafe(target)))
            }
            element.addChild(segment)
            file.addChild(element)
        }
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        var data = document.xmlData(options: [.nodePrettyPrint])
        data.append(UInt8(ascii: "\n"))
        return data
    }

    private static func attribute(_ element: XMLElement, _ name: String, _ value: String) {
        if let attribute = XMLNode.attribute(withName: name, stringValue: value) as? XMLNode {
            element.addAttribute(attribute)
        }
    }

    private static func note(_ category: String, _ text: String) -> XMLElement {
        let note = XMLElement(name: "note", stringValue: xmlSafe(text))
        Self.attribute(note, "category", category)
        return note
    }

    /// XML 1.0 cannot carry most control characters: they are written out as `\u{…}`.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isXMLCharacter(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return out
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// CSV for a spreadsheet: UTF-8 with a byte order mark; the header names the activity's column,
    /// then the source and target languages' tags above their columns.
    func csv() -> Data {
        var out = "\u{FEFF}" + CSVText.line(Self.csvHeader + [sourceLanguage.code, targetLanguage.code])
        for unit in units {
            out += CSVText.line([
                activity ?? "", unit.key, unit.section, unit.limit.map(String.init) ?? "", unit.source,
                unit.target ?? "",
            ])
        }
        return Data(out.utf8)
    }

    static let csvHeader = ["activity", "key", "where it appears", "most characters"]
}

/// CSV cells as a spreadsheet reads them back unchanged: quoted where needed; nothing is prefixed,
/// since the file comes back to yswd rather than going out.
enum CSVText {
    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }
}
