/// Principle 7 in figures: the personal follow-ups given, how many a sending service confirmed
/// delivered (by channel), how many failed, and how many were marked sent by hand, which nobody
/// confirmed. What `check`, the yearly report and the site's open data count.
public struct FollowUpFigures: Sendable, Equatable, Codable {
    /// Confirmed delivered (a letter: posted), by channel: `email`, `text`, `letter`.
    public var told: [String: Int] = [:]
    /// Taken by the sending service, with no receipt yet.
    public var onTheirWay = 0
    /// Failures, by what happened ("email bounced").
    public var failed: [String: Int] = [:]
    /// Marked sent by hand: a call, a printed letter, or sent before Notify was set up. Not confirmed.
    public var sentByHand = 0
    /// People still owed a follow-up (when known).
    public var owed: Int?

    public init() {}

    public var toldTotal: Int { told.values.reduce(0, +) }
    public var failedTotal: Int { failed.values.reduce(0, +) }
    public var isEmpty: Bool { toldTotal == 0 && onTheirWay == 0 && failedTotal == 0 && sentByHand == 0 }

    /// Counts one follow-up: by hand (no status), or through a sending service with its status.
    public mutating func add(_ channel: SendingChannel?, _ status: MessageStatus?, count: Int = 1) {
        guard let channel, let status else {
            sentByHand += count
            return
        }
        if status.told {
            told[channel.rawValue, default: 0] += count
        } else if let words = DeliveryTally.failure(channel, status) {
            failed[words, default: 0] += count
        } else if status != .cancelled, status != .queued, status != .sending {
            onTheirWay += count
        }
    }

    public static func + (lhs: FollowUpFigures, rhs: FollowUpFigures) -> FollowUpFigures {
        var sum = lhs
        sum.told.merge(rhs.told, uniquingKeysWith: +)
        sum.failed.merge(rhs.failed, uniquingKeysWith: +)
        sum.onTheirWay += rhs.onTheirWay
        sum.sentByHand += rhs.sentByHand
        if let owed = rhs.owed { sum.owed = (sum.owed ?? 0) + owed }
        return sum
    }

    /// "12 follow-ups were confirmed delivered (10 by email, 2 by letter); 1 email bounced; 3 follow-ups
    /// were marked sent by hand (sent, not confirmed); 2 people are still owed one."
    public var sentence: String {
        var parts: [String] = []
        let byChannel = SendingChannel.allCases.compactMap { channel in
            told[channel.rawValue].map { "\($0) by \(channel.spoken)" }
        }
        if toldTotal > 0 {
            parts.append(
                "\(counted(toldTotal, "follow-up")) \(toldTotal == 1 ? "was" : "were") confirmed delivered"
                    + " (\(byChannel.joined(separator: ", ")))")
        }
        if onTheirWay > 0 {
            parts.append("\(counted(onTheirWay, "follow-up")) \(onTheirWay == 1 ? "was" : "were") on the way")
        }
        for (words, count) in failed.sorted(by: { $0.key < $1.key }) {
            parts.append("\(count) \(count == 1 ? words : DeliveryTally.plural(words))")
        }
        if sentByHand > 0 {
            parts.append(
                "\(counted(sentByHand, "follow-up")) \(sentByHand == 1 ? "was" : "were") marked sent by hand"
                    + " (sent, not confirmed)")
        }
        if let owed, owed > 0 {
            parts.append("\(counted(owed, "person", plural: "people")) \(owed == 1 ? "is" : "are") still owed one")
        }
        guard !parts.isEmpty else { return "No personal follow-ups were given." }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
