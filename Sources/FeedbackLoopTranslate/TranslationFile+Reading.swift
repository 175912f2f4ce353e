import FeedbackLoop
import FeedbackLoopImport
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension TranslationFile {
    /// Reads a file yswd wrote (XLIFF or CSV, told apart by their first bytes), with the translations
    /// a translator added. Only its shape is checked here; whether each unit still fits the record
    /// is the importer's to check.
    public static func read(_ data: Data, path: String) throws(TranslationFileError) -> TranslationFile {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { !(" \t\r\n".utf8.contains($0)) }
        if first == UInt8(ascii: "<") { return try readXLIFF(Data(bytes), path: path) }
        return try readCSV(Data(bytes), path: path)
    }

    static func readXLIFF(_ data: Data, path: String) throws(TranslationFileError) -> TranslationFile {
        // FoundationXML's parser cannot be trusted with bytes that are not UTF-8 (it stops the process on
        // some); yswd writes UTF-8, so anything else is refused here, at its line.
        if let bad = Self.firstInvalidUTF8(data) {
            throw .malformed(
                path: path, line: bad.line, column: bad.column,
                problem:
                    "this is not UTF-8 text (the byte there is 0x\(String(format: "%02X", bad.byte))); save the file as UTF-8"
            )
        }
        let reader = XLIFFReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        if let problem = reader.problem { throw problem.error(path: path) }
        guard parsed else {
            throw .malformed(
                path: path, line: parser.lineNumber, column: parser.columnNumber,
                problem:
                    "this is not well-formed XML (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "it ends too soon"))"
            )
        }
        guard reader.depth == 0 else {
            throw .malformed(
                path: path, line: parser.lineNumber, column: parser.columnNumber,
                problem: "the file ends before its elements are closed; it may have been cut short")
        }
        guard reader.sawRoot else { throw .notYswd(path: path, why: "it has no xliff element") }
        guard let original = reader.original else { throw .notYswd(path: path, why: "it has no file element") }
        let activity: String?
        if original == "yswd:phrases" {
            activity = nil
        } else if original.hasPrefix("yswd:activity/"), original.count > "yswd:activity/".count {
            activity = String(original.dropFirst("yswd:activity/".count))
        } else {
            throw .notYswd(
                path: path, why: "its file's original is '\(original)', not yswd:activity/REF or yswd:phrases")
        }
        let source: LanguageTag
        let target: LanguageTag
        do {
            source = try LanguageTag(parsing: reader.srcLang ?? "", field: "srcLang")
            target = try LanguageTag(parsing: reader.trgLang ?? "", field: "trgLang")
        } catch {
            throw .notYswd(path: path, why: error.description)
        }
        return TranslationFile(activity: activity, sourceLanguage: source, targetLanguage: target, units: reader.units)
    }

    /// Where the first byte that does not belong to valid UTF-8 is, if any.
    static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int, byte: UInt8)? {
        let bytes = [UInt8](data)
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1, byte)
            }
            guard index + length <= bytes.count,
                String(bytes: bytes[index..<(index + length)], encoding: .utf8) != nil
            else { return (line, index - lineStart + 1, byte) }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return nil
    }

    static func readCSV(_ data: Data, path: String) throws(TranslationFileError) -> TranslationFile {
        var reader = CSVReader(data: data)
        let header: CSVReader.Record
        do {
            guard let first = try reader.next() else {
                throw TranslationFileError.notYswd(path: path, why: "it is empty")
            }
            header = first
        } catch let error as TranslationFileError {
            throw error
        } catch {
            throw .malformed(path: path, line: 1, column: nil, problem: "\(error)")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names.count == csvHeader.count + 2, Array(names.prefix(csvHeader.count)) == csvHeader else {
            throw .notYswd(
                path: path,
                why: "its first line is not: \((csvHeader + ["SOURCE", "TARGET"]).joined(separator: ","))"
                    + " with the two languages' tags")
        }
        let source: LanguageTag
        let target: LanguageTag
        do {
            source = try LanguageTag(parsing: names[csvHeader.count], field: "the source language column")
            target = try LanguageTag(parsing: names[csvHeader.count + 1], field: "the target language column")
        } catch {
            throw .notYswd(path: path, why: error.description)
        }
        var units: [Unit] = []
        var activity: String?
        while true {
            let record: CSVReader.Record
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch {
                throw .malformed(path: path, line: header.line, column: nil, problem: "\(error)")
            }
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == names.count else {
                throw .malformed(
                    path: path, line: record.line, column: nil,
                    problem: "it has \(record.fields.count) columns; each line has \(names.count)")
            }
            let fields = record.fields
            let rowActivity = fields[0].isEmpty ? nil : fields[0]
            if units.isEmpty {
                activity = rowActivity
            } else if rowActivity != activity {
                throw .malformed(
                    path: path, line: record.line, column: 1,
                    problem: "activity '\(fields[0])' is not \(activity ?? "blank"), as the lines above it")
            }
            let limit = fields[3].isEmpty ? nil : Int(fields[3])
            if !fields[3].isEmpty, limit == nil {
                throw .malformed(
                    path: path, line: record.line, column: 4, problem: "most characters '\(fields[3])' is not a number")
            }
            units.append(
                Unit(
                    key: fields[1], section: fields[2], source: fields[4],
                    target: fields[5].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : fields[5],
                    limit: limit, line: record.line))
        }
        return TranslationFile(activity: activity, sourceLanguage: source, targetLanguage: target, units: units)
    }
}

