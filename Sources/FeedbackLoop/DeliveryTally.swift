/// Where an activity's follow-ups sent through a sending service stand, in one line for staff:
/// "12 told · 3 on their way · 1 email bounced · 1 letter returned: check their details".
/// Each person counts once, by their latest delivery.
public struct DeliveryTally: Sendable, Equatable {
    public var told = 0
    public var onTheirWay = 0
    /// Failures, in words ("email bounced"), with how many of each.
    public var failures: [(words: String, count: Int)] = []

    /// Each person's latest delivery: its channel and status.
    public init(_ latest: [(channel: SendingChannel, status: MessageStatus)]) {
        var failed: [String: Int] = [:]
        for (channel, status) in latest {
            if status.told {
                told += 1
            } else if let words = Self.failure(channel, status) {
                failed[words, default: 0] += 1
            } else if status != .cancelled {
                onTheirWay += 1
            }
        }
        failures = failed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public static func == (lhs: DeliveryTally, rhs: DeliveryTally) -> Bool {
        lhs.told == rhs.told && lhs.onTheirWay == rhs.onTheirWay && lhs.sentence == rhs.sentence
    }

    public var isEmpty: Bool { told == 0 && onTheirWay == 0 && failures.isEmpty }

    /// The failure a status is, in words; nil for one that is not a failure.
    public static func failure(_ channel: SendingChannel, _ status: MessageStatus) -> String? {
        switch status {
        case .permanentFailure:
            switch channel {
            case .email: "email bounced"
            case .text: "text message not delivered"
            case .letter: "letter not delivered"
            }
        case .returned: "letter returned"
        case .refused: "\(channel.spoken) refused by Notify"
        case .temporaryFailure, .technicalFailure: "\(channel.spoken) not delivered yet: send again later"
        case .unknown: "\(channel.spoken) not found in Notify: check there"
        case .queued, .sending, .accepted, .delivered, .received, .cancelled: nil
        }
    }

    /// The line: "12 told · 1 email bounced: check their details".
    public var sentence: String {
        var parts = ["\(told) told"]
        if onTheirWay > 0 { parts.append("\(onTheirWay) on \(onTheirWay == 1 ? "its" : "their") way") }
        parts += failures.map { "\($0.count) \($0.count == 1 ? $0.words : Self.plural($0.words))" }
        return parts.joined(separator: " · ") + (failures.isEmpty ? "" : ": check their details")
    }

    static func plural(_ words: String) -> String {
        words.replacingOccurrences(of: "email ", with: "emails ").replacingOccurrences(
            of: "message ", with: "messages "
        )
        .replacingOccurrences(of: "letter ", with: "letters ")
    }
}
