import Foundation

/// What was decided or done ("we did" / "we will"), who decided and when, and which themes it answers.
public struct Decision: Sendable, Equatable, Codable {
    public var id: Int64?
    public var activityId: Int64
    /// A short key, unique within the activity (`extra-appointments`).
    public var key: String
    public var text: String
    public var decidedBy: String?
    public var decidedOn: CalendarDate?
    public var status: DeliveryStatus
    /// For a commitment ("we will"), the date it is due.
    public var due: CalendarDate?
    /// The difference it made.
    public var impact: String?
    /// The themes it answers, each with how fully it adopts it.
    public var responds: [ThemeResponse]
    /// A fuller account, as plain text.
    public var description: String?
    /// When delivery starts.
    public var starts: CalendarDate?
    /// Delivery progress, 0 to 100, to two decimal places (Decidim's 46.33).
    public var progress: Double?
    /// The decision it is part of.
    public var parentId: Int64?
    /// Its id in the system it came from (a Decidim result id).
    public var externalId: String?
    /// The decision in easy read, for the easy read formats.
    public var easyRead: String?

    public init(
        id: Int64? = nil, activityId: Int64, key: String, text: String, decidedBy: String? = nil,
        decidedOn: CalendarDate? = nil, status: DeliveryStatus = .planned, due: CalendarDate? = nil,
        impact: String? = nil, responds: [ThemeResponse] = [], description: String? = nil, starts: CalendarDate? = nil,
        progress: Double? = nil, parentId: Int64? = nil, externalId: String? = nil, easyRead: String? = nil
    ) {
        self.id = id
        self.activityId = activityId
        self.key = key
        self.text = text
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.status = status
        self.due = due
        self.impact = impact
        self.responds = responds
        self.description = description
        self.starts = starts
        self.progress = progress
        self.parentId = parentId
        self.externalId = externalId
        self.easyRead = easyRead
    }
}

extension DeliveryStatus {
    /// The status a progress percentage means: 100 is done, above 0 in progress, else planned.
    public init(progress: Double) {
        self = progress >= 100 ? .done : progress > 0 ? .inProgress : .planned
    }
}

/// A decision's answer to one theme.
public struct ThemeResponse: Sendable, Equatable, Codable {
    public var theme: String
    public var outcome: Outcome

    public init(theme: String, outcome: Outcome) {
        self.theme = theme
        self.outcome = outcome
    }

    /// Parses `THEME`, `THEME:adopted` or `THEME:partly` (adopted when no outcome is given).
    public static func parse(_ text: String) throws(RecordError) -> ThemeResponse {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { throw .invalidThemeResponse(text) }
        let outcome = parts.count == 2 ? try Outcome.parse(parts[1], field: .entry("responds-to")) : .adopted
        return ThemeResponse(theme: parts[0], outcome: outcome)
    }
}

/// A decision that clears a field with `decision update --clear FIELD`.
public enum DecisionField: String, ClearableField {
    case decidedBy = "decided-by"
    case decidedOn = "decided-on"
    case due, impact
    case respondsTo = "responds-to"
    case easyRead = "easy-read"

    public func clear(in decision: inout Decision) {
        switch self {
        case .decidedBy: decision.decidedBy = nil
        case .decidedOn: decision.decidedOn = nil
        case .due: decision.due = nil
        case .impact: decision.impact = nil
        case .respondsTo: decision.responds = []
        case .easyRead: decision.easyRead = nil
        }
    }
}

extension Decision {
    /// Whether `text` reads as a promise still to keep ("We will…", "We'll…", "We are going to…"):
    /// wording that must change when the decision is done.
    public static func readsAsPromise(_ text: String) -> Bool {
        let start = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
        return ["we will ", "we'll ", "we are going to ", "we're going to ", "we plan to ", "we intend to "].contains {
            start.hasPrefix($0)
        }
    }

    /// A change that marks the decision done must also give its done wording: the change is refused
    /// while the text still promises. Decisions that arrive done are not held to this (imports,
    /// earlier records); `check` and the publish preview warn about them instead.
    public static func checkDoneWording(before: Decision, after: Decision) throws(RecordError) {
        guard after.status == .done, before.status != .done, readsAsPromise(after.text) else { return }
        throw .doneStillPromised(decision: after.key, text: after.text)
    }

    /// Whether it is done but still reads as a promise: what `check` and the publish preview warn about.
    public var isDoneButPromised: Bool { status == .done && Self.readsAsPromise(text) }
}
