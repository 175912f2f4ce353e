import ArgumentParser
import FeedbackLoop

/// The optional details of an activity, shared by `activity add` and `activity update`.
struct ActivityDetailOptions: ParsableArguments {
    @Option(help: "What cannot change, and why: published as \"What could not change, and why\".")
    var constraints: String?
    @Option(
        name: [.customLong("public-summary"), .customLong("explained-as")],
        help: ArgumentHelp(
            "What we asked, and why, in the words people were told: published as \"What we asked, and why\" "
                + "instead of the purpose (--explained-as is its old name)."))
    var publicSummary: String?
    @Option(
        name: .customLong("method"), help: "How views are gathered; repeat for several.")
    var methods: [EngagementMethod] = []
    @Option(name: .customLong("audience"), help: "A group the activity sets out to reach; repeat for several.")
    var audiences: [String] = []
    @Option(help: "Who leads it (the person chased when feedback is due).")
    var lead: String?
    @Option(name: .customLong("partner"), help: "A partner organisation; repeat for several.")
    var partners: [String] = []
    @Option(help: "Time, money and skills set aside, including partners'.")
    var resources: String?
    @Option(help: "The service it concerns.")
    var service: String?
    @Option(help: "Where participants can ask questions (shown in published updates).")
    var publicContact: String?
    @Option(help: "The key of the organisation that ran it (see `yswd organisation list`).")
    var organisation: String?
    @Option(help: "When people were first told about it (YYYY-MM-DD); the window principle 5 judges starts here.")
    var announced: String?
    @Option(help: "The date it opens (YYYY-MM-DD).")
    var opens: String?
    @Option(help: "The date it closes (YYYY-MM-DD); not with --cadence-weeks.")
    var closes: String?
    @Option(help: "For an ongoing activity: weeks between updates, instead of a close date.")
    var cadenceWeeks: Int?
    @Option(help: "The date by which participants were promised they would hear back (YYYY-MM-DD).")
    var feedbackBy: String?
    @Option(
        name: .customLong("feedback-channel"),
        help: "How participants will hear back; repeat for several.")
    var feedbackChannels: [FeedbackChannel] = []

    /// Applies the options that were given; a repeated option replaces that list. A close date and
    /// a cadence replace each other.
    func apply(to activity: inout Activity) throws {
        if closes != nil, cadenceWeeks != nil { throw RecordError.closesWithCadence }
        if let value = try Parse.text(constraints, field: .entry("constraints")) { activity.constraints = value }
        if let value = try Parse.text(publicSummary, field: .entry("public-summary")) { activity.publicSummary = value }
        if !methods.isEmpty { activity.methods = unique(methods) }
        if !audiences.isEmpty {
            activity.audiences = unique(try audiences.map { try requireText($0, field: .entry("audience")) })
        }
        if let value = try Parse.text(lead, field: .entry("lead")) { activity.lead = value }
        if !partners.isEmpty {
            activity.partners = unique(try partners.map { try requireText($0, field: .entry("partner")) })
        }
        if let value = try Parse.text(resources, field: .entry("resources")) { activity.resources = value }
        if let value = try Parse.text(service, field: .entry("service")) { activity.service = value }
        if let value = try Parse.text(publicContact, field: .entry("public-contact")) { activity.publicContact = value }
        if let value = try Parse.date(announced, field: .entry("announced")) { activity.announced = value }
        if let value = try Parse.date(opens, field: .entry("opens")) { activity.opens = value }
        if let value = try Parse.date(closes, field: .entry("closes")) {
            activity.closes = value
            activity.cadenceWeeks = nil
        }
        if let cadenceWeeks {
            activity.cadenceWeeks = try EntryRules.number(
                cadenceWeeks, field: .entry("cadence-weeks"), in: EntryRules.weeks)
            activity.closes = nil
        }
        if let value = try Parse.date(feedbackBy, field: .entry("feedback-by")) { activity.feedbackBy = value }
        if !feedbackChannels.isEmpty {
            activity.feedbackChannels = unique(feedbackChannels)
        }
    }

    private func unique<Value: Hashable>(_ values: [Value]) -> [Value] {
        var seen = Set<Value>()
        return values.filter { seen.insert($0).inserted }
    }
}
