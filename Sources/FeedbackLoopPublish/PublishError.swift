import FeedbackLoop

/// Why a participant-facing output could not be made. Nothing is published or written when one is thrown.
public enum PublishError: UserFacingError, Equatable {
    case noThemes(activity: String)
    case templateFolderMissing(String)
    case templateMissing(folder: String, file: String)
    case templateUnreadable(file: String, reason: String)
    case templateInvalid(file: String, line: Int, column: Int, problem: String)
    case privacyFindings([PrivacyFinding])
    case unknownWaiver(id: String, findings: [PrivacyFinding])
    case noPublicContact(activity: String)
    case unanswered(activity: String, themes: [String])
    /// In-scope views not yet linked to a theme.
    case unthemed(activity: String, views: Int)
    case easyReadWording([EasyReadCheck.Warning])
    case noPostalAddress(letters: Int)

    public var description: String { message(naming: \.flag, fixing: \.commandLine) }

    public func message(naming name: (Field) -> String) -> String { description }

    public func message(naming name: (Field) -> String, fixing fix: (Remedy) -> String) -> String {
        switch self {
        case .noThemes(let activity):
            "activity \(activity) has no themes, so there is nothing to report yet; "
                + fix(.addTheme(activity: activity))
                + " and answer each with a decision or an explanation"
        case .templateFolderMissing(let folder):
            "--template \(folder) is not a folder; give the folder that holds your NAME.mustache templates "
                + "(`yswd templates --out \(folder)` writes the built-in ones there)"
        case .templateMissing(let folder, let file):
            "the template folder \(folder) has no \(file); copy the built-in one with "
                + "`yswd templates --out \(folder)` and change it"
        case .templateUnreadable(let file, let reason):
            "the template \(file) could not be read (\(reason))"
        case .templateInvalid(let file, let line, let column, let problem):
            "the template \(file) does not parse at line \(line), column \(column): \(problem)"
        case .privacyFindings(let findings):
            "nothing was published: \(findings.count) possible private detail\(findings.count == 1 ? "" : "s") "
                + "found; change the record, or " + fix(.allowFinding) + "\n"
                + findings.map { "  \($0.id)  \($0.kind.label) in \($0.location): \($0.match)" }.joined(separator: "\n")
        case .noPublicContact(let activity):
            "nothing was published: an update must say where to ask questions, and no public contact is set; "
                + fix(.setPublicContact(activity: activity))
        case .unanswered(let activity, let themes):
            "nothing was published: \(themes.count == 1 ? "theme" : "themes") \(themes.joined(separator: ", ")) of "
                + "\(activity) \(themes.count == 1 ? "has" : "have") no answer yet; answer each with a decision or "
                + fix(.explainTheme) + ", or " + fix(.publishEarly)
                + " (the update names each unanswered theme and says "
                + "when an answer is due)"
        case .unthemed(let activity, let views):
            "nothing was published: \(views == 1 ? "1 view" : "\(views) views") of \(activity) "
                + "\(views == 1 ? "is" : "are") not yet grouped into themes; link each to a theme "
                + "(" + fix(.listUnthemed(activity: activity)) + "), mark it out of scope, or " + fix(.publishEarly)
                + " (the update says how many views are not yet grouped, and when we will report on them)"
        case .easyReadWording(let warnings):

            "nothing was published: \(warnings.count) easy read \(warnings.count == 1 ? "problem" : "problems") "
                + "(" + name(.entry("strict")) + "); " + fix(.giveEasyReadWording) + "\n"
                + warnings.map { "  \($0)" }.joined(separator: "\n")
        case .noPostalAddress(let letters):
            "nothing was written: \(letters == 1 ? "1 follow-up is a letter" : "\(letters) follow-ups are letters"), "
                + "and letters need the sender's address; " + fix(.setPostalAddress)
        case .unknownWaiver(let id, let findings):
            "\(name(.entry("allow"))) \(id) matches no privacy finding in this output"
                + (findings.isEmpty
                    ? " (there are none)" : "; the findings are " + findings.map(\.id).joined(separator: ", "))
        }
    }
}
