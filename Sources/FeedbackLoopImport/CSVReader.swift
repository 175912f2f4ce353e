import Foundation

/// A streaming RFC 4180 CSV reader working on bytes: it holds one record at a time, whatever the
/// file's size, and knows the line each record starts on.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; lines may end in CRLF, LF or
/// CR; a UTF-8 byte order mark is skipped; blank lines are skipped. Text is decoded as UTF-8 (and
/// invalid UTF-8 is an error naming the line) or as Windows-1252. A NUL byte is an error naming
/// its line and column: no byte sequence makes the reader crash or cut a field short.
public struct CSVReader {
    /// One record: its fields and the line of the file it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
        case windows1252 = "windows-1252"

        /// The encoding as people name it.
        public var label: String {
            switch self {
            case .utf8: "UTF-8"
            case .utf16LE: "UTF-16 (little-endian)"
            case .utf16BE: "UTF-16 (big-endian)"
            case .windows1252: "Windows-1252 (Excel on Windows)"
            }
        }
    }

    /// The field separators the reader takes.
    public enum Delimiter: String, Sendable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab

        public var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            }
        }

        /// The separator as people name it.
        public var label: String {
            switch self {
            case .comma: "Commas"
            case .semicolon: "Semicolons"
            case .tab: "Tabs"
            }
        }
    }

    private let source: ByteSource
    private let delimiter: UInt8
    private let encoding: Encoding
    private let maxFieldBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var atStart = true
    private var finished = false
    /// Bytes read so far, for progress reports.
    public private(set) var bytesRead = 0

    /// Reads the file at `path`.
    public init(
        path: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: Encoding = .utf8, maxFieldBytes: Int = 1 << 20
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError.unreadable(path: path) }
        self.init(
            source: FileSource(handle: handle), delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldBytes)
    }

    /// Reads bytes held in memory (for tests and small inputs).
    public init(
        data: Data, delimiter: UInt8 = UInt8(ascii: ","), encoding: Encoding = .utf8, maxFieldBytes: Int = 1 << 20
    ) {
        self.init(
            source: DataSource(data: data), delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldBytes)
    }

    private init(source: ByteSource, delimiter: UInt8, encoding: Encoding, maxFieldBytes: Int) {
        // UTF-16 is read as UTF-8: the separators are then single bytes like every other encoding's.
        switch encoding {
        case .utf16LE, .utf16BE:
            self.source = UTF16Source(source, bigEndian: encoding == .utf16BE)
            self.encoding = .utf8
        case .utf8, .windows1252:
            self.source = source
            self.encoding = encoding
        }
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    /// The next record, or nil at the end of the input.
    /// - Throws: ``ImportError`` for an unclosed quote, a stray quote, an oversized field or bad UTF-8.
    public mutating func next() throws -> Record? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false  // inside a quoted field
        var wasQuoted = false  // the current field was quoted (and the closing quote seen)
        var recordLine = line
        var quoteLine = line
        var sawAnything = false

        func finishField() throws {
            guard field.count <= maxFieldBytes else {
                throw ImportError.fieldTooLarge(
                    line: recordLine, column: fields.count + 1, limitKB: maxFieldBytes / 1024)
            }
            fields.append(try decode(field, line: recordLine))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }

        while let byte = try nextByte() {
            if byte == 0 { throw ImportError.nulByte(line: line, column: fields.count + 1) }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") {
                        _ = try nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                        wasQuoted = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                    } else if byte == UInt8(ascii: "\r"), try peekByte() != UInt8(ascii: "\n") {
                        line += 1
                    }
                    field.append(byte)
                    appendRun(to: &field) {
                        $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != 0
                    }
                    if field.count > maxFieldBytes {
                        throw ImportError.fieldTooLarge(
                            line: recordLine, column: fields.count + 1, limitKB: maxFieldBytes / 1024)
                    }
                }
                continue
            }
            switch byte {
            case delimiter:
                sawAnything = true
                try finishField()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if byte == UInt8(ascii: "\r"), try peekByte() == UInt8(ascii: "\n") { _ = try nextByte() }
                line += 1
                if !sawAnything && field.isEmpty && fields.isEmpty && !wasQuoted {
                    recordLine = line  // a blank line: skip it
                    quoteLine = line
                    continue
                }
                try finishField()
                return Record(line: recordLine, fields: fields)
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else {
                    throw ImportError.strayQuote(
                        line: line, column: fields.count + 1, openedOn: wasQuoted ? quoteLine : nil)
                }
                quoted = true
                sawAnything = true
                quoteLine = line
            default:
                if wasQuoted {
                    throw ImportError.strayQuote(line: line, column: fields.count + 1, openedOn: quoteLine)
                }
                sawAnything = true
                field.append(byte)
                let delimiter = delimiter
                appendRun(to: &field) {
                    $0 != delimiter && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r")
                        && $0 != 0
                }
                if field.count > maxFieldBytes {
                    throw ImportError.fieldTooLarge(
                        line: recordLine, column: fields.count + 1, limitKB: maxFieldBytes / 1024)
                }
            }
        }
        if quoted { throw ImportError.unclosedQuote(line: quoteLine, column: fields.count + 1) }
        guard sawAnything || !field.isEmpty || !fields.isEmpty else { return nil }
        try finishField()
        return Record(line: recordLine, fields: fields)
    }

    private func decode(_ bytes: [UInt8], line: Int) throws -> String {
        switch encoding {
        case .utf8, .utf16LE, .utf16BE:
            // Plain ASCII needs no validation; anything else must be valid UTF-8.
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw ImportError.invalidUTF8(line: line) }
            return text
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Windows1252.scalar(byte)) }
            return String(scalars)
        }
    }

    /// Moves the run of ordinary bytes that follows, within the buffered chunk, into the field at
    /// once: most of a file is plain text between separators.
    @inline(__always)
    private mutating func appendRun(to field: inout [UInt8], while ordinary: (UInt8) -> Bool) {
        let start = position
        var end = start
        while end < buffer.count, ordinary(buffer[end]) { end += 1 }
        if end > start {
            field.append(contentsOf: buffer[start..<end])
            position = end
        }
    }

    @inline(__always)
    private mutating func nextByte() throws -> UInt8? {
        if position == buffer.count, !(try refill()) { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    @inline(__always)
    private mutating func peekByte() throws -> UInt8? {
        if position == buffer.count, !(try refill()) { return nil }
        return buffer[position]
    }

    /// Reads the next chunk; false at the end of the input. A byte order mark at the very start is
    /// skipped, even when it is all the chunk holds (or all the file holds).
    private mutating func refill() throws -> Bool {
        while !finished {
            let chunk = try source.read(65_536)
            guard !chunk.isEmpty else {
                finished = true
                return false
            }
            bytesRead += chunk.count
            buffer = chunk
            position = 0
            if atStart {
                atStart = false
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            }
            if position < buffer.count { return true }
        }
        return false
    }
}

/// Where the reader's bytes come from.
protocol ByteSource {
    func read(_ count: Int) throws -> [UInt8]
}

final class FileSource: ByteSource {
    let handle: FileHandle
    init(handle: FileHandle) { self.handle = handle }
    func read(_ count: Int) throws -> [UInt8] { [UInt8](try handle.read(upToCount: count) ?? Data()) }
    deinit { try? handle.close() }
}

final class DataSource: ByteSource {
    let data: Data
    var offset = 0
    init(data: Data) { self.data = data }
    func read(_ count: Int) throws -> [UInt8] {
        let end = min(data.count, offset + count)
        defer { offset = end }
        return [UInt8](data[data.startIndex + offset..<data.startIndex + end])
    }
}
