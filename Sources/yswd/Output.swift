import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
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
        var output = ""
        write(rows, as: format, empty: empty) { output += $0 }
        return output
    }

    /// Prints rows to stdout as they are rendered, so a long listing never sits whole in memory.
    static func print<Row: ListingRow>(_ rows: [Row], as format: OutputFormat, empty: String) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        write(rows, as: format, empty: empty) { chunk in
            buffer += chunk.utf8
            if buffer.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(buffer))
    }

    /// Renders rows chunk by chunk: JSON as a pretty-printed top-level array, CSV row by row.
    static func write<Row: ListingRow>(
        _ rows: [Row], as format: OutputFormat, empty: String, to output: (String) -> Void
    ) {
        switch format {
        case .json:
            guard !rows.isEmpty else { return output("[\n\n]\n") }
            let encoder = jsonEncoder()
            output("[\n")
            for (index, row) in rows.enumerated() {
                var indented: [UInt8] = Array("  ".utf8)
                encoded(row, with: encoder).withUnsafeBytes { bytes in
                    indented.reserveCapacity(bytes.count + 64)
                    for byte in bytes {
                        indented.append(byte)
                        if byte == UInt8(ascii: "\n") { indented += "  ".utf8 }
                    }
                }
                output(String(decoding: indented, as: UTF8.self))
                output(index == rows.count - 1 ? "\n]\n" : ",\n")
            }
        case .csv:
            output(csvLine(Row.headers))
            for row in rows { output(csvLine(row.cells)) }
        case .table:
            output(rows.isEmpty ? empty + "\n" : table(header: Row.headers, rows: rows.map(\.cells)))
        }
    }

    static func json<Value: Encodable>(_ value: Value) -> String {
        String(decoding: encoded(value, with: jsonEncoder()), as: UTF8.self)
    }

    /// Plain records of strings, numbers and dates always encode; a failure is a defect.
    private static func encoded<Value: Encodable>(_ value: Value, with encoder: JSONEncoder) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            preconditionFailure("a listing row did not encode as JSON: \(error)")
        }
    }

    private static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One RFC 4180 CSV line; a cell that a spreadsheet would run as a formula is prefixed with `'`.
    static func csvLine(_ cells: [String]) -> String { Escape.csvLine(cells) }

    /// Columns padded to line up; long cells cut short with an ellipsis (the last column less so).
    static func table(header: [String], rows: [[String]], maxWidth: Int = 60, lastColumnWidth: Int = 200) -> String {
        let cut = rows.map { row in
            row.indices.map { column -> String in
                let line = row[column].replacingOccurrences(of: "\n", with: " ")
                let width = column == row.count - 1 ? lastColumnWidth : maxWidth
                return line.count > width ? String(line.prefix(width - 1)) + "…" : line
            }
        }
        let all = [header.map { $0.uppercased() }] + cut
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1
                    ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmed + "\n"
        }.joined()
    }
}

/// Writes a message for people to stderr, keeping stdout for the output itself.
func note(_ message: String) {
    FileHandle.standardError.write(Data((SafeText.shown(message) + "\n").utf8))
}
