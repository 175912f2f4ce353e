import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sends an activity's follow-ups through GOV.UK Notify, each exactly once whoever else is sending:
/// every follow-up is queued in the record before any request, claimed by one sender, then sent.
public struct NotifySending: Sendable {
    /// One follow-up that can go through Notify, ready to send.
    public struct Planned: Sendable {
        public var ref: String
        public var participantId: Int64
        public var channel: SendingChannel
        public var message: NotifyMessage
    }

    /// Who could not be sent anything, and why, in words.
    public struct Skipped: Sendable, Equatable {
        public var ref: String
        public var why: String
    }

    /// What one run did.
    public struct Report: Sendable {
        public var sent: [String: SendingChannel] = [:]
        public var refused: [Skipped] = []
        /// Sent, but no answer came: looked up by reference before anything is sent again.
        public var uncertain: [String] = []
        /// Not sent because the run stopped (still queued), with the reason.
        public var stopped: NotifyError?
        /// Follow-ups left queued when the run stopped.
        public var leftQueued = 0
    }

    public var planned: [Planned]
    /// Reachable people whose follow-up Notify cannot send: a bad address or number for its rules.
    public var unsendable: [Skipped]
    /// Follow-ups staff deliver themselves (large print, easy read, phone): marked sent by hand.
    public var byHand: [FollowUp]
    public var activity: String
    public var today: CalendarDate

    /// How many of each channel would go, for a confirmation page or `--dry-run`.
    public var counts: [SendingChannel: Int] {
        planned.reduce(into: [:]) { $0[$1.channel, default: 0] += 1 }
    }

    /// The follow-ups of `batch` that Notify can send: of `refs` only (when given), of `channel` only
    /// (when given). Throws when a channel with something to send has no template.
    public static func plan(
        _ batch: FollowUpBatch, settings: TeamSettings, refs: [String] = [], channel: SendingChannel? = nil,
        needsTemplates: Bool = true
    ) throws -> NotifySending {
        var planned: [Planned] = []
        var unsendable: [Skipped] = []
        var byHand: [FollowUp] = []
        for followUp in batch.followUps where refs.isEmpty || refs.contains(followUp.recipient.ref) {
            let recipient = followUp.recipient
            guard let sending = SendingChannel(followUp.format) else {
                if channel == nil { byHand.append(followUp) }
                continue
            }
            if let channel, channel != sending { continue }
            let template = settings.notifyTemplate(sending) ?? ""
            if needsTemplates, template.isEmpty { throw NotifyError.noTemplate(channel: sending) }
            let to: NotifyMessage.Recipient
            switch sending {
            case .email:
                guard let email = recipient.email else { continue }
                to = .email(email)
            case .text:
                guard let phone = recipient.phone, let number = NotifyPhone.normalised(phone) else {
                    unsendable.append(
                        Skipped(ref: recipient.ref, why: "their phone number cannot receive text messages"))
                    continue
                }
                to = .phone(number)
            case .letter:
                guard let address = recipient.address else { continue }
                if let problem = NotifyAddress.problem(name: recipient.name, address: address) {
                    unsendable.append(Skipped(ref: recipient.ref, why: "their address cannot be used: \(problem)"))
                    continue
                }
                to = .address(NotifyAddress.lines(name: recipient.name, address: address))
            }
            var fields = ["body": followUp.sendingText ?? ""]
            if sending != .text {
                fields["subject"] = followUp.subject
                fields["reference"] = batch.activity
            }
            planned.append(
                Planned(
                    ref: recipient.ref, participantId: recipient.participantId, channel: sending,
                    message: NotifyMessage(recipient: to, templateId: template, reference: "", personalisation: fields))
            )
        }
        return NotifySending(
            planned: planned, unsendable: unsendable, byHand: byHand, activity: batch.activity, today: batch.today)
    }

    /// The spreadsheets Notify's own upload page takes, one per channel with anything to send: the
    /// recipient's columns (`email address`, `phone number`, or `address line 1` to `address line 7`) and
    /// the template's placeholders. UTF-8 CSV.
    public var uploadSheets: [(channel: SendingChannel, csv: String)] {
        SendingChannel.allCases.compactMap { channel in
            let rows = planned.filter { $0.channel == channel }
            guard !rows.isEmpty else { return nil }
            let placeholders = NotifySetup.placeholders(channel)
            let recipient =
                switch channel {
                case .email: ["email address"]
                case .text: ["phone number"]
                case .letter: (1...7).map { "address line \($0)" }
                }
            var csv = Escape.csvLine(recipient + placeholders)
            for row in rows {
                let to: [String] =
                    switch row.message.recipient {
                    case .email(let address): [address]
                    // No leading "+", which a spreadsheet could take for a formula: 07… and 00… instead.
                    case .phone(let number):
                        [number.hasPrefix("+44") ? "0" + number.dropFirst(3) : "00" + number.dropFirst()]
                    case .address(let lines): (0..<7).map { $0 < lines.count ? lines[$0] : "" }
                    }
                csv += Escape.csvLine(to + placeholders.map { row.message.personalisation[$0] ?? "" })
            }
            return (channel, csv)
        }
    }

