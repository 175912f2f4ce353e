import FeedbackLoop
import Foundation
import NIOCore

/// One message to send: whom to, by which template, with what filled in, under which reference.
public struct NotifyMessage: Sendable, Equatable {
    public enum Recipient: Sendable, Equatable {
        case email(String)
        /// A number as Notify wants it (``NotifyPhone/normalised(_:)``).
        case phone(String)
        /// 3 to 7 lines, the last a postcode or a country (``NotifyAddress/lines(name:address:)``).
        case address([String])
    }

    public var recipient: Recipient
    public var templateId: String
    /// An opaque id for this follow-up: never personal data.
    public var reference: String
    public var personalisation: [String: String]

    public init(recipient: Recipient, templateId: String, reference: String, personalisation: [String: String]) {
        self.recipient = recipient
        self.templateId = templateId
        self.reference = reference
        self.personalisation = personalisation
    }

    var channel: SendingChannel {
        switch recipient {
        case .email: .email
        case .phone: .text
        case .address: .letter
        }
    }

    /// The request body Notify's `POST /v2/notifications/{type}` takes.
    var body: [String: Any] {
        var body: [String: Any] = ["template_id": templateId, "reference": reference]
        var fields = personalisation
        switch recipient {
        case .email(let address): body["email_address"] = address
        case .phone(let number): body["phone_number"] = number
        case .address(let lines):
            for (index, line) in lines.prefix(7).enumerated() { fields["address_line_\(index + 1)"] = line }
        }
        body["personalisation"] = fields
        return body
    }

    /// The details that must never be kept from Notify's answers: the address, number or lines.
    var details: [String] {
        switch recipient {
        case .email(let address): [address]
        case .phone(let number): [number]
        case .address(let lines): lines
        }
    }
}

extension SendingChannel {
    /// Notify's name for the channel in its paths and answers.
    public var notifyType: String {
        switch self {
        case .email: "email"
        case .text: "sms"
        case .letter: "letter"
        }
    }
}

/// A message as Notify knows it: its id, the reference it was sent with, its status.
public struct NotifyNotification: Sendable, Equatable {
    public var id: String
    public var reference: String?
    public var status: String
    public var type: String
}

/// A template as Notify holds it.
public struct NotifyTemplate: Sendable, Equatable {
    public var id: String
    public var type: String
    public var subject: String?
    public var body: String

    /// The placeholders its subject and body use: `((name))`.
    public var placeholders: Set<String> {
        var found: Set<String> = []
        for text in [subject ?? "", body] {
            for match in text.matches(of: /\(\(([^()]+)\)\)/) {
                found.insert(String(match.output.1).trimmingCharacters(in: .whitespaces).lowercased())
            }
        }
        return found
    }
}

extension NotifyClient {
    /// What became of one message.
    public enum Outcome: Sendable, Equatable {
        /// Notify took it: its notification id.
        case accepted(id: String)
        /// Notify refused it for this person (a bad address or number): its message, without the details.
        case refused(message: String)
        /// No answer came: Notify may hold it. Look it up by its reference before sending it again.
        case uncertain(reason: String)
    }

    /// Sends one message. Retries after Notify's rate limit (429) and its own errors (5xx) with
    /// backoff (`backoff`, doubling, at most `attempts` tries); a refusal that would hit every message
    /// throws and stops the run.
    public func send(
        _ message: NotifyMessage, attempts: Int = 6, backoff: Duration = .milliseconds(500)
    ) async throws(NotifyError) -> Outcome {
        var wait = backoff
        var last = (status: 0, message: "")
        for attempt in 1...max(1, attempts) {
            let answer: Answer
            do {
                answer = try await request(
                    .POST, "/v2/notifications/\(message.channel.notifyType)", body: message.body)
            } catch .unreachable(_, let reason) {
                return .uncertain(reason: reason)
            }
            if answer.status == 201, let id = answer.json?["id"] as? String { return .accepted(id: id) }
            if let stop = Self.general(answer) { throw stop }
            let (_, text) = answer.error
            switch answer.status {
            case 400:
                var scrubbed = text
                for detail in message.details where !detail.isEmpty {
                    scrubbed = scrubbed.replacingOccurrences(of: detail, with: "…")
                }
                return .refused(message: scrubbed)
            case 429, 500...599:
                last = (answer.status, text)
                if attempt < attempts {
                    try? await Task.sleep(for: wait)
                    wait *= 2
                }
            default:
                throw .unexpected(status: answer.status, message: text)
            }
        }
        throw .keptRefusing(status: last.status, message: last.message, tries: max(1, attempts))
    }

    /// The messages sent with `reference` (Notify keeps them 7 days).
    public func notifications(reference: String) async throws(NotifyError) -> [NotifyNotification] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = reference.addingPercentEncoding(withAllowedCharacters: allowed) ?? reference
        let answer = try await request(.GET, "/v2/notifications?reference=\(query)")
        if let stop = Self.general(answer) { throw stop }
        guard answer.status == 200, let list = answer.json?["notifications"] as? [[String: Any]] else {
            throw .unexpected(status: answer.status, message: answer.error.message)
        }
        return list.compactMap(Self.notification)
    }

    /// One message by Notify's id; nil when Notify no longer holds it.
    public func notification(id: String) async throws(NotifyError) -> NotifyNotification? {
        let answer = try await request(.GET, "/v2/notifications/\(id)")
        if answer.status == 404 { return nil }
        if let stop = Self.general(answer) { throw stop }
        guard answer.status == 200, let json = answer.json else {
            throw .unexpected(status: answer.status, message: answer.error.message)
        }
        return Self.notification(json)
    }

    /// A template by id; nil when the service has none with that id.
    public func template(id: String) async throws(NotifyError) -> NotifyTemplate? {
        let answer = try await request(.GET, "/v2/template/\(id)")
        if answer.status == 404 || (answer.status == 400 && answer.error.type == "NoResultFound") { return nil }
        if let stop = Self.general(answer) { throw stop }
        guard answer.status == 200, let json = answer.json, let type = json["type"] as? String else {
            throw .unexpected(status: answer.status, message: answer.error.message)
        }
        return NotifyTemplate(
            id: json["id"] as? String ?? id, type: type, subject: json["subject"] as? String,
            body: json["body"] as? String ?? "")
    }

    static func notification(_ json: [String: Any]) -> NotifyNotification? {
        guard let id = json["id"] as? String, let status = json["status"] as? String else { return nil }
        return NotifyNotification(
            id: id, reference: json["reference"] as? String, status: status, type: json["type"] as? String ?? "")
    }
}
