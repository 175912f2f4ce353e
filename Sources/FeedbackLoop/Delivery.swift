/// A channel a sending service (GOV.UK Notify) sends follow-ups by: email, text message, or a letter
/// it prints and posts. Large print and easy read letters stay printed by staff.
public enum SendingChannel: String, RecordEnumeration {
    case email, text, letter
    public static let listName = "channel"

    /// The channel that sends a preferred format, when a sending service can.
    public init?(_ format: PreferredFormat?) {
        switch format {
        case .email?: self = .email
        case .text?: self = .text
        case .letter?: self = .letter
        case .largePrint?, .easyRead?, .phone?, .none?, nil: return nil
        }
    }

    /// The format a follow-up sent by this channel is recorded as.
    public var format: PreferredFormat {
        switch self {
        case .email: .email
        case .text: .text
        case .letter: .letter
        }
    }

    /// The channel in words: "email", "text message", "letter".
    public var spoken: String { FollowUpStatus.channel(format) }
}

/// Where one follow-up sent through a sending service stands. yswd writes `queued` before anything is
/// sent and `sending` when a sender claims it; the rest are GOV.UK Notify's own statuses as its
/// receipts report them, with `refused` (Notify refused the request for this person: a bad address or
/// number) and `unknown` (lost track of: check in Notify; never resent by itself).
public enum MessageStatus: String, RecordEnumeration {
    case queued, sending, accepted, delivered
    /// A letter printed and posted.
    case received
    case permanentFailure = "permanent-failure"
    case temporaryFailure = "temporary-failure"
    case technicalFailure = "technical-failure"
    /// A letter that came back undelivered.
    case returned
    case cancelled, refused, unknown
    public static let listName = "message status"

    /// Whether Notify took the message: it counts as followed up (DOMAIN.md).
    public var wasAccepted: Bool {
        switch self {
        case .accepted, .delivered, .received, .temporaryFailure, .technicalFailure, .permanentFailure, .returned:
            true
        case .queued, .sending, .cancelled, .refused, .unknown: false
        }
    }

    /// Whether it reached the person: delivered, or a letter posted.
    public var told: Bool { self == .delivered || self == .received }

    /// A failure that makes the person unreachable by this channel until their details change.
    public var isPermanentFailure: Bool { self == .permanentFailure || self == .returned || self == .refused }

    /// A status that can still change by a receipt.
    public var isFinal: Bool {
        switch self {
        case .delivered, .permanentFailure, .temporaryFailure, .technicalFailure, .returned, .cancelled, .refused:
            true
        case .queued, .sending, .accepted, .received, .unknown: false
        }
    }

    /// Notify's status (from a receipt or a lookup) as a delivery status; nil for one yswd does not know.
    public init?(notify status: String) {
        switch status {
        case "created", "sending", "pending", "accepted", "pending-virus-check": self = .accepted
        case "delivered", "sent": self = .delivered
        case "received": self = .received
        case "permanent-failure", "virus-scan-failed", "validation-failed": self = .permanentFailure
        case "temporary-failure": self = .temporaryFailure
        case "technical-failure": self = .technicalFailure
        case "cancelled": self = .cancelled
        case "returned-letter": self = .returned
        default: return nil
        }
    }
}
