import FeedbackLoopImport
import Foundation
import Testing

@Suite struct CSVReaderTests {
    private func records(
        _ text: String, delimiter: Character = ",", encoding: CSVReader.Encoding = .utf8, maxFieldBytes: Int = 1 << 20
    ) throws -> [CSVReader.Record] {
        try records(Data(text.utf8), delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldBytes)
    }

    private func records(
        _ data: Data, delimiter: Character = ",", encoding: CSVReader.Encoding = .utf8, maxFieldBytes: Int = 1 << 20
    ) throws -> [CSVReader.Record] {
        var reader = CSVReader(
            data: data, delimiter: delimiter.asciiValue!, encoding: encoding, maxFieldBytes: maxFieldBytes)
        var result: [CSVReader.Record] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test(arguments: [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r1,2", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("a,,c\n,,\n", [["a", "", "c"], ["", "", ""]]),
        ("\"a,b\",\"c\"\"d\"\n", [["a,b", "c\"d"]]),
        ("\"\"\n", [[""]]),
        ("a\n\n\nb\n", [["a"], ["b"]]),
        ("\u{FEFF}id,text\n1,x\n", [["id", "text"], ["1", "x"]]),
        ("x,\"multi\nline\r\nfield\",y\n", [["x", "multi\nline\r\nfield", "y"]]),
        ("émoji 👍🏽,עברית\n", [["émoji 👍🏽", "עברית"]]),
    ])
    func parses(text: String, expected: [[String]]) throws {
        #expect(try records(text).map(\.fields) == expected)
    }

    @Test func eachRecordKnowsTheLineItStartsOn() throws {
        let text = "id,text\n1,\"two\nlines\"\n\n2,\"three\r\nmore\r\nlines\"\r\n3,last"
        #expect(try records(text).map(\.line) == [1, 2, 5, 8])
    }

    @Test(arguments: [
        (";", "a;b\n\"x;y\";z\n", [["a", "b"], ["x;y", "z"]]), ("\t", "a\tb\nc d\te\n", [["a", "b"], ["c d", "e"]]),
    ])
    func otherDelimiters(delimiter: Character, text: String, expected: [[String]]) throws {
        #expect(try records(text, delimiter: delimiter).map(\.fields) == expected)
    }

    @Test func anUnclosedQuoteNamesTheLineWhereItOpened() {
        #expect(throws: ImportError.unclosedQuote(line: 3, column: 2)) {
            try records("id,text\n1,ok\n2,\"never closed\n3,more\n4,x\n")
        }
    }

    @Test func aStrayQuoteIsAnError() {
        #expect(throws: ImportError.strayQuote(line: 2, column: 2)) { try records("a,b\n1,say \"hi\"\n") }
        #expect(throws: ImportError.strayQuote(line: 1, column: 1, openedOn: 1)) { try records("\"a\"b,c\n") }
    }

