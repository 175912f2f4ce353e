import FeedbackLoop
import Foundation

/// Which columns of a survey export hold what.
public struct ContributionColumns: Sendable {
    public var text: [String]
    public var id: String?
    public var date: String?
    public var datePattern: String?
    /// The method of every contribution, when no column gives it.
    public var method: EngagementMethod?
    public var methodColumn: String?
    public var participant: String?
    public var email: String?
    public var phone: String?
    public var wantsFeedback: String?
    public var mayQuote: String?
    public var themes: String?

    public init(
        text: [String], id: String? = nil, date: String? = nil, datePattern: String? = nil,
        method: EngagementMethod? = nil, methodColumn: String? = nil, participant: String? = nil, email: String? = nil,
        phone: String? = nil, wantsFeedback: String? = nil, mayQuote: String? = nil, themes: String? = nil
    ) {
        self.text = text
        self.id = id
        self.date = date
        self.datePattern = datePattern
        self.method = method
        self.methodColumn = methodColumn
        self.participant = participant
        self.email = email
        self.phone = phone
        self.wantsFeedback = wantsFeedback
        self.mayQuote = mayQuote
        self.themes = themes
    }

    /// Every column named, for checking against the header.
    var named: [String] {
        text + [id, date, methodColumn, participant, email, phone, wantsFeedback, mayQuote, themes].compactMap { $0 }
    }
}

/// Reads a survey export as a stream of ``ImportedRow``s, checking every value.
public struct ContributionRows: ImportedRowStream {
    private var reader: CSVReader
    private let columns: ContributionColumns
    private let header: [String]
    private let index: [String: Int]
    private let fileKey: String
    private let fileSize: Int
    private let dates: DateReader
    private var row = 0

    /// Opens the export and reads its header.
    /// - Parameter fileHash: the file's SHA-256 (hex); without an id column, it and the row number identify each answer.
    public init(reader: CSVReader, columns: ContributionColumns, fileHash: String, fileSize: Int) throws {
        self.reader = reader
        self.columns = columns
        self.fileKey = "file " + fileHash.prefix(12)
        self.fileSize = max(fileSize, 1)
        self.dates = try DateReader(pattern: columns.datePattern)
        guard let header = try self.reader.next() else { throw ImportError.emptyFile }
        self.header = header.fields.map { $0.trimmed }
        var index: [String: Int] = [:]
        for (position, name) in self.header.enumerated() {
            if index[name] != nil { throw ImportError.duplicateHeader(name: name) }
            index[name] = position
        }
        for name in columns.named where index[name] == nil {
            throw ImportError.missingColumn(name: name, found: self.header)
        }
        self.index = index
    }

    public var progress: Double { Double(reader.bytesRead) / Double(fileSize) }
    public var idColumn: String? { columns.id }
    public var themeColumn: String? { columns.themes }

    public mutating func next() throws -> ImportedRow? {
        guard let record = try reader.next() else {
            if row == 0 { throw ImportError.noRows }
            return nil
        }
        row += 1
        let line = record.line
        guard record.fields.count <= header.count else {
            throw ImportError.tooManyFields(line: line, found: record.fields.count, expected: header.count)
        }
        func value(_ name: String?) -> String? {
            guard let name, let position = index[name], position < record.fields.count else { return nil }
            let text = record.fields[position].trimmed
            return text.isEmpty ? nil : text
        }
        func bad(_ column: String, _ problem: String) -> ImportError {
            .badValue(line: line, column: column, problem: problem)
        }

        let id = value(columns.id)
        if let name = columns.id, id == nil { throw bad(name, "the id is empty; every row needs one") }
        var method = columns.method
        if let name = columns.methodColumn, let text = value(name) {
            do { method = try EngagementMethod.parse(text, field: "method") } catch {
                throw bad(name, "'\(text)' is not a method; use one of: \(EngagementMethod.allowedValues)")
            }
        }
        var received: CalendarDate?
        if let name = columns.date, let text = value(name) {
            guard let date = dates.read(text) else {
                throw bad(name, "'\(text)' is not a date in the form \(dates.expected)")
            }
            received = date
        }
        var participant: ImportedParticipant?
        if let name = columns.participant, let ref = value(name) {
            guard EntryRules.isIdentifier(ref) else {
                throw bad(
                    name,
                    "'\(ref.prefix(40))' is not a participant ref; use letters, digits, '-', '_' and '.', 1 to 64"
                        + " characters, starting with a letter or digit")
            }
            let email = value(columns.email)
            if let name = columns.email, let email, (try? EntryRules.email(email, field: Field(.plain, name))) == nil {
                throw bad(name, "'\(email)' is not an email address; use the form name@example.org, or leave it blank")
            }
            let phone = value(columns.phone)
            if let name = columns.phone, let phone, (try? EntryRules.phone(phone, field: Field(.plain, name))) == nil {
                throw bad(name, "'\(phone)' is not a phone number; use 7 to 15 digits, or leave it blank")
            }
            participant = ImportedParticipant(
                ref: ref, email: email, phone: phone,
                wantsFeedback: try yesNo(columns.wantsFeedback, value(columns.wantsFeedback), bad),
                mayQuote: try yesNo(columns.mayQuote, value(columns.mayQuote), bad))
        }
        var contributions: [ImportedContribution] = []
        var blanks = 0
        for name in columns.text {
            guard let text = value(name) else {
                blanks += 1
                continue
            }
            contributions.append(
                ImportedContribution(
                    text: text, sourceId: id ?? "\(fileKey) row \(row)", column: name, method: method,
                    received: received))
        }
        let themes = value(columns.themes).map {
            $0.split(separator: ";").map { $0.trimmed }.filter { !$0.isEmpty }
        }
        if let name = columns.themes, let key = themes?.first(where: { !EntryRules.isIdentifier($0) }) {
            throw bad(name, "'\(key.prefix(40))' is not a theme key; use letters, digits, '-', '_' and '.'")
        }
        return ImportedRow(
            line: line, contributions: contributions, blankCells: blanks, participant: participant, themes: themes ?? []
        )
    }

    private func yesNo(_ column: String?, _ text: String?, _ bad: (String, String) -> ImportError) throws -> Bool? {
        guard let column, let text else { return nil }
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw bad(column, "'\(text)' is not yes or no; use yes/no, y/n, true/false or 1/0")
        }
    }
}