/// Reads XLIFF 2.0 as yswd writes it, noting where each unit starts.
private final class XLIFFReader: NSObject, XMLParserDelegate {
    struct Problem {
        var line: Int
        var column: Int
        var message: String
        var notYswd: Bool

        func error(path: String) -> TranslationFileError {
            notYswd
                ? .notYswd(path: path, why: message)
                : .malformed(path: path, line: line, column: column, problem: message)
        }
    }

    var sawRoot = false
    var srcLang: String?
    var trgLang: String?
    var original: String?
    var units: [TranslationFile.Unit] = []
    var problem: Problem?
    /// Elements opened and not yet closed.
    var depth = 0

    private var unit: TranslationFile.Unit?
    private var text: String?
    private var noteCategory: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if !sawRoot {
            guard name == "xliff", namespaceURI == TranslationFile.namespace else {
                fail(
                    parser,
                    "its root is <\(qualifiedName ?? name)>, not XLIFF 2.0's <xliff> in \(TranslationFile.namespace)",
                    notYswd: true)
                return
            }
            guard attributes["version"] == "2.0" else {
                fail(parser, "it is XLIFF version \(attributes["version"] ?? "(none)"), not 2.0", notYswd: true)
                return
            }
            sawRoot = true
            srcLang = attributes["srcLang"]
            trgLang = attributes["trgLang"]
            return
        }
        switch name {
        case "file":
            if original != nil {
                fail(parser, "it has more than one file element; yswd writes one", notYswd: true)
            }
            original = attributes["original"] ?? ""
        case "unit":
            guard let key = attributes["name"], !key.isEmpty else {
                fail(parser, "a unit has no name; yswd names each unit by the text it holds", notYswd: false)
                return
            }
            unit = TranslationFile.Unit(key: key, section: "", source: "", line: parser.lineNumber)
        case "source", "target": text = ""
        case "note":
            noteCategory = attributes["category"]
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        switch name {
        case "source": unit?.source = text ?? ""
        case "target":
            unit?.target = text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        case "note":
            if noteCategory == "location" { unit?.section = text ?? "" }
            if noteCategory == "limit", let text {
                unit?.limit = Int(text.filter(\.isNumber))
            }
        case "unit":
            if let unit { units.append(unit) }
            unit = nil
        default: break
        }
        if ["source", "target", "note"].contains(name) { text = nil }
    }

    private func fail(_ parser: XMLParser, _ message: String, notYswd: Bool) {
        guard problem == nil else { return }
        problem = Problem(line: parser.lineNumber, column: parser.columnNumber, message: message, notYswd: notYswd)
        parser.abortParsing()
    }
}
