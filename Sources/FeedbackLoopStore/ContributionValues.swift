import FeedbackLoop

/// A contribution as a listing shows it, with who said it and the themes it feeds.
public struct ContributionSummary: Sendable, Equatable, Codable {
    /// The database-wide id (kept in open data).
    public var id: Int64
    /// Its number within its activity, as people refer to it.
    public var number: Int64
    public var text: String
    public var method: EngagementMethod?
    public var received: CalendarDate?
    public var participant: String?
    public var sourceId: String?
    public var outOfScope: String?
    public var themes: [String]

    package init(
        id: Int64, number: Int64, text: String, method: EngagementMethod? = nil, received: CalendarDate? = nil,
        participant: String? = nil, sourceId: String? = nil, outOfScope: String? = nil, themes: [String]
    ) {
        self.id = id
        self.number = number
        self.text = text
        self.method = method
        self.received = received
        self.participant = participant
        self.sourceId = sourceId
        self.outOfScope = outOfScope
        self.themes = themes
    }
}
