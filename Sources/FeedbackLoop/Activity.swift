/// One piece of engagement: a survey, focus groups, drop-ins, an ongoing feedback programme.
///
/// It carries the promise made to participants: the date by which they will hear back and the
/// channels they will hear through. An ongoing activity has an update cadence instead of a
/// close date.
public struct Activity: Sendable, Equatable, Codable {
    /// The store's number for the activity; nil until it is saved.
    public var id: Int64?
    /// The human reference, unique in the record (`GP-ACCESS-2026`).
    public var ref: String
    public var title: String
    public var purpose: String
    /// What participants can influence.
    public var canInfluence: String
    public var level: EngagementLevel
    /// What cannot change, and why.
    public var constraints: String?
    /// What we asked, and why, in the words people were told: the public wording of the purpose.
    public var publicSummary: String?
    public var methods: [EngagementMethod]
    public var audiences: [String]
    public var lead: String?
    public var partners: [String]
    public var resources: String?
    public var service: String?
    /// Where participants can ask questions; allowed in participant-facing output.
    public var publicContact: String?
    public var opens: CalendarDate?
    public var closes: CalendarDate?
    /// Weeks between updates, for an ongoing activity.
    public var cadenceWeeks: Int?
    /// The date promised to participants by which they will hear back.
    public var feedbackBy: CalendarDate?
    public var feedbackChannels: [FeedbackChannel]
    /// The organisation that ran it (its store number); nil when not set.
    public var organisationId: Int64?
    /// When people were first told about it; the collection window counts from here.
    public var announced: CalendarDate?

    public init(
        id: Int64? = nil, ref: String, title: String, purpose: String, canInfluence: String,
        level: EngagementLevel, constraints: String? = nil, publicSummary: String? = nil,
        methods: [EngagementMethod] = [], audiences: [String] = [], lead: String? = nil,
        partners: [String] = [], resources: String? = nil, service: String? = nil,
        publicContact: String? = nil, opens: CalendarDate? = nil, closes: CalendarDate? = nil,
        cadenceWeeks: Int? = nil, feedbackBy: CalendarDate? = nil, feedbackChannels: [FeedbackChannel] = [],
        organisationId: Int64? = nil, announced: CalendarDate? = nil
    ) {
        self.id = id
        self.ref = ref
        self.title = title
        self.purpose = purpose
        self.canInfluence = canInfluence
        self.level = level
        self.constraints = constraints
        self.publicSummary = publicSummary
        self.methods = methods
        self.audiences = audiences
        self.lead = lead
        self.partners = partners
        self.resources = resources
        self.service = service
        self.publicContact = publicContact
        self.opens = opens
        self.closes = closes
        self.cadenceWeeks = cadenceWeeks
        self.feedbackBy = feedbackBy
        self.feedbackChannels = feedbackChannels
        self.organisationId = organisationId
        self.announced = announced
    }

    /// Whether the activity runs on a cadence instead of closing.
    public var isOngoing: Bool { cadenceWeeks != nil }

    /// Checks the rules every saved activity keeps.
    public func validate() throws(RecordError) {
        _ = try requireText(ref, field: .argument("REF"))
        _ = try requireText(title, field: .entry("title"))
        _ = try requireText(purpose, field: .entry("purpose"))
        _ = try requireText(canInfluence, field: .entry("can-influence"))
        if closes != nil, cadenceWeeks != nil { throw .closesWithCadence }
        if let weeks = cadenceWeeks {
            _ = try EntryRules.number(weeks, field: .entry("cadence-weeks"), in: EntryRules.weeks)
        }
        if let opens, let closes, closes < opens { throw .closesBeforeOpens(opens: opens, closes: closes) }
        if let announced, let opens, announced > opens {
            throw .announcedAfterOpens(announced: announced, opens: opens)
        }
        if let feedbackBy {
            if let closes, feedbackBy < closes {
                throw .feedbackBeforeClose(feedbackBy: feedbackBy, field: .entry("closes"), date: closes)
            }
            if let opens, feedbackBy < opens {
                throw .feedbackBeforeClose(feedbackBy: feedbackBy, field: .entry("opens"), date: opens)
            }
        }
    }
}

/// An optional field of an activity that `activity update --clear FIELD` can empty.
public enum ActivityField: String, ClearableField {
    case constraints
    case publicSummary = "public-summary"
    case methods = "method"
    case audiences = "audience"
    case lead
    case partners = "partner"
    case resources, service
    case publicContact = "public-contact"
    case opens, closes
    case cadenceWeeks = "cadence-weeks"
    case feedbackBy = "feedback-by"
    case feedbackChannels = "feedback-channel"
    case organisation, announced

    /// Empties this field of `activity`.
    public func clear(in activity: inout Activity) {
        switch self {
        case .constraints: activity.constraints = nil
        case .publicSummary: activity.publicSummary = nil
        case .methods: activity.methods = []
        case .audiences: activity.audiences = []
        case .lead: activity.lead = nil
        case .partners: activity.partners = []
        case .resources: activity.resources = nil
        case .service: activity.service = nil
        case .publicContact: activity.publicContact = nil
        case .opens: activity.opens = nil
        case .closes: activity.closes = nil
        case .cadenceWeeks: activity.cadenceWeeks = nil
        case .feedbackBy: activity.feedbackBy = nil
        case .feedbackChannels: activity.feedbackChannels = []
        case .organisation: activity.organisationId = nil
        case .announced: activity.announced = nil
        }
    }
}
