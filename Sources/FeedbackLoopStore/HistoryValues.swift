import FeedbackLoop
import Foundation

/// Which changes to show: one activity's, one person's, some kinds, between two dates (UTC).
public struct HistoryFilter: Sendable, Equatable {
    public var activity: String?
    /// Who made the change, as history names them.
    public var by: String?
    /// Kinds of thing changed (`decision`, `theme`…); every kind when empty.
    public var kinds: [String]
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Leave out the parts of a change that another entry already says (the themes an update
    /// reported, recorded with the update).
    public var withoutParts: Bool

    public init(
        activity: String? = nil, by: String? = nil, kinds: [String] = [], from: CalendarDate? = nil,
        to: CalendarDate? = nil, withoutParts: Bool = false
    ) {
        self.activity = activity
        self.by = by
        self.kinds = kinds
        self.from = from
        self.to = to
        self.withoutParts = withoutParts
    }
}
