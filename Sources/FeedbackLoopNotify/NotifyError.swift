import FeedbackLoop

/// What went wrong talking to GOV.UK Notify, in words a member of staff can act on.
public enum NotifyError: Error, Equatable, Sendable, UserFacingError {
    /// No API key is set.
    case noKey
    case malformedKey(reason: String)
    /// A template id that is not a UUID.
    case malformedTemplateId(setting: String, value: String)
    /// A channel's template is not set.
    case noTemplate(channel: SendingChannel)
    /// 403: the key is wrong or revoked, or this computer's clock is off.
    case refusedKey(message: String)
    case clockSkew(message: String)
    /// 400 about every message: a team or trial key sending outside the team.
    case trialOrTeamKey(message: String)
    /// 429: the service's daily limit.
    case dailyLimit(message: String)
    /// 404 for a template: no such template in this service.
    case templateMissing(channel: SendingChannel, id: String)
    /// A template of the wrong type for its channel.
    case templateWrongType(channel: SendingChannel, id: String, type: String)
    /// A template that lacks a placeholder yswd fills.
    case templateLacks(channel: SendingChannel, id: String, placeholders: [String])
    /// Notify could not be reached, or kept failing.
    case unreachable(url: String, reason: String)
    /// An answer yswd does not understand.
    case unexpected(status: Int, message: String)
    /// A base URL that is not http(s).
    case badBaseURL(String)
    /// A callback token too short, too long, or with spaces.
    case badCallbackToken
    /// Notify kept answering 429 (its rate limit) or a server error, however long yswd waited.
    case keptRefusing(status: Int, message: String, tries: Int)

    public var description: String {
        switch self {
        case .noKey:
            "no GOV.UK Notify API key is set; create one in Notify (API integration, API keys) and set it with"
                + " `yswd config set notify-api-key --from-file -`"
        case .malformedKey(let reason): "that is not a GOV.UK Notify API key: \(reason)"
        case .malformedTemplateId(let setting, let value):
            "\(setting) '\(value)' is not a template id; copy the id from the template's page in Notify"
                + " (36 characters, like 8e222534-7f05-4972-86e3-17c5d9f894e2)"
        case .noTemplate(let channel):
            "no Notify template is set for \(channel.spoken)s; create one (see the README) and set"
                + " notify-\(channel == .text ? "sms" : channel.rawValue)-template"
        case .refusedKey(let message):
            "GOV.UK Notify refused the API key (\"\(message)\"): check that the key is copied whole and has not"
                + " been revoked"
        case .clockSkew(let message):
            "GOV.UK Notify refused the request because this computer's clock is wrong (\"\(message)\"): set the"
                + " clock to within 30 seconds of the right time"
        case .trialOrTeamKey(let message):
            "GOV.UK Notify will not send to these people with this key (\"\(message)\"): use a live key, or ask"
                + " Notify to make the service live"
        case .dailyLimit(let message):
            "GOV.UK Notify's daily limit is reached (\"\(message)\"); the rest stay queued: send again tomorrow"
        case .templateMissing(let channel, let id):
            "the \(channel.spoken) template \(id) is not in this Notify service; check the id, and that the key"
                + " belongs to the same service"
        case .templateWrongType(let channel, let id, let type):
            "the \(channel.spoken) template \(id) is a\(type == "email" ? "n" : "") \(type) template in Notify;"
                + " set a \(channel.spoken) template"
        case .templateLacks(let channel, let id, let placeholders):
            "the \(channel.spoken) template \(id) lacks "
                + placeholders.map { "((\($0)))" }.joined(separator: ", ")
                + "; add \(placeholders.count == 1 ? "it" : "them") to the template in Notify (see the README)"
        case .unreachable(let url, let reason):
            "GOV.UK Notify could not be reached at \(url) (\(reason)); check the connection, or"
                + " notify-base-url, and send again: what was not sent stays queued"
        case .unexpected(let status, let message):
            "GOV.UK Notify answered \(status) (\"\(message)\"), which yswd did not expect"
        case .keptRefusing(let status, let message, let tries):
            "GOV.UK Notify answered \(status) (\"\(message)\") \(tries) times in a row, waiting longer each time;"
                + " what was not sent stays queued: send again later"
                + (status == 429 ? ", or lower notify-rate-limit if another system sends with the same key" : "")
        case .badCallbackToken:
            "that callback token cannot be used: use 16 to 256 letters, digits and symbols, no spaces, the same as"
                + " the token you give Notify"
        case .badBaseURL(let value):
            "notify-base-url '\(value)' is not a web address; use one like https://api.notifications.service.gov.uk"
        }
    }

    /// Whether the error stops a run at once: it would hit every message.
    public var stopsTheRun: Bool {
        switch self {
        case .unexpected: false
        default: true
        }
    }
}
