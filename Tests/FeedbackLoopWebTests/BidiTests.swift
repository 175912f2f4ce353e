import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation
import HummingbirdTesting
import Testing

@testable import FeedbackLoopWeb

/// Issue 21: an unpaired right-to-left override typed into any field cannot turn the text around
/// it backwards ("(planned)" read as "(dennalp)") on any output: every staff page, every published
/// format, the site's index and feed, and every CSV.
@Suite struct BidiTests {
    static let override = "\u{202E}"

    /// The harness's record with an unpaired override in every text a person types.
    static func hostileHarness() async throws -> WebHarness {
        let harness = try await WebHarness()
        let store = harness.store
        let o = override
        _ = try await store.updateActivity(ref: "GP") { activity in
            activity.title += " \(o)title"
            activity.purpose += " \(o)purpose"
            activity.canInfluence += " \(o)influence"
            activity.lead = "Editor User\(o)"
            activity.publicSummary = "Summary \(o)here"
            activity.constraints = "Constraints \(o)here"
            activity.service = "Primary \(o)care"
        }
        _ = try await store.updateTheme(activity: "GP", key: "phone", said: "Waiting on the phone \(o)long")
        _ = try await store.updateDecision(activity: "GP", key: "call-back") {
            $0.text = "We will add a call-back \(o)option"
        }
        _ = try await store.addContribution(activity: "GP", text: "Parking is \(o)hard", participantRef: "P-1")
        try await store.updateParticipant(ref: "P-1") { _, contact in
            contact.name = "Jo \(o)Bloggs"
            contact.address = "1 High Street\(o), Coventry CV1 1AA"
        }
        _ = try await store.updateUser(email: "viewer@example.org", role: nil, name: "Viewer \(o)User")
        try await store.setSetting(.organisation, to: "Coventry \(o)Health")
        return harness
    }

    static func hasOverride(_ text: String) -> Bool { text.unicodeScalars.contains("\u{202E}") }

    @Test func noStaffPagePublishedFormatSiteFileOrCSVCarriesAnUnpairedOverride() async throws {
        let harness = try await Self.hostileHarness()
        let routes = harness.server.router().routes.filter { $0.method == .get }.map(\.path.description)
        try await harness.test { client in
            let publisher = try await client.signIn(.admin)
            // Publish update 1, so its pages, formats and the site exist.
            _ = try await harness.store.linkTheme(activity: "GP", key: "phone", contributions: [.single(2)])
            let fields = [("csrf", publisher.csrf), ("format", "html"), ("channel", "web"), ("early", "1")]
            let recorded = try await client.post(
                "/activities/GP/publish", fields + [("action", "confirm")], cookie: publisher.cookie)
            #expect(recorded.status == .seeOther, "\(recorded.body.text)")
            var checked: [String] = []
            func check(_ path: String) async throws {
                let response = try await client.get(path, cookie: publisher.cookie)
                checked.append(path)
                #expect(!Self.hasOverride(response.body.text), "GET \(path) carries an unpaired override")
            }
            let fill = ["ref": "GP", "key": "phone", "id": "1", "number": "1", "upload": "x", "token": "x"]
            for route in routes where !route.contains("{format}") && !route.contains("{part}") {
                var path = route
                for (name, value) in fill { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                try await check(path)
            }
            for format in PublishFormat.allCases {
                try await check("/activities/GP/preview/\(format.rawValue)")
                try await check("/activities/GP/updates/1/\(format.rawValue)")
            }
            let site = await SiteBuilder(organisation: "x", baseURL: "https://example.org/").build(
                try harness.store.allUpdates())
            #expect(site.keys.contains("index.html") && site.keys.contains { $0.hasSuffix(".atom") })
            for path in site.keys.sorted() { try await check("/site/\(path)") }
            for path in ["/history.csv", "/activities/GP/follow-ups/mailing.csv"] { try await check(path) }
            #expect(checked.count > 40)
        }
    }

    @Test func theOpenDataCSVsCarryNoUnpairedOverride() {
        let line = CSVWriter.line(["Title \(Self.override)", "(planned)"])
        #expect(!Self.hasOverride(line))
        #expect(!Self.hasOverride(Escape.csvLine(["\(Self.override)x", "y"])))
    }

    /// Errors show control characters from a file as text, never as the characters themselves.
    @Test func errorsShowControlCharactersAsText() {
        #expect(SafeText.shown("bad \u{1B}[2K\u{1B}[31mvalue") == "bad \\u{1B}[2K\\u{1B}[31mvalue")
        #expect(SafeText.shown("line one\nline two\ttab") == "line one\nline two\ttab")
        #expect(SafeText.display("(\u{202E}planned)") == "(planned)")
        #expect(SafeText.display("one\r\ntwo\u{7}") == "one\r\ntwo\\u{7}", "a page keeps a Windows line break")
        #expect(SafeText.display("plain \"ASCII\" <text>\tand\r\n a tab") == "plain \"ASCII\" <text>\tand\r\n a tab")
        #expect(
            "<\u{338}script a='b'>&".htmlEscaped == "&lt;\u{338}script a=&#39;b&#39;&gt;&amp;",
            "a combining mark hides no <")
        #expect("Café 🙂".htmlEscaped == "Café 🙂")
        #expect(SafeText.shown("one\rtwo") == "one\\u{D}two", "a terminal does not")
    }
}
