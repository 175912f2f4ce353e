import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopPublish

/// Each format's output for a fixed record, compared byte for byte with a file under Fixtures/.
/// To accept a deliberate change, run with YSWD_UPDATE_GOLDEN=1 and review the diff.
@Suite struct GoldenTests {
    static let updating = ProcessInfo.processInfo.environment["YSWD_UPDATE_GOLDEN"] == "1"

    func check(_ data: Data, against name: String) throws {
        let url = Sample.fixture(name)
        if Self.updating {
            try data.write(to: url)
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(
            String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
            "\(name) differs from its golden file")
        #expect(data == expected)
    }

    @Test(arguments: PublishFormat.allCases)
    func update(format: PublishFormat) throws {
        let publication = try UpdateRenderer().render(Sample.snapshot(), as: format)
        try check(publication.bytes, against: "update.\(format.fileExtension)")
    }

    @Test(arguments: PublishFormat.allCases)
    func secondUpdate(format: PublishFormat) throws {
        let publication = try UpdateRenderer().render(Sample.secondUpdate(), as: format)
        try check(publication.bytes, against: "update-2.\(format.fileExtension)")
        #expect(publication.text.contains("The new phone system arrives in April, not January"))
        #expect(publication.text.contains("Too few people booked the morning slots online"))
        #expect(publication.text.contains("We looked at it with the building team"))
    }

    @Test(arguments: [PreferredFormat.email, .letter, .easyRead, .phone])
    func changeFollowUp(format: PreferredFormat) throws {
        var recipient = FollowUpRecipient(
            participantId: 3, ref: "P-003", prefers: format, name: "Jo Bloggs", email: "jo@example.org",
            phone: "07700 900123", address: "4 Mill Lane, Coventry, CV1 2AB", themes: ["phone-queue", "parking"])
        recipient.lastSent = Sample.day("2026-11-28")
        recipient.lastUpdate = 1
        let first = try UpdateRenderer().render(Sample.snapshot(), as: .json)
        let second = try Sample.secondUpdate()
        let followUps = FollowUpRenderer().render(
            second, for: [recipient], about: FollowUpRenderer.About(number: 2),
            earlier: [1: FollowUpRenderer.Earlier(data: first.bytes, reasons: second.changeReasons)])
        let followUp = try #require(followUps.first)
        try check(followUp.bytes, against: "change-\(followUp.fileName)")
        #expect(followUp.text.contains("28 November 2026"), "when they were told")
        #expect(followUp.text.contains("11 January 2027") && followUp.text.contains("30 April 2027"), "was and now")
        #expect(followUp.text.contains("The new phone system arrives in April, not January"), "why")
        #expect(!followUp.text.contains("morning slots"), "only their own themes")
    }

    @Test(arguments: [PreferredFormat.email, .letter, .largePrint, .easyRead, .phone])
    func followUp(format: PreferredFormat) throws {
        let recipient = FollowUpRecipient(
            participantId: 3, ref: "P-003", prefers: format, name: format == .letter ? nil : "Jo Bloggs",
            email: "jo@example.org", phone: "07700 900123", address: "4 Mill Lane, Coventry, CV1 2AB",
            themes: ["phone-queue", "parking"])
        let followUps = FollowUpRenderer().render(
            Sample.snapshot(), for: [recipient],
            about: FollowUpRenderer.About(number: 1, url: "https://example.org/ysd/updates/GP-ACCESS-2026-1.html"))
        let followUp = try #require(followUps.first)
        try check(followUp.bytes, against: "followup-\(followUp.fileName)")
        #expect(!followUp.text.contains("Online booking rarely works"), "only the person's own themes")
    }

    @Test func mailingList() throws {
        let recipients = [
            FollowUpRecipient(
                participantId: 1, ref: "P-001", prefers: .email, email: "=cmd@example.org", themes: ["parking"]),
            FollowUpRecipient(
                participantId: 2, ref: "P-002", prefers: .letter, address: "1 High St, \"Flat\" 2", themes: []),
        ]
        let list = FollowUpRenderer.mailingList(FollowUpRenderer().render(Sample.snapshot(), for: recipients))
        try check(Data(list.utf8), against: "mailing.csv")
    }

    @Test func siteIndexAndFeed() throws {
        let publication = try UpdateRenderer().render(Sample.snapshot(), as: .md)
        let update = PublishedUpdate(
            activityRef: "GP-ACCESS-2026", activityTitle: "Getting a GP appointment", service: "Primary care",
            number: 1, published: Sample.day("2026-11-27"), recordedAt: "2026-11-27T10:00:00.000Z", format: "md",
            channels: [.web], sha256: publication.sha256, bytes: publication.bytes, data: publication.data,
            redactedAt: nil, themes: [], recordedBy: "test")
        let files = SiteBuilder(organisation: "Coventry Health Partnership", baseURL: "https://example.org/ysd")
            .build([update])
        try check(try #require(files["index.html"]), against: "site-index.html")
        try check(try #require(files["feed.atom"]), against: "feed.atom")
        #expect(files["updates/GP-ACCESS-2026-1.md"] == publication.bytes, "the exact bytes are published too")
        #expect(files["updates/GP-ACCESS-2026-1.html"] != nil)
    }
}

extension FollowUp {
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// An update and a letter in Welsh then English, and in Urdu (right to left).
@Suite struct LanguageGoldenTests {
    let golden = GoldenTests()

    static let recipient = FollowUpRecipient(
        participantId: 3, ref: "P-003", prefers: .letter, name: "Jo Bloggs", address: "4 Mill Lane, Coventry, CV1 2AB",
        themes: ["phone-queue", "parking"])

    @Test(arguments: [("cy+en", Translations.welsh), ("ur", Translations.urdu)])
    func updateAndLetter(name: String, language: LanguageVersion) throws {
        let update = try UpdateRenderer().render(Sample.snapshot(), as: .html, in: language)
        try golden.check(update.bytes, against: "update.\(name).html")
        var recipient = Self.recipient
        recipient.language = language.language.code
        let letter = try #require(
            FollowUpRenderer().render(
                Sample.snapshot(), for: [recipient], about: FollowUpRenderer.About(number: 1),
                languages: [language.language.code: language]
            ).first)
        try golden.check(letter.bytes, against: "letter.\(name).html")
        for text in [update.text, String(decoding: letter.bytes, as: UTF8.self)] {
            #expect(text.contains("lang=\"\(language.language.code)\""))
            #expect(
                text.contains("“<span lang=\"en\" dir=\"ltr\">I care for my mum") || !text.contains("I care"),
                "the quote kept as said")
        }
        if language.bilingual {
            // Section by section: each section in Welsh, then the same section in English, marked as English.
            let page = update.text
            let order = [
                "Dywedoch chi, gwnaethon ni", "You said, we did", "Beth wnaethon ni ei ofyn", "What we asked",
                "Mae&#39;n anodd iawn cael drwodd", "Getting through on the phone",
                "Mae&#39;n anodd dod o hyd i le parcio",
                "Parking is hard to find", "Cwestiynau", "Questions",
            ].map { page.range(of: $0)?.lowerBound }
            #expect(!order.contains(nil) && order.map { $0! } == order.map { $0! }.sorted(), "sections alternate")
            #expect(
                page.components(separatedBy: "<div class=\"second-language\" lang=\"en\" dir=\"ltr\">").count - 1
                    == 11, "one English block after each of the 11 Welsh sections")
            #expect(!page.contains("yswd:section"), "no section marks are left")
            let text = String(decoding: letter.bytes, as: UTF8.self)
            let letterOrder = [
                "Annwyl Jo Bloggs,", "Dear Jo Bloggs,", "Dywedoch wrthym", "You told us", "Yn gywir,",
                "Yours sincerely,",
            ]
            .map { text.range(of: $0)?.lowerBound }
            #expect(!letterOrder.contains(nil) && letterOrder.map { $0! } == letterOrder.map { $0! }.sorted())
        } else {
            #expect(update.text.contains("<html lang=\"ur\" dir=\"rtl\">"))
            #expect(!update.text.contains("You said"), "no English phrase is left: \(update.text)")
        }
    }
}
