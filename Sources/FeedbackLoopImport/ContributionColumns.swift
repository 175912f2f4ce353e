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
    /// What each value of the method column means, when it is not one of yswd's own words
    /// ("Online survey" → survey). Matched without regard to case or spacing.
    public var methodMap: [String: EngagementMethod] = [:]
    /// Whoever leaves an email address or phone number asked to hear back (when no column says).
    public var contactMeansWantsFeedback = false
    /// The column with the language each response was given in, and the team's languages it may
    /// name (the first is the source language).
    public var language: String?
    public var languages: [LanguageTag] = [.english]

    public init(
        text: [String], id: String? = nil, date: String? = nil, datePattern: String? = nil,
        method: EngagementMethod? = nil, methodColumn: String? = nil, participant: String? = nil, email: String? = nil,
        phone: String? = nil, wantsFeedback: String? = nil, mayQuote: String? = nil, themes: String? = nil,
        methodMap: [String: EngagementMethod] = [:], contactMeansWantsFeedback: Bool = false,
        language: String? = nil, languages: [LanguageTag] = [.english]
    ) {
        self.language = language
        self.languages = languages.isEmpty ? [.english] : languages
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
        self.methodMap = Dictionary(methodMap.map { (Self.methodKey($0.key), $0.value) }) { _, last in last }
        self.contactMeansWantsFeedback = contactMeansWantsFeedback
    }

    /// A method column's value as the map matches it: lower case, spaces collapsed.
    public static func methodKey(_ value: String) -> String {
        value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The method a value of the method column names: one of yswd's words, or as the map says.
    public func method(for value: String) -> EngagementMethod? {
        (try? EngagementMethod.parse(value, field: "method")) ?? methodMap[Self.methodKey(value)]
    }

    /// Every column named, for checking against the header.
    var named: [String] {
        text
            + [id, date, methodColumn, participant, email, phone, wantsFeedback, mayQuote, themes, language]
            .compactMap { $0 }
    }

    /// The language a value of the language column names: one of the team's, by its tag (`cy`), its
    /// English name (`Welsh`) or its own (`Cymraeg`), any case. `""` for the source language; nil
    /// when it names none of them.
    public func language(for value: String) -> String? {
        let wanted = value.trimmed.lowercased()
        let tag =
            (try? LanguageTag(parsing: value.trimmed)).flatMap { languages.contains($0) ? $0 : nil }
            ?? languages.first { $0.englishName.lowercased() == wanted || $0.ownName.lowercased() == wanted }
        guard let tag else { return nil }
        return tag == languages[0] ? "" : tag.code
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

    /// The next row. A row with values the record cannot take throws ``InvalidRows`` naming each
    /// of them; the stream can go on to the next row.
    public mutating func next() throws -> ImportedRow? {
        guard let record = try reader.next() else {
            if row == 0 { throw ImportError.noRows }
            return nil
        }
        row += 1
        let line = record.line
        guard record.fields.count <= header.count else {
            throw InvalidRows(problems: [
                ImportProblem(
                    line: line,
                    why: "the row has \(record.fields.count) fields but the header has \(header.count); a field with a"
                        + " separator in it needs quotes")
            ])
        }
        func value(_ name: String?) -> String? {
            guard let name, let position = index[name], position < record.fields.count else { return nil }
            let text = record.fields[position].trimmed
            return text.isEmpty ? nil : text
        }
        var problems: [ImportProblem] = []
        func bad(_ column: String, _ value: String?, _ why: String) {
            problems.append(ImportProblem(line: line, column: column, value: value, why: why))
        }

        let id = value(columns.id)
        if let name = columns.id, id == nil { bad(name, nil, "the id is empty; every row needs one") }
        var method = columns.method
        if let name = columns.methodColumn, let text = value(name) {
            method = columns.method(for: text)
            if method == nil {
                bad(
                    name, text,
                    "‘\(text.prefix(40))’ is not one of yswd’s methods; say which it is: \(EngagementMethod.allowedValues)"
                )
            }
        }
        var received: CalendarDate?
        if let name = columns.date, let text = value(name) {
            received = dates.read(text)
            if received == nil { bad(name, text, "‘\(text.prefix(40))’ is not a date in the form \(dates.expected)") }
        }
        let email = value(columns.email)
        if let name = columns.email, let email, (try? EntryRules.email(email, field: Field(.plain, name))) == nil {
            bad(
                name, email,
                "‘\(email.prefix(60))’ is not an email address; use the form name@example.org, or leave it blank")
        }
        let phone = value(columns.phone)
        if let name = columns.phone, let phone, (try? EntryRules.phone(phone, field: Field(.plain, name))) == nil {
            bad(name, phone, "‘\(phone.prefix(40))’ is not a phone number; use 7 to 15 digits, or leave it blank")
        }
        var ref = value(columns.participant)
        if let name = columns.participant, let given = ref, !EntryRules.isIdentifier(given) {
            bad(
                name, given,
                "‘\(given.prefix(40))’ is not a participant reference; use letters, digits, ‘-’, ‘_’ and ‘.’, 1 to 64"
                    + " characters, starting with a letter or digit")
            ref = nil
        }
        var wantsFeedback = yesNo(columns.wantsFeedback, value(columns.wantsFeedback), bad)
        let mayQuote = yesNo(columns.mayQuote, value(columns.mayQuote), bad)
        let hasContact = email != nil || phone != nil
        if wantsFeedback == nil, columns.contactMeansWantsFeedback, hasContact { wantsFeedback = true }
        var participant: ImportedParticipant?
        if ref != nil || (columns.participant == nil && hasContact) {
            // Without a reference column, the contact details are the person: the store finds them
            // by it, or makes them a reference.
            participant = ImportedParticipant(
                ref: ref, email: email, phone: phone, wantsFeedback: wantsFeedback, mayQuote: mayQuote)
        } else if hasContact, let name = columns.participant {
            bad(
                name, nil,
                "the participant reference is empty, so the contact details in this row have nobody to belong to")
        }
        var language: String?
        if let name = columns.language, let text = value(name) {
            language = columns.language(for: text)
            if language == nil {
                bad(
                    name, text,
                    "‘\(text.prefix(40))’ is not one of the team’s languages; use "
                        + columns.languages.map { "\($0.code) (\($0.englishName))" }.joined(separator: ", ")
                        + ", or leave it blank")
            }
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
                    received: received, language: language))
        }
        let themes = value(columns.themes).map {
            $0.split(separator: ";").map { $0.trimmed }.filter { !$0.isEmpty }
        }
        if let name = columns.themes, let key = themes?.first(where: { !EntryRules.isIdentifier($0) }) {
            bad(name, key, "‘\(key.prefix(40))’ is not a theme’s short name; use letters, digits, ‘-’, ‘_’ and ‘.’")
        }
        guard problems.isEmpty else { throw InvalidRows(problems: problems) }
        return ImportedRow(
            line: line, contributions: contributions, blankCells: blanks, participant: participant, themes: themes ?? []
        )
    }

    private func yesNo(_ column: String?, _ text: String?, _ bad: (String, String?, String) -> Void) -> Bool? {
        guard let column, let text else { return nil }
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default:
            bad(column, text, "‘\(text.prefix(40))’ is not yes or no; use yes or no, y or n, true or false, 1 or 0")
            return nil
        }
    }
}
