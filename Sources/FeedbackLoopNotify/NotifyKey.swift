import FeedbackLoop
import Foundation

/// A GOV.UK Notify API key: `{key name}-{service id}-{secret}`, the last two UUIDs. Its description
/// is masked (`…1a2b`): the secret never reaches a log line, a page or an error message.
public struct NotifyKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key's name as Notify shows it ("yswd_live").
    public let name: String
    /// The service id: the token's issuer (`iss`).
    public let serviceId: String
    /// The secret the tokens are signed with.
    let secret: String

    /// Parses a key as Notify shows it, surrounding white space ignored.
    public init(parsing text: String) throws(NotifyError) {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // 36 + 1 + 36 characters: the service id, a hyphen, the secret; a name and a hyphen before them.
        guard key.unicodeScalars.count > 74, key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 })
        else { throw .malformedKey(reason: Self.shape) }
        let secret = String(key.suffix(36))
        let serviceId = String(key.dropLast(37).suffix(36))
        let separators = [key.dropLast(36).last, key.dropLast(73).last]
        guard UUID(uuidString: secret) != nil, UUID(uuidString: serviceId) != nil, separators == ["-", "-"] else {
            throw .malformedKey(reason: Self.shape)
        }
        self.name = String(key.dropLast(74))
        self.serviceId = serviceId.lowercased()
        self.secret = secret
    }

    static let shape =
        "a Notify API key is its name, then the service id and the secret, two long ids joined by hyphens"
        + " (name-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"

    /// The key as it may be shown: its last four characters.
    public var masked: String { "…" + secret.suffix(4) }
    public var description: String { masked }
    public var debugDescription: String { masked }
}

/// The Notify secrets as typed: the API key (``NotifyKey``), or the token Notify is told to send with
/// delivery receipts.
public enum NotifySecretValue {
    /// The value to keep, trimmed, once it is checked.
    public static func checked(_ name: String, _ text: String) throws(NotifyError) -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if name == "notify-api-key" {
            _ = try NotifyKey(parsing: value)
        } else if value.count < 16 || value.count > 256 || !value.allSatisfy({ $0.isASCII && !$0.isWhitespace }) {
            throw .badCallbackToken
        }
        return value
    }
}
