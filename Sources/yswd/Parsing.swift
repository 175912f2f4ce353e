import ArgumentParser
import FeedbackLoop

/// Turns typed option values into domain values, so a bad one gets the domain's plain-English error
/// (and exit status 2) rather than the parser's usage text.
enum Parse {
    static func date(_ text: String?, option: String) throws -> CalendarDate? {
        try text.map { try CalendarDate.parseTyped($0, option: option) }
    }

    static func value<Value: RecordEnumeration>(_ text: String?, option: String) throws -> Value? {
        try text.map { try Value.parse($0, option: option) }
    }

    static func values<Value: RecordEnumeration>(_ texts: [String], option: String) throws -> [Value] {
        try texts.map { try Value.parse($0, option: option) }
    }

    static func selections(_ texts: [String]) throws -> [ContributionSelection] {
        try texts.map { try ContributionSelection.parse($0) }
    }

    /// A trimmed, non-empty text, or nil when the option was not given.
    static func text(_ text: String?, option: String) throws -> String? {
        try text.map { try requireText($0, option: option) }
    }
}

extension RecordEnumeration {
    /// Shell completion offering the allowed values (`yswd --generate-completion-script bash`).
    static var completion: CompletionKind { .list(allCases.map(\.rawValue)) }

    /// Help text listing the allowed values.
    static func help(_ summary: String) -> ArgumentHelp {
        ArgumentHelp("\(summary) One of: \(allCases.map(\.rawValue).joined(separator: " | ")).")
    }
}

extension ClearableField {
    /// Shell completion offering the fields `--clear` accepts.
    static var completion: CompletionKind { .list(allCases.map(\.rawValue)) }
}
