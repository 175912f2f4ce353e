/// Where an activity's feedback loop stands (DOMAIN.md, "States"). The first that applies wins,
/// in the order of the cases.
public enum LoopState: String, RecordEnumeration, Comparable {
    /// It has not opened yet.
    case planned
    /// It is open: before its close date, or ongoing with no update due.
    case collecting
    /// Collection has ended and something is missing: contributions to theme, themes to answer,
    /// or no contributions at all.
    case awaitingResponse = "awaiting-response"
    /// An earlier update exists, but the record has changed since.
    case reopened
    /// Everything is answered, and no update covers it yet.
    case readyToPublish = "ready-to-publish"
    /// Covered by an update, but participants are still owed a personal follow-up.
    case followingUp = "following-up"
    /// Covered, and nobody is owed a follow-up.
    case closed
    public static let listName = "state"

    public static func < (lhs: LoopState, rhs: LoopState) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// How an open loop stands against its due date.
public enum LoopTiming: String, Sendable, Equatable, Codable {
    /// From the day after the due date.
    case overdue
    /// 0 to `due-soon-days` days left.
    case dueSoon = "due-soon"
    /// More days left than that.
    case onTrack = "on-track"
    /// No due date can be worked out yet.
    case noDueDate = "no-due-date"
}

/// A warning about an activity that does not change its state.
public enum LoopFlag: String, Sendable, Equatable, Codable, CaseIterable {
    case noFeedbackDate = "no feedback date promised"
    case noCloseDate = "no close date"
    case noContributions = "no contributions recorded"
    case unreachableParticipants = "participants unreachable"
    case informOnly = "informing only, not engagement"
}
