/// DOMAIN.md, "Who is owed a personal follow-up", as a rule of plain facts.
///
/// The store runs the same rule in SQL, for every activity at once (``FollowUpRule`` is its Swift
/// twin: see `FollowUpRule+SQL.swift` in the store); a property-based test proves the two agree on
/// random records.
public enum FollowUpRule {
    /// What the rule needs to know about one participant and one activity.
    public struct Facts: Sendable, Equatable {
        public var wantsFeedback: Bool
        public var erased: Bool
        public var prefers: PreferredFormat?
        /// How many of their contributions to the activity feed at least one theme.
        public var themedContributions: Int
        /// Whether they were sent a follow-up since the answers to their themes last changed.
        public var followedUpSinceLastChange: Bool

        public init(
            wantsFeedback: Bool, erased: Bool, prefers: PreferredFormat?, themedContributions: Int,
            followedUpSinceLastChange: Bool
        ) {
            self.wantsFeedback = wantsFeedback
            self.erased = erased
            self.prefers = prefers
            self.themedContributions = themedContributions
            self.followedUpSinceLastChange = followedUpSinceLastChange
        }
    }

    /// Owed a follow-up: asked to hear back, not erased, prefers a format other than `none`, has a
    /// contribution linked to a theme of the activity, and has not been followed up since the
    /// answers to their themes last changed. (Whether they can be reached is ``FollowUpContact``.)
    public static func isOwed(_ facts: Facts) -> Bool {
        facts.wantsFeedback && !facts.erased && facts.prefers != PreferredFormat.none && facts.themedContributions > 0
            && !facts.followedUpSinceLastChange
    }
}
