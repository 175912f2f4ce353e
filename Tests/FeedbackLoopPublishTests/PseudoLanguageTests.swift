import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopPublish

/// Every template rendered in the pseudo-language `qps`, where each catalogue phrase is wrapped in
/// ⟦ ⟧ and accented and each record text is a pseudo translation: any English word left over came
/// from somewhere other than the catalogue or the record.
@Suite struct PseudoLanguageTests {
    /// Each record text "translated" as ⟦TEXT⟧, so it is told apart from fixed English.
    static func version(_ snapshot: UpdateSnapshot) -> LanguageVersion {
        let translations = UpdateContent(snapshot).translatableTexts.map {
            StoredTranslation(key: $0.key, source: $0.source, text: "⟦\($0.source)⟧")
        }
        return LanguageVersion(catalogue: .pseudo, translations: translations)
    }

    /// Words of two or more Latin letters outside every ⟦…⟧, once markup, style, values that are
    /// not words (addresses, links, refs, names) and the texts deliberately kept as published
    /// (quotes, and what an answer said before) are taken out.
    static func englishLeftOver(_ text: String, keeping kept: [String] = []) -> [String] {
        var text = text
        for pattern in [
            #"(?s)<style>.*?</style>"#, #"<span lang="en" dir="ltr">[^<]*</span>"#, #"(?s)<[^>]*>"#, #"https?://\S+"#,
            #"\S+@\S+"#, #"&[a-z]+;"#,
            #"⟦[^⟧]*⟧"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for value in (kept + Self.values).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: value, with: " ")
        }
        let words = text.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }
        return Array(Set(words)).sorted()
    }

    /// Values in the sample that are no phrase: refs, keys, a name, addresses, a postcode's letters.
    static let values = [
        "GP-ACCESS-2026", "P-003", "Jo Bloggs", "Mill Lane", "Coventry", "CV1", "CV1 1AA", "CV1 2AB", "High Street",
        "Engagement team", "Coventry Health Partnership", "phone-queue", "parking", "online-booking", "waiting-room",
        "callback", "online-slots", "html", "DOCTYPE",
        // An email file's header line, read by staff and by yswd, never sent.
        "Subject:",
    ]

    /// Texts kept in the words first published (quotes, what changed answers said before): each
    /// text the translation marks as left in the source language.
    static func kept(_ snapshot: UpdateSnapshot) -> [String] {
        let content = version(snapshot).content(UpdateContent(snapshot))
        var texts = content.themes.flatMap(\.quotes)
        for change in content.changes ?? [] {
            texts += [change.was, change.now, change.wasEasyRead, change.nowEasyRead].compactMap { $0 }
        }
        return (texts.filter { $0.unicodeScalars.contains("\u{E000}") } + content.themes.flatMap(\.quotes)).flatMap {
            text in
            // The text itself, and as a sentence ends.
            let plain = Escape.unmarked(text)
            return [plain, plain + "."]
        }
    }

    @Test(arguments: PublishFormat.allCases.filter { $0.template != nil })
    func updates(format: PublishFormat) throws {
        for snapshot in [Sample.snapshot(), try Sample.secondUpdate()] {
            let publication = try UpdateRenderer().render(snapshot, as: format, in: Self.version(snapshot))
            let left = Self.englishLeftOver(publication.text, keeping: Self.kept(snapshot))
            #expect(left.isEmpty, "\(format.rawValue): English outside the catalogue: \(left)")
            #expect(publication.text.contains("⟦"), "the pseudo-language was used")
        }
    }

    @Test(arguments: [PreferredFormat.email, .text, .letter, .largePrint, .easyRead, .phone])
    func followUps(format: PreferredFormat) throws {
        var recipient = FollowUpRecipient(
            participantId: 3, ref: "P-003", prefers: format, name: "Jo Bloggs", email: "jo@example.org",
            phone: "07700 900123", address: "4 Mill Lane, Coventry, CV1 2AB", themes: ["phone-queue", "parking"])
        recipient.language = "qps"
        let first = try UpdateRenderer().render(Sample.snapshot(), as: .json)
        let second = try Sample.secondUpdate()
        var changed = recipient
        changed.lastSent = Sample.day("2026-11-28")
        changed.lastUpdate = 1
        let plain = FollowUpRenderer().render(
            Sample.snapshot(), for: [recipient], about: FollowUpRenderer.About(number: 1, url: nil),
            languages: ["qps": Self.version(Sample.snapshot())])
        let change = FollowUpRenderer().render(
            second, for: [changed], about: FollowUpRenderer.About(number: 2, url: "https://example.org/u"),
            earlier: [1: FollowUpRenderer.Earlier(data: first.bytes, reasons: second.changeReasons)],
            languages: ["qps": Self.version(second)])
        for followUp in plain + change {
            let texts = [followUp.text] + (followUp.sendingText.map { [$0] } ?? [])
            for text in texts {
                let left = Self.englishLeftOver(text, keeping: Self.kept(Sample.snapshot()) + Self.kept(second))
                #expect(left.isEmpty, "\(format.rawValue) follow-up: English outside the catalogue: \(left)")
            }
        }
        #expect(plain.count == 1 && change.count == 1)
    }

    @Test func site() throws {
        let publication = try UpdateRenderer().render(Sample.secondUpdate(), as: .md)
        let update = PublishedUpdate(
            activityRef: "GP-ACCESS-2026", activityTitle: "⟦Getting a GP appointment⟧", service: nil,
            number: 2, published: Sample.day("2027-01-15"), recordedAt: "2027-01-15T10:00:00.000Z", format: "md",
            channels: [.web], sha256: publication.sha256, bytes: Data("⟦update⟧".utf8), data: publication.data,
            redactedAt: nil, themes: [], recordedBy: "test")
        let files = MessageCatalogue.with(.pseudo) {
            SiteBuilder(templates: TemplateSet.builtIn.localized(.pseudo), organisation: "⟦Coventry⟧").build([update])
        }
        for name in ["index.html", "updates/GP-ACCESS-2026-2.html"] {
            let text = String(decoding: try #require(files[name]), as: UTF8.self)
            let left = Self.englishLeftOver(text)
            #expect(left.isEmpty, "\(name): English outside the catalogue: \(left)")
        }
    }

    @Test func everyPhraseIsKnownAndEveryTemplatePhraseIsListed() {
        #expect(MessageCatalogue.known.count > 100)
        for name in TemplateSet.builtInNames {
            for phrase in MessageCatalogue.templatePhrases(in: TemplateSet.builtIn.source(of: name) ?? "") {
                #expect(MessageCatalogue.pseudo.phrases[phrase] != nil, "\(name): \(phrase)")
            }
        }
    }
}
