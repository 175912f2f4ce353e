import FeedbackLoop
import Foundation

/// One personal follow-up, ready to send.
public struct FollowUp: Sendable, Equatable {
    public var recipient: FollowUpRecipient
    public var format: PreferredFormat
    /// The file name in the follow-ups folder.
    public var fileName: String
    public var bytes: Data
}

/// Renders personal follow-ups and the mail-merge list; touches no database.
public struct FollowUpRenderer: Sendable {
    public var templates: TemplateSet

    /// The templates a follow-ups template folder must hold.
    public static let requiredTemplates = [
        "followup-email.txt", "followup-letter", "followup-easy-read", "followup-phone.txt",
    ]

    public init(templates: TemplateSet = .builtIn) {
        self.templates = templates
    }

    /// The follow-up for each reachable recipient, in their format, naming only the themes their own
    /// views fed into.
    public func render(_ snapshot: UpdateSnapshot, for recipients: [FollowUpRecipient]) -> [FollowUp] {
        let content = UpdateContent(snapshot)
        let base = UpdateView.page(content)
        return recipients.compactMap { recipient in
            guard let format = recipient.format else { return nil }
            var context = base
            context.themes = base.themes.filter { recipient.themes.contains($0.key) }
            context.subject = "What happened to your views on \(content.activity.title)"
            context.addressLines = (recipient.address ?? "").split(whereSeparator: \.isNewline).flatMap {
                $0.split(separator: ",").map { Escape.bidiSafe($0.trimmingCharacters(in: .whitespaces)) }
            }
            context.phone = recipient.phone
            let (template, suffix) = Self.template(for: format)
            return FollowUp(
                recipient: recipient, format: format, fileName: "\(Self.safeName(recipient.ref))-\(suffix)",
                bytes: Data(templates.render(template, context).utf8))
        }
    }

    /// Every recipient's contact details, for a mail merge: UTF-8 CSV with a byte order mark.
    public static func mailingList(_ followUps: [FollowUp]) -> String {
        var out =
            "\u{FEFF}" + Escape.csvLine(["participant", "format", "email", "phone", "address", "file", "themes"])
        for followUp in followUps {
            let recipient = followUp.recipient
            out += Escape.csvLine([
                recipient.ref, followUp.format.rawValue, recipient.email ?? "", recipient.phone ?? "",
                recipient.address ?? "", followUp.fileName, recipient.themes.joined(separator: " "),
            ])
        }
        return out
    }

    private static func template(for format: PreferredFormat) -> (String, String) {
        switch format {
        case .email: ("followup-email.txt", "email.txt")
        case .letter: ("followup-letter", "letter.html")
        case .easyRead: ("followup-easy-read", "easy-read.html")
        case .phone: ("followup-phone.txt", "call-script.txt")
        case .none: ("followup-email.txt", "email.txt")
        }
    }

    /// A participant ref as a file name: anything but letters, digits, `-` and `_` becomes `_`.
    static func safeName(_ ref: String) -> String {
        String(ref.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }
}
