import FeedbackLoop

/// What is wrong with a translation file: each reads as one sentence naming the file, the line where
/// there is one, and what was expected.
public enum TranslationFileError: UserFacingError, Equatable, Sendable {
    case unreadable(path: String)
    /// Neither yswd's XLIFF nor its CSV.
    case notYswd(path: String, why: String)
    /// XML that is not well formed, or a CSV that cannot be read.
    case malformed(path: String, line: Int, column: Int?, problem: String)
    case badUnit(path: String, line: Int?, key: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(path) cannot be opened; check the file's name and that you can read it"
        case .notYswd(let path, let why):
            return "\(path) is not a translation file from yswd (\(why)); export one with yswd translate export,"
                + " or yswd translate strings"
        case .malformed(let path, let line, let column, let problem):
            return "\(path), line \(line)\(column.map { ", column \($0)" } ?? ""): \(problem)"
        case .badUnit(let path, let line, let key, let problem):
            return "\(path)\(line.map { ", line \($0)" } ?? ""): \(key): \(problem)"
        }
    }
}
