import FeedbackLoop
import Foundation

/// What `yswd check` needs to know about one activity, gathered from the record.
public struct CheckInput: Sendable {
    public var activity: Activity
    public var summary: LoopSummary
    public var contributionMethods: Int
    public var feedbackPromised: FeedbackPromise
    public var similarEarlier: [String]
    public var evaluation: Evaluation?
    /// Its recorded updates, oldest first, with when each later one's reopening began.
    public var updates: [UpdateTiming]
    /// The key of the organisation that ran it.
    public var organisation: String?

    package init(
        activity: Activity, summary: LoopSummary, contributionMethods: Int, feedbackPromised: FeedbackPromise,
        similarEarlier: [String], evaluation: Evaluation? = nil, updates: [UpdateTiming], organisation: String? = nil
    ) {
        self.activity = activity
        self.summary = summary
        self.contributionMethods = contributionMethods
        self.feedbackPromised = feedbackPromised
        self.similarEarlier = similarEarlier
        self.evaluation = evaluation
        self.updates = updates
        self.organisation = organisation
    }
}

extension CheckInput {
    /// The facts the principles are judged on, with the activity's loop as the rules see it.
    public func facts(_ loop: LoopStatus) -> PrincipleFacts {
        PrincipleFacts(
            activity: activity, loop: loop, contributionMethods: contributionMethods,
            feedbackPromised: feedbackPromised, similarEarlier: similarEarlier, evaluation: evaluation,
            updates: updates)
    }
}
