import FeedbackLoop
import FeedbackLoopStore

/// Every open loop, most overdue first, judged once and kept up to date as the record changes (a
/// write through this server, or by the command line in another process: history says which
/// activities changed since ``RecordStore/changeToken()`` was read). The rules themselves stay in
/// `FeedbackLoop`; this only remembers their answers.
///
/// Reading every summary takes about a second on a large record, so after a change only the
/// activities it touched are read again. A change that may touch any activity (a setting, a
/// participant's details) means reading them all; meanwhile pages get the loops judged before the
/// change and say so, rather than all waiting.
actor LoopCache {
    /// The open loops, and whether they are of the record as it is now.
    struct Reading: Sendable {
        var statuses: [LoopStatus]
        var today: CalendarDate
        var current: Bool
    }

    private struct Judged: Sendable {
        var token: Int64
        var today: CalendarDate
        var summaries: [String: LoopSummary]
        var statuses: [LoopStatus]
    }

    private let store: any RecordStore
    private var cached: Judged?
    private var loading: (token: Int64, today: CalendarDate, task: Task<Judged, any Error>)?

    init(store: any RecordStore) { self.store = store }

    func loops() async throws -> Reading {
        let settings = try await store.settings()
        let token = try await store.changeToken()
        let today = settings.today()
        if let cached, cached.token == token, cached.today == today {
            return Reading(statuses: cached.statuses, today: today, current: true)
        }
        if let cached, cached.today == today, let changes = try await store.activitiesChanged(since: cached.token),
            changes.removed.isEmpty
        {
            var summaries = cached.summaries
            for ref in changes.changed {
                summaries[ref] = try await store.loopSummaries(LoopFilter(ref: ref)).first
            }
            let judged = Judged(
                token: token, today: today, summaries: summaries,
                statuses: LoopRules(settings: settings).outstanding(Array(summaries.values), asOf: today))
            self.cached = judged
            return Reading(statuses: judged.statuses, today: today, current: true)
        }
        let task = refresh(token: token, today: today, settings: settings)
        if let cached, cached.today == today { return Reading(statuses: cached.statuses, today: today, current: false) }
        return Reading(statuses: try await task.value.statuses, today: today, current: true)
    }

    /// Reads and judges every loop, once however many pages ask.
    private func refresh(token: Int64, today: CalendarDate, settings: TeamSettings) -> Task<Judged, any Error> {
        if let loading, loading.token == token, loading.today == today { return loading.task }
        let store = store
        let task = Task.detached(priority: .userInitiated) {
            let summaries = try await store.loopSummaries()
            return Judged(
                token: token, today: today,
                summaries: Dictionary(summaries.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first }),
                statuses: LoopRules(settings: settings).outstanding(summaries, asOf: today))
        }
        loading = (token, today, task)
        Task { await self.finish(task) }
        return task
    }

    private func finish(_ task: Task<Judged, any Error>) async {
        guard let judged = try? await task.value else {
            loading = nil
            return
        }
        if judged.token >= (cached?.token ?? .min) { cached = judged }
        if loading?.token == judged.token { loading = nil }
    }
}
