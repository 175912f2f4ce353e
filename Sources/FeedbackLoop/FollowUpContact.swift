/// Which contact details a participant owed a follow-up has on file, for their preferred format.
///
/// DOMAIN.md: one who asked to hear back but has no usable contact for their format is
/// *unreachable* — a warning, not a blocker.
public struct FollowUpContact: Sendable, Hashable {
    /// Their preferred format; nil when none was recorded (any contact will do).
    public var prefers: PreferredFormat?
    public var hasEmail: Bool
    public var hasAddress: Bool
    public var hasPhone: Bool
    /// A sending service could not deliver by their channel for good (a bounce, a returned letter),
    /// and their details have not changed since.
    public var failed = false

    public init(prefers: PreferredFormat?, hasEmail: Bool, hasAddress: Bool, hasPhone: Bool) {
        self.prefers = prefers
        self.hasEmail = hasEmail
        self.hasAddress = hasAddress
        self.hasPhone = hasPhone
    }

    /// The details packed in three bits (email 4, address 2, phone 1), a short form for tables of cases.
    public init(prefers: PreferredFormat?, code: Int) {
        self.init(prefers: prefers, hasEmail: code & 4 != 0, hasAddress: code & 2 != 0, hasPhone: code & 1 != 0)
    }

    /// Whether a follow-up in their format can reach them. Letters and large print go by post; easy read by post, or by email
    /// when there is no address.
    public var isReachable: Bool {
        if failed { return false }
        return switch prefers {
        case .email: hasEmail
        case .letter, .largePrint: hasAddress
        case .easyRead: hasAddress || hasEmail
        case .phone, .text: hasPhone
        case .none?: false
        case nil: hasEmail || hasAddress || hasPhone
        }
    }
}
