import ArgumentParser
import FeedbackLoop

/// Turns option text that needs the record's own checks (dates, texts, ranges) into domain values,
/// so a bad one gets its plain-English error (and exit status 2) rather than the parser's usage text.
enum Parse {
    static func date(_ text: String?, field: Field) throws -> CalendarDate? {
        try text.map { try CalendarDate.parseTyped($0, field: field) }
    }

    static func selections(_ texts: [String]) throws -> [ContributionSelection] {
        try texts.map { try ContributionSelection.parse($0) }
    }

    /// A trimmed, non-empty text, or nil when the option was not given.
    static func text(_ text: String?, field: Field) throws -> String? {
        try text.map { try requireText($0, field: field) }
    }
}
