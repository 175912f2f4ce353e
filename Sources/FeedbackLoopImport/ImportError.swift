import FeedbackLoop

/// Why an import stopped. Each reads as `line N, column C: problem`, so the row can be found
/// and fixed in a spreadsheet. Nothing is written when an import stops.
public enum ImportError: UserFacingError, Equatable, Sendable {
    case unreadable(path: String)
    case emptyFile
    case noRows
    case missingColumn(name: String, found: [String])
    case duplicateHeader(name: String)
    case unclosedQuote(line: Int, column: Int)
    /// A quote where none may be. When a quoted field's closing quote is followed by text,
    /// `openedOn` is the line the field opened on, which may be far above `line`.
    case strayQuote(line: Int, column: Int, openedOn: Int? = nil)
    case invalidUTF8(line: Int)
    case nulByte(line: Int, column: Int)
    case fieldTooLarge(line: Int, column: Int, limitKB: Int)
    case tooManyFields(line: Int, found: Int, expected: Int)
    /// A value in a named column that the record cannot take.
    case badValue(line: Int, column: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path) cannot be read; check the file name"
        case .emptyFile: "the file is empty; it needs a header row and at least one row of responses"
        case .noRows: "the file has a header row but no responses under it"
        case .missingColumn(let name, let found):
            "there is no column '\(name)'; the columns are: \(found.joined(separator: ", "))"
        case .duplicateHeader(let name):
            "line 1: the header '\(name)' appears more than once; rename one of them"
        case .unclosedQuote(let line, let column):
            "line \(line), column \(column): a quoted field opened here is never closed"
        case .strayQuote(let line, let column, let opened?) where opened != line:
            "line \(opened), column \(column): a quoted field opened here runs to line \(line), where its closing quote"
                + " is followed by text; a quote inside a field must be doubled (\"\")"
        case .strayQuote(let line, let column, _):
            "line \(line), column \(column): a quote inside a field must be doubled (\"\") and the field quoted"
        case .invalidUTF8(let line):
            "line \(line): the text is not valid UTF-8; if the file was saved from Excel, read it as Windows-1252"
        case .nulByte(let line, let column):
            "line \(line), column \(column): the field holds a NUL byte (character 0), which text cannot contain;"
                + " the file may be damaged or not a CSV export"
        case .fieldTooLarge(let line, let column, let limit):
            "line \(line), column \(column): the field is over \(limit) KB, longer than one answer can be;"
                + " check that the file's quotes are paired"
        case .tooManyFields(let line, let found, let expected):
            "line \(line): the row has \(found) fields but the header has \(expected)"
        case .badValue(let line, let column, let problem): "line \(line), column \(column): \(problem)"
        }
    }
}