    /// This process, as a delivery's claim names it: host, process id, and a random part.
    public static let sender: String = {
        let host = ProcessInfo.processInfo.hostName
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8).lowercased())"
    }()

    /// Whether the sender a claim names has stopped: a process of this host that no longer runs.
    /// (A sender on another host is judged by the age of its claim.)
    public static func isGone(_ claimedBy: String) -> Bool {
        let parts = claimedBy.split(separator: ":")
        guard parts.count == 3, parts[0] == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]) else {
            return false
        }
        if pid == ProcessInfo.processInfo.processIdentifier { return claimedBy != sender }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// A claim older than this is looked up whoever made it: longer than any request may take.
    public static let lease: TimeInterval = 120

    /// Looks up the follow-ups an earlier sender left in `sending` (this activity's, or all): Notify
    /// had it (accepted), or did not (queued again; unknown when older than Notify keeps messages).
    public static func recover(
        store: any RecordStore, client: NotifyClient, ref: String?, today: CalendarDate, now: Date = Date()
    ) async throws -> (recovered: Int, resent: Int, unknown: Int) {
        var counts = (recovered: 0, resent: 0, unknown: 0)
        let uncertain = try await store.uncertainDeliveries(
            ref: ref, claimedBefore: now.addingTimeInterval(-lease), isGone: isGone)
        for delivery in uncertain {
            if let found = try await client.notifications(reference: delivery.reference).first {
                try await store.deliveryAccepted(
                    delivery.id, notifyId: found.id, status: MessageStatus(notify: found.status) ?? .accepted, on: today
                )
                counts.recovered += 1
            } else if delivery.claimedAt < now.addingTimeInterval(-7 * 24 * 3600) {
                try await store.deliveryNotFound(delivery.id, unknown: true)
                counts.unknown += 1
            } else {
                try await store.deliveryNotFound(delivery.id, unknown: false)
                counts.resent += 1
            }
        }
        return counts
    }

    /// Queues every planned follow-up (call ``recover(store:client:ref:today:now:)`` first, then plan
    /// from the record as it is after), then sends what is queued for them, `concurrency` at a time,
    /// under the rate limit. Stops at once on a refusal that would hit every message.
    public func send(
        store: any RecordStore, client: NotifyClient, limiter: RateLimiter, concurrency: Int = 8,
        backoff: Duration = .milliseconds(500), progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> Report {
        var report = Report()
        _ = try await store.queueDeliveries(ref: activity, planned.map { ($0.participantId, $0.channel) })
        let byPerson = Dictionary(planned.map { ($0.participantId, $0) }, uniquingKeysWith: { first, _ in first })
        // Claims look among a few hundred people at a time, so a claim stays cheap however many there are.
        let outcomes = Outcomes(
            chunks: stride(from: 0, to: planned.count, by: 256).map { start in
                planned[start..<min(start + 256, planned.count)].map(\.participantId)
            })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, concurrency) {
                group.addTask {
                    while await !outcomes.isStopped {
                        guard let (index, people) = await outcomes.chunk() else { return }
                        await limiter.take()
                        guard let claim = try await store.claimDelivery(ref: activity, among: people, by: Self.sender)
                        else {
                            await outcomes.finished(index)
                            continue
                        }
                        guard let plan = byPerson[claim.participantId] else {
                            // Never so (claims look only among these people), but never leave one claimed.
                            try await store.deliveryReleased(claim.id)
                            return
                        }
                        var message = plan.message
                        message.reference = claim.reference
                        do {
                            switch try await client.send(message, backoff: backoff) {
                            case .accepted(let id):
                                try await store.deliveryAccepted(claim.id, notifyId: id, status: .accepted, on: today)
                                await outcomes.sent(plan.ref, plan.channel)
                            case .refused(let problem):
                                try await store.deliveryRefused(claim.id, problem: problem)
                                await outcomes.refused(Skipped(ref: plan.ref, why: problem))
                            case .uncertain:
                                await outcomes.uncertain(plan.ref)
                            }
                            progress(await outcomes.done)
                        } catch let error as NotifyError {
                            // Notify refused the request as a whole: it was not sent.
                            try await store.deliveryReleased(claim.id)
                            await outcomes.stop(error)
                            return
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        await outcomes.fill(&report)
        if report.stopped != nil {
            report.leftQueued = max(
                0, planned.count - report.sent.count - report.refused.count - report.uncertain.count)
        }
        return report
    }

    /// The outcomes the senders share.
    private actor Outcomes {
        let chunks: [[Int64]]
        var next = 0
        init(chunks: [[Int64]]) { self.chunks = chunks }

        /// The group of people claims look among now, nil when every group is done.
        func chunk() -> (Int, [Int64])? { next < chunks.count ? (next, chunks[next]) : nil }
        func finished(_ index: Int) { if index == next { next += 1 } }

        var sentTo: [String: SendingChannel] = [:]
        var refusals: [Skipped] = []
        var unsure: [String] = []
        var stoppedBy: NotifyError?
        var isStopped: Bool { stoppedBy != nil }
        var done: Int { sentTo.count + refusals.count + unsure.count }

        func sent(_ ref: String, _ channel: SendingChannel) { sentTo[ref] = channel }
        func refused(_ skipped: Skipped) { refusals.append(skipped) }
        func uncertain(_ ref: String) { unsure.append(ref) }
        func stop(_ error: NotifyError) { if stoppedBy == nil { stoppedBy = error } }

        func fill(_ report: inout Report) {
            report.sent = sentTo
            report.refused = refusals.sorted { $0.ref < $1.ref }
            report.uncertain = unsure.sorted()
            report.stopped = stoppedBy
        }
    }
}
