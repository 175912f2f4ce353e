import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import Foundation

/// yswd's GOV.UK Notify set-up, read from the record: the key (from its own table), the template of
/// each channel, the API's address and the rate to keep under.
public struct NotifySetup: Sendable {
    public var client: NotifyClient
    public var settings: TeamSettings

    /// The set-up, or the first thing missing from it in words.
    public static func load(
        from store: any RecordStore, timeout: Duration = .seconds(30), now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> NotifySetup {
        guard let text = try await store.notifySecret(.apiKey) else { throw NotifyError.noKey }
        let key = try NotifyKey(parsing: text)
        let settings = try await store.settings()
        let client = try await NotifyClient(
            key: key, baseURL: settings.notifyBaseURL,
            timeout: .milliseconds(Int64(timeout.components.seconds * 1000)), now: now)
        return NotifySetup(client: client, settings: settings)
    }

    /// The placeholders each channel's template must have: yswd fills these.
    public static func placeholders(_ channel: SendingChannel) -> [String] {
        switch channel {
        case .email: ["subject", "body"]
        case .text: ["body"]
        case .letter: ["subject", "body", "reference"]
        }
    }

    /// What `yswd notify check` found for one channel's template.
    public struct TemplateCheck: Sendable, Equatable {
        public var channel: SendingChannel
        public var id: String?
        /// Nil when the template is set and right.
        public var problem: NotifyError?
    }

    /// Fetches each channel's template (which checks the key and the clock too). A refusal of the key
    /// throws; a template missing, of the wrong type or lacking a placeholder is reported per channel.
    public func checkTemplates() async throws(NotifyError) -> [TemplateCheck] {
        var checks: [TemplateCheck] = []
        for channel in SendingChannel.allCases {
            guard let id = settings.notifyTemplate(channel) else {
                checks.append(TemplateCheck(channel: channel, id: nil, problem: .noTemplate(channel: channel)))
                continue
            }
            guard let template = try await client.template(id: id) else {
                checks.append(
                    TemplateCheck(channel: channel, id: id, problem: .templateMissing(channel: channel, id: id)))
                continue
            }
            if template.type != channel.notifyType {
                checks.append(
                    TemplateCheck(
                        channel: channel, id: id,
                        problem: .templateWrongType(
                            channel: channel, id: id, type: template.type == "sms" ? "text message" : template.type)))
                continue
            }
            let lacking = Self.placeholders(channel).filter { !template.placeholders.contains($0) }
            checks.append(
                TemplateCheck(
                    channel: channel, id: id,
                    problem: lacking.isEmpty ? nil : .templateLacks(channel: channel, id: id, placeholders: lacking)))
        }
        return checks
    }
}
