import FeedbackLoop
import FeedbackLoopStore

/// Every activity's loop summary, read once and kept until the record changes: a write through
/// this server, or by the command line in another process (``EngagementStore/changeToken()``).
/// The loop rules still run on every request, so "today" is always today.
actor LoopCache {
    private let store: EngagementStore
    private var cached: (token: String, summaries: [LoopSummary])?
    private var loading: (token: String, task: Task<[LoopSummary], any Error>)?

    init(store: EngagementStore) { self.store = store }

    func summaries() async throws -> [LoopSummary] {
        let token = try store.changeToken()
        if let cached, cached.token == token { return cached.summaries }
        // One read at a time for the same state of the record, however many pages ask at once.
        if let loading, loading.token == token { return try await loading.task.value }
        let store = store
        let task = Task.detached { try store.loopSummaries() }
        loading = (token, task)
        let summaries = try await task.value
        cached = (token, summaries)
        if self.loading?.token == token { self.loading = nil }
        return summaries
    }
}
