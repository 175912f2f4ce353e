import FeedbackLoop
import FeedbackLoopStore
import GRDB

/// The temporary tables an import is read into before anything is written to the record.
///
/// They live in SQLite's temporary database, a file that only this connection sees and that is
/// removed when the connection closes (or the process dies), so memory stays flat at any size and
/// no private detail outlives the import.
struct ImportStaging {
    private let db: Database
    private let insertRow, upsertPerson: Statement
    private(set) var rows = 0
    private(set) var blankCells = 0
    /// How many contributions are staged (rows of `importRow`, numbered 1… in file order), and how
    /// many name themes: the write phase skips what no row needs.
    private(set) var contributions: Int64 = 0
    private(set) var themed = 0

    init(_ db: Database) throws {
        self.db = db
        // No rollback journal for the temporary tables: a failed import drops them whole.
        try db.execute(sql: "PRAGMA temp.journal_mode = OFF")
        try db.execute(
            sql: """
                CREATE TEMP TABLE importRow (line INTEGER NOT NULL, participantRef TEXT, text TEXT NOT NULL,
                    method TEXT, received TEXT, sourceId TEXT NOT NULL, sourceColumn TEXT NOT NULL, themeKeys TEXT,
                    language TEXT);
                CREATE TEMP TABLE importPerson (ref TEXT PRIMARY KEY, line INTEGER NOT NULL, wantsFeedback INTEGER,
                    mayQuote INTEGER, email TEXT, phone TEXT);
                """)
        insertRow = try db.makeStatement(
            sql: """
                INSERT INTO temp.importRow (line, participantRef, text, method, received, sourceId, sourceColumn,
                    themeKeys, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        upsertPerson = try db.makeStatement(sql: Self.upsertPersonSQL)
    }

    /// Stages one row: its participant (merged with earlier rows naming the same ref) and each of
    /// its contributions. Repeated source ids are found when the rows are written
    /// (``checkRepeatedIds()``): appending without an index is what keeps staging fast.
    mutating func stage(_ row: ImportedRow) throws {
        rows += 1
        blankCells += row.blankCells
        let personKey = row.participant.map { $0.ref ?? Self.contactKey(email: $0.email, phone: $0.phone) }
        if let person = row.participant {
            try upsertPerson.execute(arguments: [
                personKey, row.line, person.wantsFeedback, person.mayQuote, person.email, person.phone,
            ])
        }
        var keys: [String] = []
        for key in row.themes where !keys.contains(key) { keys.append(key) }
        let themeKeys = keys.isEmpty ? nil : Self.jsonArray(keys)
        if themeKeys != nil { themed += row.contributions.count }
        contributions += Int64(row.contributions.count)
        for contribution in row.contributions {
            try insertRow.runRaw(
                .integer(Int64(row.line)), .text(personKey), .text(contribution.text),
                .text(contribution.method?.rawValue), .text(contribution.received?.description),
                .text(contribution.sourceId), .text(contribution.column), .text(themeKeys),
                .text(contribution.language), in: db)
        }
    }

    /// What stands for a person the file names only by contact details until the store finds who
    /// they are: never a valid reference, so it cannot meet one the file gives.
    static func contactKey(email: String?, phone: String?) -> String {
        if let email { return contactPrefix + "email " + email.lowercased() }
        return contactPrefix + "phone " + String((phone ?? "").filter(\.isNumber))
    }

    static let contactPrefix = "contact: "

    /// Stages a person, merged with what earlier rows gave for the same key: a later value wins
    /// where the row gives one.
    static let upsertPersonSQL = """
        INSERT INTO temp.importPerson (ref, line, wantsFeedback, mayQuote, email, phone)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (ref) DO UPDATE SET wantsFeedback = coalesce(excluded.wantsFeedback, wantsFeedback),
            mayQuote = coalesce(excluded.mayQuote, mayQuote), email = coalesce(excluded.email, email),
            phone = coalesce(excluded.phone, phone)
        """

    /// A source id (and column) staged twice is an error naming both lines: of all the repeats,
    /// the one whose second use comes first in the file.
    func checkRepeatedIds(column: String?) throws {
        guard
            let repeated = try Row.fetchOne(
                db,
                sql: """
                    SELECT sourceId, first, line FROM (
                        SELECT sourceId, line, first_value(line) OVER source AS first, row_number() OVER source AS use
                        FROM temp.importRow
                        WINDOW source AS (PARTITION BY sourceId, sourceColumn ORDER BY rowid))
                    WHERE use = 2 ORDER BY line LIMIT 1
                    """)
        else { return }
        throw ImportRowError(
            line: try repeated.read("line"), column: column,
            problem:
                "the response id '\(try repeated.read("sourceId", as: String.self))' was already used on line"
                + " \(try repeated.read("first", as: Int.self));"
                + " each response needs its own id")
    }

    /// Removes the temporary tables.
    func drop() {
        // Dropping temporary tables cannot fail once they exist; if the connection is gone, so are they.
        try? db.execute(sql: "DROP TABLE IF EXISTS temp.importRow; DROP TABLE IF EXISTS temp.importPerson")
        try? db.execute(sql: "DROP TABLE IF EXISTS temp.importRef")
    }

    private static func jsonArray(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
