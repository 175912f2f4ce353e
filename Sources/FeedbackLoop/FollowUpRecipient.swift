/// A participant owed a personal follow-up, with the private details needed to send it.
///
/// Private: only the follow-ups folder (owner-only) ever carries these details.
public struct FollowUpRecipient: Sendable, Equatable {
    public var participantId: Int64
    public var ref: String
    public var prefers: PreferredFormat?
    /// Their name, printed above their address on letters.
    public var name: String?
    /// How letters greet them, when recorded ("Mrs Khan").
    public var salutation: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    /// The keys of the themes their own contributions fed into.
    public var themes: [String]
    /// Their last follow-up: when it was sent and the number of the update it told them about.
    /// Set when they are owed another because answers changed since.
    public var lastSent: CalendarDate?
    public var lastUpdate: Int?
    /// The themes their last follow-up told them about; nil when not recorded (before yswd kept them).
    public var toldThemes: [String]?
    /// The channel a sending service could not deliver to for good, since their details last changed.
    public var failedChannel: SendingChannel?
    /// The language they hear back in (a BCP 47 tag); nil for the team's source language.
    public var language: String?

    public init(
        participantId: Int64, ref: String, prefers: PreferredFormat? = nil, name: String? = nil,
        email: String? = nil, phone: String? = nil, address: String? = nil, themes: [String]
    ) {
        self.participantId = participantId
        self.ref = ref
        self.prefers = prefers
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
        self.themes = themes
    }

    public var contact: FollowUpContact {
        var contact = FollowUpContact(
            prefers: prefers, hasEmail: email != nil, hasAddress: address != nil, hasPhone: phone != nil)
        contact.failed = failedChannel != nil
        return contact
    }

    /// Whether their follow-up goes by post: a letter, a large print letter, or easy read to a postal
    /// address (easy read goes by email only when there is no address; see ``FollowUpContact``).
    public var goesByPost: Bool {
        switch format {
        case .letter?, .largePrint?: true
        case .easyRead?: address != nil
        case .email?, .text?, .phone?, .none?, nil: false
        }
    }

    /// The format the follow-up is made in: their preference, or without one the first of email,
    /// letter and phone they have details for. Nil when they cannot be reached.
    public var format: PreferredFormat? {
        guard contact.isReachable else { return nil }
        if let prefers { return prefers }
        return email != nil ? .email : address != nil ? .letter : .phone
    }
}
