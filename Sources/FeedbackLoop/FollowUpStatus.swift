/// Where one person's personal follow-up stands: owed (in the format they will get it), owed but
/// unreachable (no contact details for it), or given, by hand, on a day and by a channel. A
/// sending service's delivery statuses extend this list.
public enum FollowUpStatus: Sendable, Equatable {
    case owed(PreferredFormat)
    case unreachable(prefers: PreferredFormat?)
    case sentByHand(on: CalendarDate, format: PreferredFormat)
    /// Owed, but a sending service could not deliver by their channel for good (a bounce, a returned
    /// letter, an address or number refused), and their details have not changed since.
    case deliveryFailed(SendingChannel)

    /// The status in words: "Owed: email", "Told by phone on 3 December 2026".
    public var sentence: String {
        switch self {
        case .owed(let format): "Owed: \(Self.channel(format))"
        case .unreachable(let prefers):
            "Cannot be reached: "
                + (prefers.map { "prefers \(Self.channel($0)) but has no \(Self.detail($0))" }
                    ?? "no contact details")
        case .sentByHand(let day, .phone): "Told by phone on \(day.spoken)"
        case .sentByHand(let day, let format): "Sent by \(Self.channel(format)) on \(day.spoken)"
        case .deliveryFailed(let channel):
            "Cannot be reached: their last \(channel.spoken) could not be delivered; check their details"
        }
    }

    /// Whether they are still owed one (reachable or not).
    public var isOwed: Bool {
        switch self {
        case .owed, .unreachable, .deliveryFailed: true
        case .sentByHand: false
        }
    }

    /// How a format reaches people, in words.
    public static func channel(_ format: PreferredFormat) -> String {
        switch format {
        case .email: "email"
        case .text: "text message"
        case .letter: "letter"
        case .largePrint: "large print letter"
        case .easyRead: "easy read"
        case .phone: "phone"
        case .none: "no follow-up"
        }
    }

    /// The contact detail a format needs.
    static func detail(_ format: PreferredFormat) -> String {
        switch format {
        case .email: "email address"
        case .letter, .largePrint: "postal address"
        case .easyRead: "postal or email address"
        case .phone: "phone number"
        case .text: "mobile phone number"
        case .none: "contact details"
        }
    }
}
