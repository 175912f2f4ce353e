/// The verdict of the loop rules on one activity, on one day.
public struct LoopStatus: Sendable, Equatable {
    public var summary: LoopSummary
    public var state: LoopState
    /// When participants must hear back (or, for an ongoing activity, when the next update is due).
    public var due: CalendarDate?
    public var timing: LoopTiming
    /// Days past the due date (positive when overdue), or days left (negative); nil without a due date.
    public var daysOverdue: Int?
    public var flags: [LoopFlag]
    public var missing: Missing

    /// What stands between the activity and a closed loop.
    public struct Missing: Sendable, Equatable {
        /// In-scope contributions not yet themed.
        public var unthemed: Int
        /// Themes with no answer (or partly adopted without an explanation).
        public var unansweredThemes: Int
        /// Participants still owed a personal follow-up.
        public var followUps: Int
        /// Commitments past their due date, neither done nor dropped.
        public var overdueCommitments: [Commitment]

        public init(
            unthemed: Int = 0, unansweredThemes: Int = 0, followUps: Int = 0, overdueCommitments: [Commitment] = []
        ) {
            self.unthemed = unthemed
            self.unansweredThemes = unansweredThemes
            self.followUps = followUps
            self.overdueCommitments = overdueCommitments
        }

        public var isEmpty: Bool {
            unthemed == 0 && unansweredThemes == 0 && followUps == 0 && overdueCommitments.isEmpty
        }
    }

    /// Whether the loop itself is overdue, or a commitment is.
    public var isOverdue: Bool { timing == .overdue || !missing.overdueCommitments.isEmpty }

    /// Whether `loops` lists it: the loop is not closed, or a commitment is overdue.
    public var isOutstanding: Bool { state != .closed || !missing.overdueCommitments.isEmpty }

    /// The next thing to do, in plain English.
    public var nextStep: String {
        switch state {
        case .planned:
            return summary.feedbackBy == nil && summary.cadenceWeeks == nil
                ? "promise a feedback date before it opens"
                : "get ready: it opens on \(summary.opens.map(\.description) ?? "a date to be set")"
        case .collecting:
            return summary.closes == nil && summary.cadenceWeeks == nil ? "set a close date" : "keep collecting views"
        case .awaitingResponse:
            if summary.contributions == 0 { return "record what people said, or explain why nobody took part" }
            var steps: [String] = []
            if missing.unthemed > 0 {
                steps.append("theme \(missing.unthemed) contribution\(missing.unthemed == 1 ? "" : "s")")
            }
            if missing.unansweredThemes > 0 {
                steps.append(
                    "answer \(missing.unansweredThemes) theme\(missing.unansweredThemes == 1 ? "" : "s") with a decision or an explanation"
                )
            }
            if summary.themes.isEmpty, missing.unthemed == 0 { steps.append("record at least one theme") }
            return steps.joined(separator: " and ")
        case .reopened:
            return "publish an updated \"you said, we did\": the answers have changed since the last one"
        case .readyToPublish:
            return "publish the \"you said, we did\" update"
        case .followingUp:
            return "send personal follow-ups to \(missing.followUps) participant\(missing.followUps == 1 ? "" : "s")"
        case .closed:
            return missing.overdueCommitments.isEmpty
                ? "nothing: the loop is closed" : "deliver the overdue commitments"
        }
    }
}
