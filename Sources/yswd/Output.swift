import ArgumentParser
import Foundation

/// How a listing is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// A value that can be a row of a listing: JSON through `Encodable`, table and CSV through its cells.
protocol ListingRow: Encodable {
    static var headers: [String] { get }
    var cells: [String] { get }
}

/// The options of every listing command.
struct ListingOptions: ParsableArguments {
    @Option(help: "table (for reading), json (a top-level array, stable camelCase keys) or csv.")
    var format: OutputFormat = .table
}

enum Listing {
    /// Renders rows in a format; the result ends with a newline unless it is empty.
    static func render<Row: ListingRow>(_ rows: [Row], as format: OutputFormat, empty: String) -> String {
        switch format {
        case .json: return json(rows) + "\n"
        case .csv: return csv(header: Row.headers, rows: rows.map(\.cells))
        case .table: return rows.isEmpty ? empty + "\n" : table(header: Row.headers, rows: rows.map(\.cells))
        }
    }

    static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain records cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// RFC 4180 CSV; a cell that a spreadsheet would run as a formula is prefixed with `'`.
    static func csv(header: [String], rows: [[String]]) -> String {
        func cell(_ text: String) -> String {
            var text = text
            if let first = text.first, "=+-@".contains(first) { text = "'" + text }
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([header] + rows).map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Columns padded to line up; long cells cut short with an ellipsis.
    static func table(header: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        let cut = rows.map { row in
            row.map { cell -> String in
                let line = cell.replacingOccurrences(of: "\n", with: " ")
                return line.count > maxWidth ? String(line.prefix(maxWidth - 1)) + "…" : line
            }
        }
        let all = [header.map { $0.uppercased() }] + cut
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1
                    ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }.joined()
    }
}

/// Writes a message for people to stderr, keeping stdout for the output itself.
func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
