import FeedbackLoop
import Foundation

/// The secrets yswd keeps for GOV.UK Notify, in a table of their own: never in history, settings or
/// an export.
public enum NotifySecretName: String, Sendable, CaseIterable {
    case apiKey = "notify-api-key"
    case callbackToken = "notify-callback-token"
}

/// A follow-up a sender has claimed: it alone may send it.
public struct ClaimedDelivery: Sendable, Equatable {
    public var id: Int64
    public var reference: String
    public var participantId: Int64
    public var channel: SendingChannel

    package init(id: Int64, reference: String, participantId: Int64, channel: SendingChannel) {
        self.id = id
        self.reference = reference
        self.participantId = participantId
        self.channel = channel
    }
}

/// A follow-up whose sender stopped before it knew whether Notify took it: look it up by reference.
public struct UncertainDelivery: Sendable, Equatable {
    public var id: Int64
    public var reference: String
    public var claimedAt: Date

    package init(id: Int64, reference: String, claimedAt: Date) {
        self.id = id
        self.reference = reference
        self.claimedAt = claimedAt
    }
}

/// One delivery record, as staff see it: whom, how, where it stands. Never the address or the text.
public struct DeliveryRecord: Sendable, Equatable {
    public var ref: String
    public var channel: SendingChannel
    public var status: MessageStatus
    public var notifyId: String?
    public var problem: String?
    public var queuedAt: Date
    public var statusAt: Date

    package init(
        ref: String, channel: SendingChannel, status: MessageStatus, notifyId: String?, problem: String?,
        queuedAt: Date, statusAt: Date
    ) {
        self.ref = ref
        self.channel = channel
        self.status = status
        self.notifyId = notifyId
        self.problem = problem
        self.queuedAt = queuedAt
        self.statusAt = statusAt
    }
}

/// Follow-ups sent through a sending service: queued before any request, claimed by one sender,
/// then accepted (which records the follow-up as given) or refused, and updated by receipts.
public protocol DeliveryStore: Sendable {
    /// Sets a secret, or clears it (nil). History records only its name and last four characters.
    func setNotifySecret(_ name: NotifySecretName, _ value: String?) async throws
    func notifySecret(_ name: NotifySecretName) async throws -> String?

    /// Queues one delivery for each participant given, unless one is already queued or sending for
    /// them. Returns how many were queued now.
    func queueDeliveries(ref: String, _ items: [(participantId: Int64, channel: SendingChannel)]) async throws -> Int

    /// Claims the next queued delivery of the activity for one of `participants` (queued → sending),
    /// atomically: no other sender can claim it. Nil when none is left.
    func claimDelivery(ref: String, among participants: [Int64], by sender: String) async throws -> ClaimedDelivery?

    /// Notify took it: records its id and the follow-up as given on `day`.
    func deliveryAccepted(_ id: Int64, notifyId: String, status: MessageStatus, on day: CalendarDate) async throws

    /// Notify refused it for this person (a bad address or number): they are unreachable by the
    /// channel until their details change.
    func deliveryRefused(_ id: Int64, problem: String) async throws

    /// Puts a claimed delivery back in the queue: it was certainly not sent.
    func deliveryReleased(_ id: Int64) async throws

    /// Deliveries left in `sending` by a sender that stopped: claimed before `before`, or by a sender
    /// `isGone` says has stopped.
    func uncertainDeliveries(ref: String?, claimedBefore before: Date, isGone: @Sendable (String) -> Bool)
        async throws -> [UncertainDelivery]

    /// A delivery Notify does not hold: back to the queue, or (older than Notify keeps messages)
    /// `unknown`, never resent by itself.
    func deliveryNotFound(_ id: Int64, unknown: Bool) async throws

    /// A receipt (a callback or a lookup): Notify's id and status. Returns false for an id yswd did
    /// not send and for a status it already had.
    @discardableResult
    func recordReceipt(notifyId: String, status: MessageStatus, at: Date) async throws -> Bool

    /// Notify ids of the activity's (or every activity's) deliveries whose status can still change.
    func openDeliveries(ref: String?) async throws -> [String]

    /// Each person's latest delivery (its channel and status), for the activities `refs` names (all,
    /// when nil), by activity ref: what ``DeliveryTally`` counts.
    func latestDeliveries(refs: [String]?) async throws -> [String: [(channel: SendingChannel, status: MessageStatus)]]

    /// Principle 7's figures for each activity with any, by ref: the follow-ups given from `from` to
    /// `to` (either open), confirmed delivered by channel, failed, or marked sent by hand.
    func followUpFigures(from: CalendarDate?, to: CalendarDate?) async throws -> [String: FollowUpFigures]

    /// The refs of activities with follow-ups queued or being sent: what a restarted web app resumes.
    func activitiesSending() async throws -> [String]

    /// The activity's delivery records, newest first.
    func deliveries(ref: String) async throws -> [DeliveryRecord]
}
