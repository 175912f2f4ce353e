import FeedbackLoop
import FeedbackLoopStore
import NIOCore
import PostgresNIO

/// Staging: the rows an import read, copied into temporary tables that only its transaction sees.
extension PostgresImportWriter {
    /// Creates this transaction's temporary tables.
    func createStaging() async throws {
        try await session.execute(
            """
            CREATE TEMP TABLE importRow (position bigint NOT NULL, line bigint NOT NULL, participantRef text,
                text text NOT NULL, method text, received text, sourceId text NOT NULL, sourceColumn text NOT NULL,
                themeKeys text[], language text) ON COMMIT DROP
            """)
        try await session.execute(
            """
            CREATE TEMP TABLE importPerson (ref text PRIMARY KEY, line bigint NOT NULL, wantsFeedback bigint,
                mayQuote bigint, email text, phone text) ON COMMIT DROP
            """)
    }

    /// Copies the contributions into `importRow` as the feed reads them.
    func stageRows<Stream>(from feed: ImportFeed<Stream>) async throws {
        try await session.connection.copyFrom(
            table: "importrow",
            columns: [
                "position", "line", "participantref", "text", "method", "received", "sourceid", "sourcecolumn",
                "themekeys", "language",
            ], logger: session.logger
        ) { writer in
            for try await chunk in feed.chunks {
                try await writer.write(chunk)
                feed.taken()
            }
        }
    }

    /// Copies the people the file names into `importPerson`, in the order the file first names them.
    mutating func stagePeople(_ found: ImportFeed<some ImportedRowStream>.Outcome) async throws {
        report.rows = found.rows
        report.blankCells = found.blankCells
        try await copy(
            "importperson", ["ref", "line", "wantsFeedback", "mayQuote", "email", "phone"],
            found.people.sorted { $0.value.line < $1.value.line }.map { ref, person in
                [
                    ref, String(person.line), person.wantsFeedback.map { $0 ? "1" : "0" },
                    person.mayQuote.map { $0 ? "1" : "0" }, person.email, person.phone,
                ]
            })
    }

    /// `COPY table (columns) FROM STDIN` in text format, a megabyte at a time.
    private func copy(_ table: String, _ columns: [String], _ rows: [[String?]]) async throws {
        guard !rows.isEmpty else { return }
        try await session.connection.copyFrom(
            table: table, columns: columns.map { $0.lowercased() }, logger: session.logger
        ) { writer in
            var buffer = ByteBuffer()
            for row in rows {
                buffer.writeCopyRow(row)
                if buffer.readableBytes > 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// A value in COPY's text format: `\N` for none; backslash, tab and line ends escaped.
    static func copyField(_ value: String?) -> String {
        guard let value else { return "\\N" }
        var out = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A text array literal (`{"a","b"}`), each element quoted.
    static func arrayLiteral(_ values: [String]) -> String {
        "{"
            + values.map {
                "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            }
            .joined(separator: ",") + "}"
    }
}
