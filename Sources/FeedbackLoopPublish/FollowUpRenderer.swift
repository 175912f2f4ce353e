import FeedbackLoop
import Foundation

/// One personal follow-up, ready to send.
public struct FollowUp: Sendable, Equatable {
    public var recipient: FollowUpRecipient
    public var format: PreferredFormat
    /// The file name in the follow-ups folder.
    public var fileName: String
    public var bytes: Data
    /// The subject line (emails; the heading of a letter Notify prints).
    public var subject = ""
    /// The text a sending service (GOV.UK Notify) sends for the email, text message or letter: plain
    /// text, without the email's subject line. Nil for formats staff deliver themselves.
    public var sendingText: String?
}

/// Renders personal follow-ups and the mail-merge list; touches no database.
public struct FollowUpRenderer: Sendable {
    public var templates: TemplateSet

    /// The templates a follow-ups template folder must hold.
    public static let requiredTemplates = [
        "followup-email.txt", "followup-letter", "followup-large-print", "followup-easy-read", "followup-phone.txt",
    ]

    public init(templates: TemplateSet = .builtIn) {
        self.templates = templates
    }

    /// The recorded update a follow-up tells people about: its number (for the reference) and
    /// its page on the public website, when the web address is known.
    public struct About: Sendable, Equatable {
        public var number: Int?
        public var url: String?

        public init(number: Int? = nil, url: String? = nil) {
            self.number = number
            self.url = url
        }
    }

    /// An update recipients were told about before: its open data, and the reasons given for
    /// changes since it was recorded.
    public struct Earlier: Sendable {
        public var data: Data
        public var reasons: [ChangeReason]

        public init(data: Data, reasons: [ChangeReason]) {
            self.data = data
            self.reasons = reasons
        }
    }

    /// The follow-up for each reachable recipient, in their format, naming only the themes their own
    /// views fed into. Easy read follow-ups use the easy-read wordings. A recipient told about an
    /// earlier update (`earlier`, by number) whose themes' answers changed since gets a change
    /// follow-up: what they were told, and when, what it is now, and why. A recipient whose language
    /// is one of `languages` (by tag) gets theirs in it; anyone else in the source language.
    public func render(
        _ snapshot: UpdateSnapshot, for recipients: [FollowUpRecipient], about: About = About(),
        earlier: [Int: Earlier] = [:], languages: [String: LanguageVersion] = [:]
    ) -> [FollowUp] {
        let content = UpdateContent(snapshot)
        let now = ReportedAnswers(content)
        let told = earlier.compactMapValues { update in
            ReportedAnswers.decode(update.data).map {
                (
                    changes: AnswerChanges.between(
                        $0, now, decisions: snapshot.record.decisions, reasons: update.reasons),
                    reasons: update.reasons
                )
            }
        }
        let letter = Letter(
            sender: Self.lines(snapshot.postalAddress),
            reference: about.number.map { "\(content.activity.ref)/\($0)" } ?? content.activity.ref, url: about.url)
        var versions: [String: Version] = [:]
        func version(_ language: LanguageVersion?) -> Version {
            let key = language?.renditionLanguage ?? ""
            if let known = versions[key] { return known }
            let made = Version(language, content: content, templates: templates)
            versions[key] = made
            return made
        }
        return recipients.compactMap { recipient -> FollowUp? in
            guard let format = recipient.format else { return nil }
            let changes =
                recipient.lastUpdate.flatMap { told[$0] }.map {
                    AnswerChanges.forPerson(
                        $0.changes, toldAbout: recipient.toldThemes ?? recipient.themes, now: recipient.themes,
                        answers: now, reasons: $0.reasons)
                } ?? []
            let language = recipient.language.flatMap { languages[$0] }
            let first = version(language)
            let bilingual = language?.bilingual == true
            let (firstRendered, context) = first.render(
                recipient, format: format, changes: changes, letter: letter, sections: bilingual)
            var rendered = firstRendered
            var paper = first.letterText(context, format: format)
            if let language, language.bilingual {
                let source = version(nil)
                let (english, englishContext) = source.render(
                    recipient, format: format, changes: changes, letter: letter, sections: true)
                rendered =
                    [.email, .text, .phone].contains(format)
                    ? Bilingual.text(rendered, then: english)
                    : Bilingual.html(rendered, then: english, language: language.source)
                if let words = paper, let english = source.letterText(englishContext, format: format) {
                    paper = Bilingual.text(words, then: english)
                }
            }
            let (_, suffix) = Self.template(for: format)
            var followUp = FollowUp(
                recipient: recipient, format: format, fileName: "\(Self.safeName(recipient.ref))-\(suffix)",
                bytes: Data(rendered.utf8))
            // The subject goes to a sending service as it is: no language marks in it.
            followUp.subject = Escape.unmarked(context.subject ?? "")
            switch format {
            case .email: followUp.sendingText = Self.withoutSubject(rendered)
            case .text: followUp.sendingText = rendered.trimmingCharacters(in: .whitespacesAndNewlines)
            case .letter: followUp.sendingText = paper
            case .largePrint, .easyRead, .phone, .none: break
            }
            return followUp
        }
    }

    /// What every letter of one run shares: the sender's address, the reference and the update's link.
    struct Letter {
        var sender: [String]
        var reference: String
        var url: String?
    }

