/// An organisation in the care system that runs engagement: the ICB, a trust, the council, primary
/// care, a voluntary group, Healthwatch. The yearly report judges each one's activities.
public struct Organisation: Sendable, Equatable, Codable {
    public var id: Int64?
    /// A short key, unique in the record (`uhcw`).
    public var key: String
    public var name: String
    public var kind: OrganisationKind

    public init(id: Int64? = nil, key: String, name: String, kind: OrganisationKind) {
        self.id = id
        self.key = key
        self.name = name
        self.kind = kind
    }
}

/// What kind of organisation it is.
public enum OrganisationKind: String, RecordEnumeration {
    case icb, trust, council
    case primaryCare = "primary-care"
    case voluntary, healthwatch, other
    public static let listName = "organisation kind"
}
