import FeedbackLoop

/// The file an import reads, as history records it.
public struct ImportSource: Sendable {
    public var name: String
    public var sha256: String
    /// The language its contributions were given in (a BCP 47 tag); nil for the team's source language.
    public var language: String?
    /// A column gives each response's language (``FeedbackLoop/ImportedContribution/language``),
    /// which overrides `language` where it says.
    public var languageColumn: Bool

    public init(name: String, sha256: String, language: String? = nil, languageColumn: Bool = false) {
        self.name = name
        self.sha256 = sha256
        self.language = language
        self.languageColumn = languageColumn
    }
}

/// What an import did (or, in a dry run, would do).
public struct ImportReport: Sendable, Equatable {
    public var batchId: Int64?
    public var rows = 0
    public var added = 0
    public var skipped = 0
    public var blankCells = 0
    public var participantsCreated = 0
    public var themesCreated = 0
    /// Participants of the file who asked to hear back and left an email address or phone number:
    /// each is owed a follow-up once their views are themed.
    public var canHearBack = 0
    /// Participants of the file who left contact details but did not ask to hear back.
    public var contactWithoutAsking = 0
    /// Rows left out because they could not be imported (with `skipInvalid`), and why.
    public var leftOut = InvalidRows(problems: [], rows: 0)

    /// What the import did (or, in a dry run, would do), in one sentence.
    public func sentence(dryRun: Bool) -> String {
        sentence(lead: dryRun ? "Dry run, nothing written: would import " : "Imported ")
    }

    /// What the import did or would do, after `lead` ("Imported ").
    public func sentence(lead: String) -> String {
        var parts = ["\(counted(added, "contribution")) from \(counted(rows, "row"))"]
        if skipped > 0 { parts.append("\(skipped) already imported, skipped") }
        if blankCells > 0 { parts.append("\(counted(blankCells, "blank cell")) skipped") }
        if leftOut.rows > 0 { parts.append("\(counted(leftOut.rows, "row")) that cannot be imported left out") }
        if participantsCreated > 0 { parts.append("\(counted(participantsCreated, "new participant"))") }
        if themesCreated > 0 { parts.append("\(counted(themesCreated, "new theme"))") }
        var sentence = lead + parts.joined(separator: "; ") + "."
        if canHearBack > 0 {
            sentence +=
                " \(counted(canHearBack, "person", plural: "people")) asked to hear back and left contact details:"
                + " each is owed a follow-up once their views are themed."
        }
        if contactWithoutAsking > 0 {
            sentence +=
                " \(counted(contactWithoutAsking, "person", plural: "people")) left contact details but did not say"
                + " they want to hear back."
        }
        return sentence
    }

    package init(batchId: Int64? = nil) {
        self.batchId = batchId
    }
}

/// A row the record cannot take, found while staging or writing (a repeated id, an unknown theme,
/// an erased participant).
public struct ImportRowError: UserFacingError, Equatable, Sendable {
    public var line: Int
    /// The column's name, when the problem is in one cell.
    public var column: String?
    public var problem: String
    /// What puts it right, when a choice of the import's does.
    public var remedy: Remedy?

    public init(line: Int, column: String? = nil, problem: String, remedy: Remedy? = nil) {
        self.line = line
        self.column = column
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String { message(naming: \.flag, fixing: \.commandLine) }

    public func message(naming name: (Field) -> String) -> String { description }

    public func message(naming name: (Field) -> String, fixing fix: (Remedy) -> String) -> String {
        let problem = problem + (remedy.map { "; " + fix($0) } ?? "")
        if let column { return "line \(line), column \(column): \(problem)" }
        return "line \(line): \(problem)"
    }
}