    /// The update's pages in one language, and the templates in it.
    struct Version {
        var page: UpdatePage
        var easyReadPage: UpdatePage
        var templates: TemplateSet
        var catalogue: MessageCatalogue
        var title: String
        var language: LanguageVersion?

        init(_ language: LanguageVersion?, content: UpdateContent, templates: TemplateSet) {
            let catalogue = language?.catalogue ?? templates.catalogue
            let content = language?.content(content) ?? content
            self.catalogue = catalogue
            self.language = language
            self.templates = templates.localized(catalogue)
            title = content.activity.title
            (page, easyReadPage) = MessageCatalogue.with(catalogue) {
                (UpdateView.page(content), UpdateView.page(content, easyRead: true))
            }
        }

        /// One recipient's follow-up in this language, and the page it was rendered from.
        func render(
            _ recipient: FollowUpRecipient, format: PreferredFormat, changes: [UpdateContent.Change], letter: Letter,
            sections: Bool = false
        )
            -> (String, UpdatePage)
        {
            MessageCatalogue.with(catalogue) {
                var context = format == .easyRead ? easyReadPage : page
                context.themes = context.themes.filter { recipient.themes.contains($0.key) }
                let inSentence = UpdateView.inSentence(title)
                context.titleInSentence = inSentence
                context.subject = t("What happened to your views on {{title}}", ["title": inSentence])
                let name = recipient.name.map { Escape.bidiSafe($0).trimmingCharacters(in: .whitespacesAndNewlines) }
                    .flatMap { $0.isEmpty ? nil : $0 }
                let addressee = PostalAddress.addressee(
                    name: name, salutation: recipient.salutation.map(Escape.bidiSafe))
                context.salutation = addressee.map { t("Dear {{name}},", ["name": $0]) } ?? t("Dear participant,")
                context.signOff = addressee == nil ? t("Yours faithfully,") : t("Yours sincerely,")
                // The name, then the address: at most 7 lines, inside the envelope's window.
                context.addressLines = (name.map { [$0] } ?? []) + FollowUpRenderer.lines(recipient.address)
                context.senderLines = letter.sender
                context.reference = letter.reference
                context.updateURL = letter.url
                context.phone = recipient.phone
                context.medium = t("email")
                if !changes.isEmpty {
                    context.isChange = true
                    context.subject = t("Update: what we told you about {{title}} has changed", ["title": inSentence])
                    context.changes = (language?.changes(changes) ?? changes).map {
                        UpdateView.changeLine($0, easyRead: format == .easyRead)
                    }
                    context.hasChanges = true
                    context.changedSince = recipient.lastSent.map(UpdateView.spoken)
                }
                let (template, _) = FollowUpRenderer.template(for: format)
                return (templates.render(template, context, sections: sections), context)
            }
        }

        /// The words GOV.UK Notify prints for a letter: the email's, for paper.
        func letterText(_ context: UpdatePage, format: PreferredFormat) -> String? {
            guard format == .letter else { return nil }
            return MessageCatalogue.with(catalogue) {
                var paper = context
                paper.medium = t("letter")
                return FollowUpRenderer.withoutSubject(templates.render("followup-email.txt", paper))
            }
        }
    }

    /// An email's text without its first line, "Subject: …", and the blank line after it.
    static func withoutSubject(_ text: String) -> String {
        guard text.hasPrefix("Subject:"), let end = text.firstIndex(of: "\n") else { return text }
        return String(text[end...]).trimmingCharacters(in: .newlines)
    }

    /// An address as lines: split at line breaks and commas, each trimmed and bidi-safe.
    static func lines(_ address: String?) -> [String] {
        PostalAddress.lines(address).map(Escape.bidiSafe)
    }

    /// Every recipient's contact details, for a mail merge: UTF-8 CSV with a byte order mark.
    public static func mailingList(_ followUps: [FollowUp]) -> String {
        var out =
            "\u{FEFF}"
            + Escape.csvLine([
                "participant", "format", "name", "salutation", "email", "phone", "address", "file", "themes",
            ])
        for followUp in followUps {
            let recipient = followUp.recipient
            out += Escape.csvLine([
                recipient.ref, followUp.format.rawValue, recipient.name ?? "",
                PostalAddress.greeting(name: recipient.name, salutation: recipient.salutation)
                    .dropFirst("Dear ".count).dropLast().description,
                recipient.email ?? "", recipient.phone ?? "",
                recipient.address ?? "", followUp.fileName, recipient.themes.joined(separator: " "),
            ])
        }
        return out
    }

    private static func template(for format: PreferredFormat) -> (String, String) {
        switch format {
        case .email: ("followup-email.txt", "email.txt")
        case .letter: ("followup-letter", "letter.html")
        case .largePrint: ("followup-large-print", "large-print-letter.html")
        case .easyRead: ("followup-easy-read", "easy-read.html")
        case .phone: ("followup-phone.txt", "call-script.txt")
        case .text: ("followup-text.txt", "text-message.txt")
        case .none: ("followup-email.txt", "email.txt")
        }
    }

    /// A participant ref as a file name: anything but letters, digits, `-` and `_` becomes `_`.
    static func safeName(_ ref: String) -> String {
        String(ref.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }
}
