import Foundation

/// The first rows of a file, to show before anything is imported, and the values of one column,
/// to find its date form or its distinct method words.
public struct FilePreview: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The header and up to `rows` records after it. A problem past the header ends the preview
    /// early: the check lists it.
    public static func read(_ reader: inout CSVReader, rows limit: Int) throws -> FilePreview {
        guard let header = try reader.next() else { throw ImportError.emptyFile }
        var rows: [[String]] = []
        while rows.count < limit, let record = try? reader.next() { rows.append(record.fields) }
        return FilePreview(header: header.fields.map { $0.trimmed }, rows: rows)
    }

    /// The non-blank values of column `name` in up to `limit` records (all when nil), in file
    /// order. A problem with the file ends the list early: the check reports it.
    public static func values(of name: String, in reader: inout CSVReader, limit: Int? = nil) throws -> [String] {
        guard let header = try reader.next() else { throw ImportError.emptyFile }
        guard let position = header.fields.firstIndex(where: { $0.trimmed == name }) else { return [] }
        var values: [String] = []
        var read = 0
        while limit.map({ read < $0 }) ?? true, let record = try? reader.next() {
            read += 1
            if position < record.fields.count, !record.fields[position].trimmed.isEmpty {
                values.append(record.fields[position].trimmed)
            }
        }
        return values
    }

    /// The distinct values of column `name`, each once, in the order first met.
    public static func distinctValues(of name: String, in reader: inout CSVReader, limit: Int = 200) throws -> [String]
    {
        var seen = Set<String>()
        var distinct: [String] = []
        for value in try values(of: name, in: &reader) {
            let key = ContributionColumns.methodKey(value)
            if seen.insert(key).inserted {
                distinct.append(value)
                if distinct.count == limit { break }
            }
        }
        return distinct
    }
}
