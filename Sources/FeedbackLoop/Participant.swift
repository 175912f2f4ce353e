/// A person who took part, known only by a pseudonymous ref.
///
/// Contact details live apart, in ``ParticipantContact``, so they can be kept private and erased.
public struct Participant: Sendable, Equatable, Codable {
    public var id: Int64?
    public var ref: String
    /// Consent to be contacted about the outcome.
    public var wantsFeedback: Bool
    /// Consent to be quoted in participant-facing updates.
    public var mayQuote: Bool
    /// When the participant's contact details were erased, if they were.
    public var erasedAt: String?

    public init(
        id: Int64? = nil, ref: String, wantsFeedback: Bool = false, mayQuote: Bool = false, erasedAt: String? = nil
    ) {
        self.id = id
        self.ref = ref
        self.wantsFeedback = wantsFeedback
        self.mayQuote = mayQuote
        self.erasedAt = erasedAt
    }

    public var isErased: Bool { erasedAt != nil }
}

/// A participant's private contact details and preferred format. Never participant-facing;
/// removed, with every trace in history, when the participant is erased.
public struct ParticipantContact: Sendable, Equatable, Codable {
    public var participantId: Int64
    /// Their name, printed above their address on letters.
    public var name: String?
    /// How letters greet them ("Mrs Khan" for "Dear Mrs Khan,"); without one, from the name.
    public var salutation: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var prefers: PreferredFormat?
    /// The language they hear back in (a BCP 47 tag); nil for the team's source language.
    public var language: String?

    public init(
        participantId: Int64, name: String? = nil, email: String? = nil, phone: String? = nil,
        address: String? = nil, prefers: PreferredFormat? = nil, salutation: String? = nil, language: String? = nil
    ) {
        self.participantId = participantId
        self.name = name
        self.salutation = salutation
        self.email = email
        self.phone = phone
        self.address = address
        self.prefers = prefers
        self.language = language
    }

    /// ``language`` as a tag, when one is recorded and still reads as one.
    public var languageTag: LanguageTag? { language.flatMap { try? LanguageTag(parsing: $0) } }

    /// The contact with its email address and phone number checked in shape (``EntryRules``).
    /// Values unchanged from `stored` are taken as they are, so details recorded before these
    /// checks existed never block another change.
    public func checked(against stored: ParticipantContact?) throws(RecordError) -> ParticipantContact {
        var contact = self
        if let email, email != stored?.email { contact.email = try EntryRules.email(email, field: .entry("email")) }
        if let phone, phone != stored?.phone { contact.phone = try EntryRules.phone(phone, field: .entry("phone")) }
        if let address, address != stored?.address || name != stored?.name {
            contact.address = try PostalAddress.checked(address, field: .entry("address"))
            // Notify's rules, so a letter it prints is never refused for its address.
            if let problem = NotifyAddress.problem(name: name, address: address) {
                throw .addressRefused(field: .entry("address"), problem: problem)
            }
        }
        if prefers == .text, let phone = contact.phone, phone != stored?.phone || stored?.prefers != .text,
            NotifyPhone.normalised(phone) == nil
        {
            throw .notMobile(field: .entry("phone"), value: phone)
        }
        return contact
    }

    /// Whether nothing is recorded.
    public var isEmpty: Bool {
        name == nil && salutation == nil && email == nil && phone == nil && address == nil && prefers == nil
            && language == nil
    }

    /// The kinds of contact on file, for listings that must not show the details themselves.
    public var kindsOnFile: [String] {
        [
            name.map { _ in "name" }, salutation.map { _ in "salutation" }, email.map { _ in "email" },
            phone.map { _ in "phone" },
            address.map { _ in "address" },
        ].compactMap { $0 }
    }
}

/// A private contact field that `participant update --clear FIELD` can empty.
public enum ContactField: String, ClearableField {
    case name, salutation, email, phone, address, prefers, language

    public func clear(in contact: inout ParticipantContact) {
        switch self {
        case .name: contact.name = nil
        case .salutation: contact.salutation = nil
        case .email: contact.email = nil
        case .phone: contact.phone = nil
        case .address: contact.address = nil
        case .prefers: contact.prefers = nil
        case .language: contact.language = nil
        }
    }
}
