import FeedbackLoop
import Foundation

/// Reads the received date of a response: with a Unicode date pattern (`dd/MM/yyyy HH:mm`), or by
/// default `yyyy-MM-dd` or `dd/MM/yyyy`, each with an optional time.
public struct DateReader: Sendable {
    private let formatter: DateFormatter?
    private let patternHasTime: Bool
    /// The pattern is `yyyy-MM-dd`: a date in exactly that form is read without the formatter,
    /// which costs most of a large import's time.
    private let isoDay: Bool
    /// What a date should look like, for messages.
    let expected: String

    /// The date forms survey tools export, most usual in the UK first; a time may follow each.
    public static let usualPatterns = [
        "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
    ]

    /// How people read a pattern: "31/12/2026 (day first)".
    public static func example(_ pattern: String) -> String {
        let example = pattern.replacingOccurrences(of: "yyyy", with: "2026").replacingOccurrences(of: "MM", with: "12")
            .replacingOccurrences(of: "dd", with: "31")
        if pattern.hasPrefix("dd") { return example + " (day first)" }
        if pattern.hasPrefix("MM") { return example + " (month first, as in the US)" }
        return example
    }

    /// The first usual pattern that reads every one of `values` (blanks aside), or nil.
    public static func detect(_ values: some Sequence<String>) -> String? {
        let values = values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return nil }
        return usualPatterns.first { pattern in
            // The formatter is lenient about separators; the form is not.
            guard let reader = try? DateReader(pattern: pattern),
                let separator = pattern.first(where: { !$0.isLetter })
            else { return false }
            return values.allSatisfy { $0.contains(separator) && reader.read($0) != nil }
        }
    }

    public init(pattern: String?) throws {
        patternHasTime = pattern.map { $0.contains("H") || $0.contains("h") } ?? false
        isoDay = pattern == "yyyy-MM-dd"
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

    public func read(_ text: String) -> CalendarDate? {
        if let formatter {
            if let date = formatted(text, formatter) { return date }
            // A pattern without a time still reads a date with a time after it.
            guard !patternHasTime, let datePart = Self.datePart(text) else { return nil }
            return formatted(String(datePart), formatter)
        }
        if text.utf8.count == 10, let date = try? CalendarDate.parse(text, field: "date") { return date }
        guard let datePart = Self.datePart(text) else { return nil }
        return try? CalendarDate.parseTyped(String(datePart), field: "date")
    }

    private func formatted(_ text: String, _ formatter: DateFormatter) -> CalendarDate? {
        if isoDay, text.utf8.count == 10, let date = try? CalendarDate.parse(text, field: "date") { return date }
        return formatter.date(from: text).map { CalendarDate($0, in: .gmt) }
    }

    /// The date part, when an optional time follows it after a space or a T.
    private static func datePart(_ text: String) -> Substring? {
        let parts = text.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "T" })
        guard let datePart = parts.first, parts.count == 1 || isTime(parts[1]) else { return nil }
        return datePart
    }

    /// `HH:mm` or `HH:mm:ss`.
    private static func isTime(_ text: Substring) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count),
            pieces.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else {
            return false
        }
        let numbers = pieces.compactMap { Int($0) }
        return numbers.count == pieces.count && numbers[0] < 24 && numbers[1] < 60
            && (numbers.count == 2 || numbers[2] < 60)
    }
}

/// The SHA-256 of a file, read in chunks.
public enum FileDigest {
    /// The SHA-256 (hex) of bytes held in memory.
    public static func sha256(data: Data) -> String {
        var hasher = SHA256Hasher()
        hasher.update(data)
        return hasher.hex
    }

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
