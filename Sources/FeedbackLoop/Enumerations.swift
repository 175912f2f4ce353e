import Foundation

/// A value from one of the record's fixed lists (level, method, channel and so on).
///
/// Raw values are the spellings users type and the values stored; they never change.
public protocol RecordEnumeration: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String, AllCases == [Self] {
    /// What the list is called in messages ("level", "method").
    static var listName: String { get }
}

extension RecordEnumeration {
    /// The allowed spellings, joined for messages and help: `inform, consult, involve`.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses a user-typed value.
    /// - Throws: ``RecordError/unknownValue(option:value:allowed:)`` listing the allowed values.
    public static func parse(_ text: String, field: Field) throws(RecordError) -> Self {
        guard let value = Self(rawValue: text) ?? Self(rawValue: text.trimmed.lowercased()) else {
            throw .unknownValue(field: field, value: text, allowed: allowedValues)
        }
        return value
    }
}

/// How much power an activity shares, from least to most. `inform` is not engagement: it is
/// recorded but flagged.
public enum EngagementLevel: String, RecordEnumeration {
    case inform, consult, involve
    case coDesign = "co-design"
    case coProduce = "co-produce"
    public static let listName = "level"
}

/// How an activity gathers views, and how each contribution was gathered.
public enum EngagementMethod: String, RecordEnumeration {
    case survey
    case focusGroup = "focus-group"
    case interview
    case dropIn = "drop-in"
    case outreach, online
    case publicMeeting = "public-meeting"
    case other
    public static let listName = "method"
}

/// How participants will hear back.
public enum FeedbackChannel: String, RecordEnumeration {
    case web, email, letter, meeting, social, phone, other
    public static let listName = "feedback channel"
}

/// The format a participant prefers for a personal follow-up.
public enum PreferredFormat: String, RecordEnumeration {
    case email, text, letter
    case largePrint = "large-print"
    case easyRead = "easy-read"
    case phone, none
    public static let listName = "preferred format"
}

/// How fully a decision adopts a theme. A partly adopted theme also needs an explanation.
public enum Outcome: String, RecordEnumeration {
    case adopted, partly
    public static let listName = "outcome"
}

/// Where a decision stands. A dropped decision no longer answers anything.
public enum DeliveryStatus: String, RecordEnumeration {
    case planned
    case inProgress = "in-progress"
    case done, dropped
    public static let listName = "status"
}

/// Why a view was not acted on.
public enum ReasonCategory: String, RecordEnumeration {
    case outsideControl = "outside-control"
    case cost, legal
    case clinicalSafety = "clinical-safety"
    case conflictingViews = "conflicting-views"
    case other
    public static let listName = "reason"
}

/// Which quotes an update carries: those a person chose (`yswd quote add`), or the earliest
/// consenting contributions under each theme.
public enum QuoteMode: String, RecordEnumeration {
    case chosen, auto
    public static let listName = "quote mode"
}
