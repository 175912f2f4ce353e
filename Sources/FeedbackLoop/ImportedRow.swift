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

    public init(
        text: String, sourceId: String, column: String, method: EngagementMethod? = nil, received: CalendarDate? = nil
    ) {
        self.text = text
        self.sourceId = sourceId
        self.column = column
        self.method = method
        self.received = received
    }
}

/// Who gave a row's answers, with what they agreed to; contact details go to private storage.
public struct ImportedParticipant: Sendable, Equatable {
    public var ref: String
    public var email: String?
    public var phone: String?
    public var wantsFeedback: Bool?
    public var mayQuote: Bool?

    public init(
        ref: String, email: String? = nil, phone: String? = nil, wantsFeedback: Bool? = nil, mayQuote: Bool? = nil
    ) {
        self.ref = ref
        self.email = email
        self.phone = phone
        self.wantsFeedback = wantsFeedback
        self.mayQuote = mayQuote
    }
}

/// A source of imported rows, read one at a time so memory stays flat.
public protocol ImportedRowStream {
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
