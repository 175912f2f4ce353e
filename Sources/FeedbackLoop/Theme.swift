/// A "you said" statement summarising what people said, linked to the contributions it summarises.
public struct Theme: Sendable, Equatable, Codable {
    public var id: Int64?
    public var activityId: Int64
    /// A short key, unique within the activity (`parking`).
    public var key: String
    /// The statement in participants' terms ("Parking at the surgery is hard to find").
    public var said: String
    /// The same statement in easy read, for the easy read formats.
    public var easyRead: String?

    public init(id: Int64? = nil, activityId: Int64, key: String, said: String, easyRead: String? = nil) {
        self.id = id
        self.activityId = activityId
        self.key = key
        self.said = said
        self.easyRead = easyRead
    }
}

/// Why a theme, or the part of it not adopted, was not acted on ("we didn't, because").
public struct Explanation: Sendable, Equatable, Codable {
    public var id: Int64?
    public var themeId: Int64
    public var why: String
    public var reason: ReasonCategory
    /// The explanation in easy read, for the easy read formats.
    public var easyRead: String?

    public init(id: Int64? = nil, themeId: Int64, why: String, reason: ReasonCategory, easyRead: String? = nil) {
        self.id = id
        self.themeId = themeId
        self.why = why
        self.reason = reason
        self.easyRead = easyRead
    }
}

/// The learning review of an activity (principle 8).
public struct Evaluation: Sendable, Equatable, Codable {
    public var id: Int64?
    public var activityId: Int64
    public var worked: String
    public var improve: String
    /// Whether participants took part in the review.
    public var participantsInvolved: Bool
    /// Partners the learning was shared with.
    public var sharedWith: [String]

    public init(
        id: Int64? = nil, activityId: Int64, worked: String, improve: String, participantsInvolved: Bool = false,
        sharedWith: [String] = []
    ) {
        self.id = id
        self.activityId = activityId
        self.worked = worked
        self.improve = improve
        self.participantsInvolved = participantsInvolved
        self.sharedWith = sharedWith
    }
}
