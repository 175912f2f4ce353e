import FeedbackLoop
import Foundation

/// What the yearly report reads about an activity besides its check facts.
public struct ReportExtras: Sendable {
    public var views = 0
    public var people = 0
    public var commitments: [CommitmentFacts] = []
    public var followUpsSent = 0
    /// Its themes' answers, and the theme with the most views that changed a decision.
    public var themes: [ReportThemeFacts] = []
    public var example: ReportExample?

    public init() {}
}
