/// One row of a survey export, turned into what the record takes: a contribution per answered
/// text column, and who gave them.
public struct ImportedRow: Sendable, Equatable {
    /// The line of the file the row starts on, for messages.
    public var line: Int
    public var contributions: [ImportedContribution]
    /// Text cells left blank (skipped and counted).
    public var blankCells: Int
    public var participant: ImportedParticipant?
    /// Theme keys the row's contributions feed.
    public var themes: [String]

    public init(
        line: Int, contributions: [ImportedContribution], blankCells: Int = 0, participant: ImportedParticipant? = nil,
        themes: [String] = []
    ) {
        self.line = line
        self.contributions = contributions
        self.blankCells = blankCells
        self.participant = participant
        self.themes = themes
    }
}

/// One answer from one text column.
public struct ImportedContribution: Sendable, Equatable {
    public var text: String
    /// The id that makes re-importing it a no-op: the row's id, or the file's hash and row number.
    public var sourceId: String
    /// The column it came from.
    public var column: String
    public var method: EngagementMethod?
    public var received: CalendarDate?
    /// The language its row's language column gives (a BCP 47 tag), `""` for the team's source
    /// language; nil when no column says, so the file's language (if any) holds.
    public var language: String?

    public init(
        text: String, sourceId: String, column: String, method: EngagementMethod? = nil, received: CalendarDate? = nil,
        language: String? = nil
    ) {
        self.text = text
        self.sourceId = sourceId
        self.column = column
        self.method = method
        self.received = received
        self.language = language
    }
}

/// Who gave a row's answers, with what they agreed to; contact details go to private storage.
public struct ImportedParticipant: Sendable, Equatable {
    /// Their pseudonymous reference; nil when the file gives only contact details, and the store
    /// finds (or makes) the participant with that contact.
    public var ref: String?
    public var email: String?
    public var phone: String?
    public var wantsFeedback: Bool?
    public var mayQuote: Bool?

    public init(
        ref: String?, email: String? = nil, phone: String? = nil, wantsFeedback: Bool? = nil, mayQuote: Bool? = nil
    ) {
        self.ref = ref
        self.email = email
        self.phone = phone
        self.wantsFeedback = wantsFeedback
        self.mayQuote = mayQuote
    }
}

/// A source of imported rows, read one at a time so memory stays flat. Its type may cross threads (an
/// import reads the file on a thread of its own).
public protocol ImportedRowStream: SendableMetatype {
    /// The next row, or nil at the end. Throws on a row that cannot be imported.
    mutating func next() throws -> ImportedRow?
    /// How far through its input the stream is, from 0 to 1, for progress reports.
    var progress: Double { get }
    /// The names of the columns holding each row's id and theme keys, for messages.
    var idColumn: String? { get }
    var themeColumn: String? { get }
}

extension ImportedRowStream {
    public var idColumn: String? { nil }
    public var themeColumn: String? { nil }
}

/// One value of an imported file that the record cannot take: where it is, what it is and why.
public struct ImportProblem: Sendable, Equatable {
    public var line: Int
    /// The column's name, when the problem is in one cell.
    public var column: String?
    /// The value as the file has it (shortened), when the problem is in one cell.
    public var value: String?
    public var why: String

    public init(line: Int, column: String? = nil, value: String? = nil, why: String) {
        self.line = line
        self.column = column
        self.value = value.map { $0.count > 60 ? String($0.prefix(57)) + "…" : $0 }
        self.why = why
    }

    /// `line 3, column Method: why`.
    public var sentence: String {
        if let column { return "line \(line), column \(column): \(why)" }
        return "line \(line): \(why)"
    }
}

/// Rows of an imported file that cannot be imported. A stream throws it for one row and goes on
/// to the next; the store gathers every row's, so one check lists them all.
public struct InvalidRows: UserFacingError, Equatable, Sendable {
    /// The problems found, in file order (at most ``listed``).
    public var problems: [ImportProblem]
    /// How many rows have a problem, listed or not.
    public var rows: Int

    /// How many problems a message lists.
    public static let listed = 100

    public init(problems: [ImportProblem], rows: Int = 1) {
        self.problems = problems
        self.rows = rows
    }

    public var description: String { explained(ways: ["leave \(rows == 1 ? "it" : "them") out"]) }

    /// The problems, with what can be done besides fixing the file (each door says it its own way):
    /// one line for one problem, otherwise a line of advice and a line per problem.
    public func explained(ways: [String]) -> String {
        let fixes = ["fix \(rows == 1 ? "the row" : "them") in the file"] + ways
        let advice =
            "Nothing was imported: "
            + (fixes.count == 1 ? fixes[0] : fixes.dropLast().joined(separator: ", ") + " or " + (fixes.last ?? ""))
            + "."
        if rows == 1, problems.count == 1 { return problems[0].sentence + ". " + advice }
        let shown = problems.prefix(Self.listed)
        var lines = ["\(counted(rows, "row")) cannot be imported. " + advice]
        lines += shown.map { "  " + $0.sentence }
        if problems.count > shown.count {
            lines.append("  and \(counted(problems.count - shown.count, "more problem"))")
        }
        return lines.joined(separator: "\n")
    }
}
