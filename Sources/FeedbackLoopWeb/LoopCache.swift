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
        /// The leads and services the open loops name, in order, for the dashboard's filters.
        var leads: [String]
        var services: [String]
        var today: CalendarDate
        var current: Bool
    }

    private struct Judged: Sendable {
        var token: Int64
        var today: CalendarDate
        var summaries: [String: LoopSummary]
        var statuses: [LoopStatus]
        var leads: [String]
        var services: [String]

        init(token: Int64, today: CalendarDate, summaries: [String: LoopSummary], statuses: [LoopStatus]) {
            self.token = token
            self.today = today
            self.summaries = summaries
            self.statuses = statuses
            leads = Set(statuses.compactMap(\.summary.lead)).sorted()
            services = Set(statuses.compactMap(\.summary.service)).sorted()
        }

        func reading(current: Bool) -> Reading {
            Reading(statuses: statuses, leads: leads, services: services, today: today, current: current)
        }
    }

    private let store: any RecordStore
    private var cached: Judged?
    private var loading: (token: Int64, today: CalendarDate, task: Task<Judged, any Error>)?
    /// The catching up after a change, shared by every page that asks meanwhile.
    private var updating: (token: Int64, today: CalendarDate, task: Task<Judged?, any Error>)?

    init(store: any RecordStore) { self.store = store }

    func loops() async throws -> Reading {
        let settings = try await store.settings()
        let token = try await store.changeToken()
        let today = settings.today()
        // A page that read the token just before another page's catching up finished has an older
        // one: what is cached is at least as new as the record it read.
        if let cached, cached.token >= token, cached.today == today {
            return cached.reading(current: true)
        }
        if let cached, cached.today == today,
            let judged = try await catchUp(from: cached, to: token, settings: settings)
        {
            return judged.reading(current: true)
        }
        let task = refresh(token: token, today: today, settings: settings)
        if let cached, cached.today == today { return cached.reading(current: false) }
        return try await task.value.reading(current: true)
    }

    /// Reads again the loops of the activities changed since `cached` was judged, and judges the
    /// whole list again, once however many pages ask meanwhile; nil when a change may touch any
    /// activity, so every loop must be read again.
    private func catchUp(from cached: Judged, to token: Int64, settings: TeamSettings) async throws -> Judged? {
        let task: Task<Judged?, any Error>
        if let updating, updating.token == token, updating.today == cached.today {
            task = updating.task
        } else {
            let store = store
            task = Task.detached(priority: .userInitiated) {
                guard let changes = try await store.activitiesChanged(since: cached.token), changes.removed.isEmpty
                else { return nil }
                // Only the changed activities are judged again; each takes its place in the list.
                let rules = LoopRules(settings: settings)
                let changed = Set(changes.changed)
                var summaries = cached.summaries
                var statuses = cached.statuses
                statuses.removeAll { changed.contains($0.summary.ref) }
                for ref in changed {
                    summaries[ref] = try await store.loopSummaries(LoopFilter(ref: ref)).first
                    guard let summary = summaries[ref] else { continue }
                    let status = rules.status(of: summary, asOf: cached.today)
                    guard status.isOutstanding else { continue }
                    // The first place whose loop does not come before this one (the list is in order).
                    var low = 0
                    var high = statuses.count
                    while low < high {
                        let middle = (low + high) / 2
                        if LoopRules.comesBefore(statuses[middle], status) { low = middle + 1 } else { high = middle }
                    }
                    statuses.insert(status, at: low)
                }
                return Judged(token: token, today: cached.today, summaries: summaries, statuses: statuses)
            }
            updating = (token, cached.today, task)
        }
        defer { if updating?.token == token { updating = nil } }
        let judged = try await task.value
        if let judged, judged.token > self.cached?.token ?? .min { self.cached = judged }
        return judged
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
