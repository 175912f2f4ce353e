import Foundation

/// A calendar date as people write it (`2026-11-27`), with no time of day and no time zone.
///
/// Due-date rules compare calendar dates, never timestamps.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    /// - Throws: ``RecordError/invalidDate(option:value:)`` naming `option` when the text is not
    ///   in that shape or names a day that does not exist.
    public static func parse(_ text: String, field: Field) throws(RecordError) -> CalendarDate {
        var digits = (year: 0, month: 0, day: 0)
        var count = 0
        for byte in text.utf8 {
            count += 1
            switch count {
            case 5, 8:
                guard byte == UInt8(ascii: "-") else {
                    throw .invalidDate(field: field, value: text, realDateShape: false)
                }
            case 1...10:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                    throw .invalidDate(field: field, value: text, realDateShape: false)
                }
                let digit = Int(byte - UInt8(ascii: "0"))
                if count <= 4 {
                    digits.year = digits.year * 10 + digit
                } else if count <= 7 {
                    digits.month = digits.month * 10 + digit
                } else {
                    digits.day = digits.day * 10 + digit
                }
            default:
                throw .invalidDate(field: field, value: text, realDateShape: false)
            }
        }
        guard count == 10 else { throw .invalidDate(field: field, value: text, realDateShape: false) }
        guard let date = CalendarDate(year: digits.year, month: digits.month, day: digits.day) else {
            throw .invalidDate(field: field, value: text, realDateShape: true)
        }
        return date
    }

    /// Parses a date as people type it: `YYYY-MM-DD`, or `DD/MM/YYYY` as dates are written in the
    /// UK (the day and month may be one digit). Every date option and import reads dates this way.
    /// - Throws: ``RecordError/invalidDate(option:value:realDateShape:)`` naming `option`.
    public static func parseTyped(_ text: String, field: Field) throws(RecordError) -> CalendarDate {
        let value = text.trimmed
        guard value.contains("/") else { return try parse(value, field: field) }
        let pieces = value.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 3, (1...2).contains(pieces[0].count), (1...2).contains(pieces[1].count),
            pieces[2].count == 4, pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(pieces[0]), let month = Int(pieces[1]), let year = Int(pieces[2])
        else { throw .invalidDate(field: field, value: text, realDateShape: false) }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw .invalidDate(field: field, value: text, realDateShape: true)
        }
        return date
    }

    /// The date in `timeZone` at the instant `instant`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // A Gregorian calendar always gives all three.
        self.init(validYear: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// A date known to exist (a constant, or a calendar's own answer).
    init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Built from digits: imports format a date for every row.
        let zero = UInt8(ascii: "0")
        let bytes: [UInt8] = [
            zero + UInt8(year / 1000 % 10), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10),
            zero + UInt8(year % 10), UInt8(ascii: "-"), zero + UInt8(month / 10), zero + UInt8(month % 10),
            UInt8(ascii: "-"), zero + UInt8(day / 10), zero + UInt8(day % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date with the given day number (see ``dayNumber``).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        self.day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        self.month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = yearOfEra + era * 400 + (self.month <= 2 ? 1 : 0)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CalendarDate.parse(text, field: "date")
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
