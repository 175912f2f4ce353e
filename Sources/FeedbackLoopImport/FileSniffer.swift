import Foundation

/// What yswd makes of a file before it is read: its encoding and its field separator, each with
/// the reason it was chosen, so a person can see the choice and change it.
public struct FileSniff: Sendable, Equatable {
    public var encoding: CSVReader.Encoding
    public var delimiter: CSVReader.Delimiter
    /// Why the encoding was chosen, in words: "it starts with a UTF-16 byte order mark".
    public var encodingReason: String

    /// Reads the file at `path`: its byte order mark, whether all of it is valid UTF-8, and which
    /// separator its first line uses most.
    public static func sniff(path: String) throws -> FileSniff {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError.unreadable(path: path) }
        defer { try? handle.close() }
        return try sniff(FileSource(handle: handle))
    }

    /// Reads bytes held in memory.
    public static func sniff(data: Data) throws -> FileSniff {
        try sniff(DataSource(data: data))
    }

    static func sniff(_ source: ByteSource) throws -> FileSniff {
        var first = try source.read(65_536)
        let encoding: CSVReader.Encoding
        let reason: String
        if first.starts(with: [0xFF, 0xFE]) {
            (encoding, reason) = (.utf16LE, "it starts with a UTF-16 byte order mark")
        } else if first.starts(with: [0xFE, 0xFF]) {
            (encoding, reason) = (.utf16BE, "it starts with a UTF-16 byte order mark")
        } else if first.starts(with: [0xEF, 0xBB, 0xBF]) {
            (encoding, reason) = (.utf8, "it starts with a UTF-8 byte order mark")
        } else if first.count >= 4, first[1] == 0, first[3] == 0, first[0] != 0 {
            (encoding, reason) = (.utf16LE, "every other byte is zero")
        } else if first.count >= 4, first[0] == 0, first[2] == 0, first[1] != 0 {
            (encoding, reason) = (.utf16BE, "every other byte is zero")
        } else {
            var validator = UTF8Validator()
            var chunk = first
            while !chunk.isEmpty, validator.feed(chunk) { chunk = try source.read(1 << 20) }
            if validator.finish(), validator.sawNonASCII {
                (encoding, reason) = (.utf8, "all of it is valid UTF-8")
            } else if validator.valid {
                (encoding, reason) = (.utf8, "it is plain text with no accented letters or symbols")
            } else {
                (encoding, reason) = (
                    .windows1252, "it is not valid UTF-8, as when Excel on Windows saves a CSV file"
                )
            }
        }
        if encoding == .utf16LE || encoding == .utf16BE {
            first = try UTF16Source(DataSource(data: Data(first)), bigEndian: encoding == .utf16BE).read(first.count)
        }
        return FileSniff(encoding: encoding, delimiter: delimiter(firstLine: first), encodingReason: reason)
    }

    /// The separator used most on the first line, outside quotes (commas when none is used).
    static func delimiter(firstLine bytes: [UInt8]) -> CSVReader.Delimiter {
        var counts: [CSVReader.Delimiter: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            for delimiter in CSVReader.Delimiter.allCases where delimiter.byte == byte {
                counts[delimiter, default: 0] += 1
            }
        }
        return CSVReader.Delimiter.allCases.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? .comma
    }
}

/// Checks that a stream of chunks is valid UTF-8, carrying a sequence cut at a chunk's end.
struct UTF8Validator {
    private var carry: [UInt8] = []
    private(set) var valid = true
    private(set) var sawNonASCII = false

    /// Takes the next chunk; false once the text is known not to be UTF-8.
    mutating func feed(_ chunk: [UInt8]) -> Bool {
        guard valid else { return false }
        var bytes = carry + chunk
        carry = []
        // Keep back an incomplete sequence at the end, to join the next chunk.
        var tail = 0
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if length > back { tail = back }
            break
        }
        if tail > 0 {
            carry = Array(bytes.suffix(tail))
            bytes.removeLast(tail)
        }
        if bytes.contains(where: { $0 >= 0x80 }) {
            sawNonASCII = true
            if String(validating: bytes, as: UTF8.self) == nil { valid = false }
        }
        return valid
    }

    /// At the end: valid only if nothing is left unfinished.
    mutating func finish() -> Bool {
        if !carry.isEmpty { valid = false }
        return valid
    }
}
