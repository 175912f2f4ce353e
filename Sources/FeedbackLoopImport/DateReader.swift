import FeedbackLoop
import Foundation

/// Reads the received date of a response: with a Unicode date pattern (`dd/MM/yyyy HH:mm`), or by
/// default `yyyy-MM-dd` or `dd/MM/yyyy`, each with an optional time.
struct DateReader: Sendable {
    private let formatter: DateFormatter?
    /// What a date should look like, for messages.
    let expected: String

    init(pattern: String?) throws {
        guard let pattern else {
            formatter = nil
            expected = "YYYY-MM-DD or DD/MM/YYYY (a time after it is allowed)"
            return
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        formatter.isLenient = false
        self.formatter = formatter
        expected = pattern
    }

    func read(_ text: String) -> CalendarDate? {
        if let formatter {
            return formatter.date(from: text).map { CalendarDate($0, in: .gmt) }
        }
        if text.utf8.count == 10, let date = try? CalendarDate.parse(text, field: "date") { return date }
        // The date part, then an optional time after a space or a T.
        let parts = text.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "T" })
        guard let datePart = parts.first, parts.count == 1 || Self.isTime(parts[1]) else { return nil }
        return try? CalendarDate.parseTyped(String(datePart), field: "date")
    }

    /// `HH:mm` or `HH:mm:ss`.
    private static func isTime(_ text: Substring) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count), pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        let numbers = pieces.compactMap { Int($0) }
        return numbers.count == pieces.count && numbers[0] < 24 && numbers[1] < 60
            && (numbers.count == 2 || numbers[2] < 60)
    }
}

/// The SHA-256 of a file, read in chunks.
public enum FileDigest {
    public static func sha256(path: String) throws -> (hex: String, size: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError.unreadable(path: path) }
        defer { try? handle.close() }
        var hasher = SHA256Hasher()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(chunk)
            size += chunk.count
        }
        return (hasher.hex, size)
    }
}
