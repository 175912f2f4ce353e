import FeedbackLoop
import Foundation

/// Which activities a loop summary covers.
public struct LoopFilter: Sendable, Equatable {
    public var ref: String?
    public var lead: String?
    public var service: String?
    /// An organisation's key.
    public var organisation: String?

    public init(ref: String? = nil, lead: String? = nil, service: String? = nil, organisation: String? = nil) {
        self.ref = ref
        self.lead = lead
        self.service = service
        self.organisation = organisation
    }
}
