import FeedbackLoop
import Foundation

/// The history of every change, and evaluations.
public protocol HistoryStore: Sendable {
    /// Records the learning review of an activity, replacing any earlier one.
    /// - Returns: whether an earlier evaluation was replaced.
    @discardableResult
    func evaluate(
        activity ref: String, worked: String, improve: String, participantsInvolved: Bool, sharedWith: [String]
    ) async throws -> Bool

    /// The history of changes, oldest first: all of it, or one activity's, from a date (UTC) on.
    func history(activity ref: String?, since: CalendarDate?) async throws -> [HistoryEntry]

    /// The changes `filter` keeps, oldest first (newest first with `newestFirst`), `limit` of them
    /// after skipping `offset`.
    func history(_ filter: HistoryFilter, newestFirst: Bool, limit: Int?, offset: Int) async throws -> [HistoryEntry]

    /// How many changes `filter` keeps.
    func historyCount(_ filter: HistoryFilter) async throws -> Int

    /// Who has made changes, for a filter's list.
    func historyActors() async throws -> [String]

    /// The UTC date each activity was first recorded (by hand, or in a bulk write), by ref.
    func recordedDates() async throws -> [String: CalendarDate]
}

extension HistoryStore {
    public func history(activity ref: String? = nil, since: CalendarDate? = nil) async throws -> [HistoryEntry] {
        try await history(activity: ref, since: since)
    }

    public func history(_ filter: HistoryFilter, newestFirst: Bool = false, limit: Int? = nil, offset: Int = 0)
        async throws -> [HistoryEntry]
    {
        try await history(filter, newestFirst: newestFirst, limit: limit, offset: offset)
    }
}