    @Test func aStrayQuoteAfterAQuotedFieldNamesTheLineTheFieldOpenedOn() {
        let text = "a,b\n1,\"first line\nsecond line\nthird\" and more\n"
        #expect(throws: ImportError.strayQuote(line: 4, column: 2, openedOn: 2)) { try records(text) }
        #expect(
            ImportError.strayQuote(line: 4, column: 2, openedOn: 2).description
                == "line 2, column 2: a quoted field opened here runs to line 4, where its closing quote is followed"
                + " by text; a quote inside a field must be doubled (\"\")")
    }

    @Test func aFileThatIsOnlyAByteOrderMarkHasNoRecords() throws {
        var reader = CSVReader(data: Data([0xEF, 0xBB, 0xBF]))
        #expect(try reader.next() == nil)
        var withLine = CSVReader(data: Data([0xEF, 0xBB, 0xBF, 0x0A]))
        #expect(try withLine.next() == nil)
    }

    @Test(arguments: [
        ("a,b\n1,x\u{0}y\n", 2, 2), ("a,b\n\u{0},x\n", 2, 1), ("a,b\n1,\"multi\nline\u{0}\"\n", 3, 2),
        ("\u{0}", 1, 1),
    ])
    func aNulByteIsRefusedWithItsLineAndColumn(text: String, line: Int, column: Int) {
        #expect(throws: ImportError.nulByte(line: line, column: column)) { try records(text) }
    }

    @Test func invalidUTF8NamesTheLineAndSuggestsWindows1252() throws {
        let bytes = Data("id,text\n1,ok\n2,caf".utf8) + Data([0xE9]) + Data("\n".utf8)
        #expect(throws: ImportError.invalidUTF8(line: 3)) { try records(bytes) }
        #expect(ImportError.invalidUTF8(line: 3).description.contains("read it as Windows-1252"))
        let converted = try records(bytes, encoding: .windows1252)
        #expect(converted.last?.fields == ["2", "café"])
        #expect(try records(Data([0x80, 0x93, 0x41, 0x94]), encoding: .windows1252).first?.fields == ["€“A”"])
    }

    @Test func theEncodingAndSeparatorAreFoundFromTheFile() throws {
        let text = "Name;Comment\nZoë;\"café, ok\"\n"
        var utf16LE = Data([0xFF, 0xFE])
        var utf16BE = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            utf16LE += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)])
            utf16BE += Data([UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        let windows =
            Data("Name;Comment\nZo".utf8) + Data([0xEB]) + Data(";\"caf".utf8) + Data([0xE9]) + Data(", ok\"\n".utf8)
        let cases: [(Data, CSVReader.Encoding)] = [
            (Data(text.utf8), .utf8), (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), .utf8), (utf16LE, .utf16LE),
            (utf16BE, .utf16BE), (windows, .windows1252),
        ]
        for (bytes, encoding) in cases {
            let sniff = try FileSniff.sniff(data: bytes)
            #expect(sniff.encoding == encoding)
            #expect(sniff.delimiter == .semicolon)
            var reader = CSVReader(data: bytes, delimiter: sniff.delimiter.byte, encoding: sniff.encoding)
            _ = try reader.next()
            #expect(try reader.next()?.fields == ["Zoë", "café, ok"], "\(encoding)")
        }
        #expect(try FileSniff.sniff(data: Data("a\tb,c\tc\n".utf8)).delimiter == .tab)
        #expect(try FileSniff.sniff(data: Data("just one column\n".utf8)).delimiter == .comma)
    }

    @Test func utf16KeepsCharactersBeyondTheBasicPlaneAndMarksBrokenOnes() throws {
        // "a😀b" then an unpaired high surrogate, little-endian.
        let units: [UInt16] = [0xFEFF, 0x61, 0xD83D, 0xDE00, 0x62, 0x2C, 0xD800, 0x0A]
        let bytes = Data(units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var reader = CSVReader(data: bytes, encoding: .utf16LE)
        #expect(try reader.next()?.fields == ["a😀b", "\u{FFFD}"])
    }

    @Test func aFieldOverTheLimitIsRefused() throws {
        let big = String(repeating: "x", count: 2_048)
        #expect(throws: ImportError.fieldTooLarge(line: 2, column: 2, limitKB: 1)) {
            try records("a,b\n1,\(big)\n", maxFieldBytes: 1_024)
        }
        #expect(throws: ImportError.fieldTooLarge(line: 2, column: 1, limitKB: 1)) {
            try records("a\n\"\(big)\"\n", maxFieldBytes: 1_024)
        }
        #expect(try records("a,b\n1,\(big)\n", maxFieldBytes: 4_096).last?.fields[1].count == 2_048)
    }

    @Test func readsAcrossChunkBoundaries() throws {
        // Records far bigger than the reader's 64 KB chunks, with quotes and line breaks everywhere.
        var text = "id,text\n"
        var expected: [[String]] = [["id", "text"]]
        for number in 1...300 {
            let value = String(repeating: "a \"quoted\" word,\n", count: number * 7)
            text += "\(number),\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
            expected.append([String(number), value])
        }
        let parsed = try records(text)
        #expect(parsed.map(\.fields) == expected)
        #expect(parsed.last?.line == 2 + (1...299).reduce(0) { $0 + 7 * $1 + 1 })
    }

    @Test func readsAFileStreaming() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "yswd-csv-\(UUID().uuidString).csv").path()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("id,text\n1,one\n2,two\n".utf8).write(to: URL(fileURLWithPath: path))
        var reader = try CSVReader(path: path)
        var lines: [Int] = []
        while let record = try reader.next() { lines.append(record.line) }
        #expect(lines == [1, 2, 3])
        #expect(reader.bytesRead == 20)
        #expect(throws: ImportError.unreadable(path: path + ".missing")) { try CSVReader(path: path + ".missing") }
    }
}
