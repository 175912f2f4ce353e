import FeedbackLoop
import Foundation

/// A follow-up given to one person: their ref, when and how.
public struct GivenFollowUp: Sendable, Equatable {
    public var ref: String
    public var sent: CalendarDate
    public var format: PreferredFormat

    package init(ref: String, sent: CalendarDate, format: PreferredFormat) {
        self.ref = ref
        self.sent = sent
        self.format = format
    }
}
