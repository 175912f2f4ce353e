import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Synchronization

/// Sends the follow-ups queued from the web app, in the background: one job per activity, under one
/// rate limit per server. The queue is the record's delivery table, so a restarted server resumes what
/// was queued, and any number of servers and `yswd notify send` share it without sending twice.
final class NotifyJobs: Sendable {
    let store: any RecordStore
    private let running = Mutex<Set<String>>([])
    private let stopped = Mutex<[String: String]>([:])
    private let limiter = Mutex<RateLimiter?>(nil)

    init(store: any RecordStore) {
        self.store = store
    }

    /// Whether a job is sending the activity's follow-ups on this server.
    func isRunning(_ ref: String) -> Bool { running.withLock { $0.contains(ref) } }

    /// Why this server's last job for the activity stopped, in words, when it did.
    func stopReason(_ ref: String) -> String? { stopped.withLock { $0[ref] } }

    /// Starts a job for the activity unless one runs; `acting` records the changes as made by whoever
    /// asked (a restarted server resumes as itself).
    func start(_ ref: String, acting: (any RecordStore)? = nil) {
        let store = acting ?? store
        guard running.withLock({ $0.insert(ref).inserted }) else { return }
        stopped.withLock { $0[ref] = nil }
        Task.detached { [self] in
            do {
                try await send(ref, store: store)
            } catch let error as any UserFacingError {
                stopped.withLock { $0[ref] = error.description }
            } catch {
                stopped.withLock { $0[ref] = "the send stopped: \(error)" }
            }
            running.withLock { _ = $0.remove(ref) }
        }
    }

    /// Resumes every activity with follow-ups queued or left sending.
    func resume() async {
        for ref in (try? await store.activitiesSending()) ?? [] { start(ref) }
    }

    private func send(_ ref: String, store: any RecordStore) async throws {
        let setup = try await NotifySetup.load(from: store)
        let today = try await store.settings().today()
        _ = try await NotifySending.recover(store: store, client: setup.client, ref: ref, today: today)
        let batch = try await FollowUpBatch.prepare(store: store, ref: ref)
        let sending = try NotifySending.plan(batch, settings: setup.settings)
        let limiter = limiter.withLock { current in
            if let current { return current }
            let made = RateLimiter(limit: setup.settings.notifyRateLimit)
            current = made
            return made
        }
        let report = try await sending.send(store: store, client: setup.client, limiter: limiter)
        if let stop = report.stopped { throw stop }
    }
}
