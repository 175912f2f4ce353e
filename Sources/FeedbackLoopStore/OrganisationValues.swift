import FeedbackLoop

/// An organisation with how many activities name it, as `organisation list` shows it.
public struct OrganisationSummary: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var kind: OrganisationKind
    public var activities: Int

    package init(key: String, name: String, kind: OrganisationKind, activities: Int) {
        self.key = key
        self.name = name
        self.kind = kind
        self.activities = activities
    }
}
