import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// What the pages show and what their forms do: hostile text stays text, every response carries
/// the security headers and no script, a refused form keeps what was typed and writes nothing.
@Suite struct PageTests {
    static let hostile = [
        "<script>alert('you said')</script>", "\"><img src=x onerror=alert(1)>'", "&lt;b&gt; & <b>bold</b>",
        "{{frame.csrf}} {{{raw}}}", "\u{202E}gnp.exe \u{05E9}\u{05DC}\u{05D5}\u{05DD}",
    ]

    /// Every page a signed-in admin can open in the harness's record.
    static let pages = [
        "/", "/?lead=Editor%20User&mine=1", "/activities", "/activities?q=appointment", "/activities/new",
        "/activities/GP", "/activities/GP/edit", "/activities/GP/theming", "/activities/GP/import",
        "/activities/GP/publish", "/activities/GP/follow-ups", "/activities/GP/themes/phone",
        "/activities/GP/contributions", "/activities/GP/contributions/2", "/activities/GP/decisions/call-back",
        "/users",
        "/participants", "/organisations", "/sign-in",
    ]

    @Test(arguments: hostile.indices)
    func hostileTextEnteredThroughTheFormsComesBackAsTextOnEveryPage(index: Int) async throws {
        let text = Self.hostile[index]
        let harness = try await WebHarness()
        try await harness.test { client in
            let admin = try await client.signIn(.admin)
            func post(_ path: String, _ form: [(String, String)]) async throws {
                let response = try await client.post(path, form + [("csrf", admin.csrf)], cookie: admin.cookie)
                #expect(
                    response.status == .seeOther,
                    "\(path): \(response.status) \(response.body.text.firstMatch(of: /<ul>\n<li>.*<\/li>/).map { String($0.output) } ?? "")"
                )
            }
            try await post(
                "/activities/GP/edit",
                [
                    ("title", text), ("purpose", text), ("can-influence", text), ("level", "consult"), ("lead", text),
                    ("service", text),
                ])
            try await post("/activities/GP/contributions", [("contribution-text", text)])
            try await post("/activities/GP/themes", [("theme-key", "hostile"), ("theme-said", text)])
            try await post(
                "/activities/GP/decisions",
                [("decision-key", "d1"), ("decision-text", text), ("decision-responds-to", "phone")])
            try await post(
                "/activities/GP/explanations",
                [("explain-theme", "hostile"), ("explain-why", text), ("explain-category", "cost")])
            for page in Self.pages {
                let response = try await client.get(page, cookie: admin.cookie)
                let body = response.body.text
                #expect(response.status == .ok, "\(page): \(response.status)")
                #expect(!body.contains("<script"), "\(page) has a script tag")
                #expect(!body.contains("<img"), "\(page) has an image tag")
                #expect(!body.contains("<b>"), "\(page) has live markup")
            }
            let activity = try await client.get("/activities/GP", cookie: admin.cookie).body.text
            #expect(activity.contains("&lt;script&gt;alert(&#39;you said&#39;)&lt;/script&gt;") || index != 0)
            #expect(activity.contains("{{frame.csrf}}") || index != 3, "Mustache tags typed in a form stay as typed")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeadersAndNoPageHasAScript() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let admin = try await client.signIn(.admin)
            for page in Self.pages + ["/no-such-page", "/activities/NOPE", "/assets/yswd.css"] {
                let response = try await client.get(page, cookie: admin.cookie)
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(page) has no policy")
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("script-src"), "\(page) allows script")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin")
                #expect(!response.body.text.contains("<script"), "\(page)")
                #expect(response.body.text.firstMatch(of: /<[^>]+\son[a-z]+=/) == nil, "\(page) has an event handler")
            }
        }
    }

    @Test func anUnknownAddressShowsTheNotFoundPage() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let admin = try await client.signIn(.admin)
            for path in ["/no-such-page", "/activities/NOPE", "/activities/GP/updates/9", "/activities/GP/preview/pdf"]
            {
                let response = try await client.get(path, cookie: admin.cookie)
                #expect(response.status == .notFound, "\(path)")
            }
        }
    }

    @Test func aRefusedFormNamesEachFieldKeepsWhatWasTypedAndWritesNothing() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let before = try await harness.fingerprint()
            let response = try await client.post(
                "/activities",
                [
                    ("csrf", editor.csrf), ("ref", "has space"), ("title", ""), ("purpose", "Kept purpose"),
                    ("can-influence", "c"), ("level", "consult"), ("closes", "31/02/2027"), ("feedback-by", "someday"),
                ],
                cookie: editor.cookie)
            let body = response.body.text
            #expect(response.status == .badRequest)
            #expect(body.contains("There is a problem"))
            for anchor in ["#ref", "#title", "#closes", "#feedback-by"] {
                #expect(body.contains("href=\"\(anchor)\""), "\(anchor)")
            }
            #expect(body.contains("31/02/2027 is not a real date"))
            #expect(body.contains(">Kept purpose</textarea>"))
            #expect(body.contains("<title>Error: "))
            await #expect(try harness.fingerprint() == before)
        }
    }

    @Test func datesAreTypedEitherWay() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            for (ref, date) in [("A1", "30/04/2027"), ("A2", "2027-04-30")] {
                let response = try await client.post(
                    "/activities",
                    [
                        ("csrf", editor.csrf), ("ref", ref), ("title", "t"), ("purpose", "p"), ("can-influence", "c"),
                        ("level", "consult"), ("feedback-by", date),
                    ], cookie: editor.cookie)
                #expect(response.status == .seeOther)
                await #expect(try harness.store.activity(ref: ref).feedbackBy?.description == "2027-04-30")
            }
        }
    }

    /// Numbers are each activity's own: GP has no contribution 3, whatever other activities have.
    @Test func aNumberTheActivityHasNotGivenIsRefused() async throws {
        let harness = try await WebHarness()
        _ = try await harness.store.addActivity(
            Activity(ref: "MH", title: "Mental health", purpose: "p", canInfluence: "c", level: .consult))
        _ = try await harness.store.addContribution(activity: "MH", text: "Not about GPs")
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let before = try await harness.fingerprint()
            for (path, form) in [
                ("/activities/GP/themes", [("theme-key", "x"), ("theme-said", "x"), ("theme-contribution", "3")]),
                ("/activities/GP/theming", [("contribution", "3"), ("theme", "phone"), ("action", "link")]),
                (
                    "/activities/GP/theming",
                    [("contribution", "3"), ("out-of-scope", "Elsewhere"), ("action", "out-of-scope")]
                ),
            ] {
                let response = try await client.post(path, form + [("csrf", editor.csrf)], cookie: editor.cookie)
                #expect(response.status == .badRequest, "\(path)")
                #expect(
                    response.body.text.contains("There is no contribution 3"),
                    "\(path): \(response.body.text.firstMatch(of: /<ul>\n<li>.*<\/li>/).map { String($0.output) } ?? "")"
                )
            }
            await #expect(try harness.fingerprint() == before)
        }
    }

    @Test func theDashboardShowsAChangeAtOnce() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            #expect(try await client.get("/", cookie: editor.cookie).body.text.contains("Theme 1 contribution"))
            _ = try await client.post(
                "/activities/GP/theming",
                [("csrf", editor.csrf), ("contribution", "2"), ("theme", "phone"), ("action", "link")],
                cookie: editor.cookie)
            let after = try await client.get("/", cookie: editor.cookie).body.text
            #expect(!after.contains("Theme 1 contribution"), "the dashboard still shows the loop as it was")
            #expect(after.contains("Answer 1 theme"))
            // A change that may touch every activity (a setting) means reading them all again.
            _ = try await harness.store.acting(as: "test").setSetting(.dueSoonDays, to: "3")
            #expect(try await client.get("/", cookie: editor.cookie).body.text.contains("Answer 1 theme"))
        }
    }

    @Test func contactDetailsShowOnlyToPublishersAndErasureLeavesNoTrace() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            for role in [StaffRole.viewer, .editor] {
                let session = try await client.signIn(role)
                for page in Self.pages where page != "/participants" {
                    let body = try await client.get(page, cookie: session.cookie).body.text
                    #expect(!body.contains("jo.bloggs"), "\(page) shows a contact detail to a \(role)")
                }
            }
            let admin = try await client.signIn(.admin)
            let erased = try await client.post(
                "/participants/erase", [("csrf", admin.csrf), ("erase-ref", "P-1"), ("confirm", "P-1")],
                cookie: admin.cookie)
            #expect(erased.body.text.contains("Erased P-1"))
        }
        await #expect(!(try harness.fingerprint()).contains("jo.bloggs"), "the email is still in the record")
        await #expect(
            try harness.strings("SELECT coalesce(before, '') || coalesce(after, '') FROM history").allSatisfy {
                !$0.contains("jo.bloggs")
            })
    }

    @Test func aThemedContributionGoesOutOfScopeOnlyWithItsThemesAndComesBack() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let out = try await client.post(
                "/activities/GP/contributions/1",
                [("csrf", editor.csrf), ("action", "out-of-scope"), ("out-of-scope", "About parking")],
                cookie: editor.cookie)
            #expect(out.status == .seeOther)
            await #expect(try harness.store.contributions(activity: "GP").first?.themes == [])
            _ = try await client.post(
                "/activities/GP/contributions/1", [("csrf", editor.csrf), ("action", "in-scope")], cookie: editor.cookie
            )
            await #expect(try harness.store.contributions(activity: "GP").first?.outOfScope == nil)
        }
    }

    /// Issue 19, finding 9: a contribution moves from its theme to another in one step.
    @Test func aContributionMovesToAnotherTheme() async throws {
        let harness = try await WebHarness()
        _ = try await harness.store.addTheme(activity: "GP", key: "online", said: "Online booking", contributions: [])
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let page = try await client.get("/activities/GP/contributions/1", cookie: editor.cookie)
            #expect(page.body.text.contains("Theme to move it to") && page.body.text.contains("Online booking"))
            let moved = try await client.post(
                "/activities/GP/contributions/1",
                [("csrf", editor.csrf), ("action", "move"), ("move-to", "online")], cookie: editor.cookie)
            #expect(moved.status == .seeOther)
            await #expect(try harness.store.contributions(activity: "GP", number: 1).first?.themes == ["online"])
        }
    }

    /// Issue 19, finding 4: a "we will" marked done needs its done wording, in the browser too.
    @Test func aDoneDecisionNeedsItsDoneWording() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let before = try await harness.fingerprint()
            let refused = try await client.post(
                "/activities/GP/decisions/call-back",
                [("csrf", editor.csrf), ("text", "We will add a call-back option"), ("status", "done")],
                cookie: editor.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.text.contains("is marked done, but its text still says"))
            await #expect(try harness.fingerprint() == before)
            let done = try await client.post(
                "/activities/GP/decisions/call-back",
                [("csrf", editor.csrf), ("text", "We added a call-back option"), ("status", "done")],
                cookie: editor.cookie)
            #expect(done.status == .seeOther)
        }
    }

    @Test func publishingIsPreviewedCheckedConfirmedThenSaysWhatHappensNext() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let publisher = try await client.signIn(.publisher)
            let preview = try await client.get("/activities/GP/preview/html", cookie: publisher.cookie).body.text
            #expect(preview.contains("Preview – not published"))
            #expect(preview.contains("<a href=\"/activities/GP/publish\""))
            let text = try await client.get("/activities/GP/preview/txt", cookie: publisher.cookie).body.text
            #expect(text.contains("Preview – not published") && text.contains("<pre"))

            let before = try await harness.fingerprint()
            let fields = [("csrf", publisher.csrf), ("format", "html"), ("channel", "web"), ("early", "1")]
            let first = try await client.post(
                "/activities/GP/publish", fields + [("action", "check")], cookie: publisher.cookie)
            #expect(first.body.text.contains("<dt>Views not yet themed</dt><dd>1 view."))
            #expect(first.body.text.contains("This is the activity’s first update."))
            await #expect(try harness.fingerprint() == before, "checking writes nothing")
            // Answered in full, it is published, then the answer changes: the next check lists the change.
            _ = try await harness.store.linkTheme(activity: "GP", key: "phone", contributions: [.single(2)])
            _ = try await harness.store.explain(
                activity: "GP", theme: "phone", why: "A full call-back service costs too much", reason: .cost)
            _ = try await client.post(
                "/activities/GP/publish", fields + [("action", "confirm")], cookie: publisher.cookie)
            _ = try await harness.store.updateDecision(activity: "GP", key: "call-back", reason: "Sooner than planned")
            {
                $0.text = "We will add a call-back option in March"
            }
            let check = try await client.post(
                "/activities/GP/publish", fields + [("action", "check")], cookie: publisher.cookie)
            #expect(check.status == .ok)
            let page = check.body.text
            #expect(page.contains("Check before you publish update 2"))
            #expect(page.contains("<dt>Where it is published</dt><dd>Web</dd>"))
            #expect(page.contains("<h2>What has changed since update 1</h2>"))
            #expect(
                page.contains(
                    "Decision changed on ‘Waiting on the phone’: it said “We will add a call-back option (planned)” and"
                        + " now says “We will add a call-back option in March (planned)”. Why: Sooner than planned."))
            #expect(page.contains("<input type=\"hidden\" name=\"early\" value=\"1\">"))

            let confirmed = try await client.post(
                "/activities/GP/publish", fields + [("action", "confirm")], cookie: publisher.cookie)
            #expect(confirmed.headers[.location] == "/activities/GP/updates/2/recorded")
            let done = try await client.get("/activities/GP/updates/2/recorded", cookie: publisher.cookie).body.text
            #expect(done.contains("<h1>Update 2 recorded</h1>"))
            #expect(done.contains("<a href=\"/activities/GP/updates/2/html\">Web page</a>"))
            #expect(done.contains("1 person is owed a personal follow-up. Send them, then mark each one sent."))

            // Changing the published answer reopens the loop, and the banner says so.
            let editor = try await client.signIn(.editor)
            let changed = try await client.post(
                "/activities/GP/decisions/call-back",
                [
                    ("csrf", editor.csrf), ("text", "We added a call-back option"), ("status", "done"),
                    ("reason", "It went live early"),
                ], cookie: editor.cookie)
            #expect(changed.status == .seeOther)
            let activity = try await client.get("/activities/GP", cookie: editor.cookie).body.text
            #expect(activity.contains("Decision call-back changed. The loop is reopened: an updated answer is due by"))
            // Said once.
            let again = try await client.get("/activities/GP", cookie: editor.cookie).body.text
            #expect(!again.contains("Decision call-back changed."))
        }
    }

    @Test func removingAnythingAsksFirstSayingWhatGoes() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let before = try await harness.fingerprint()
            let asks: [(String, [(String, String)], String)] = [
                ("/activities/GP/decisions/call-back", [("action", "remove")], "Remove decision call-back?"),
                ("/activities/GP/themes/phone", [("action", "remove")], "Remove theme phone?"),
                ("/activities/GP/contributions/2", [("action", "remove")], "Remove contribution 2?"),
            ]
            for (path, fields, heading) in asks {
                let asked = try await client.post(path, [("csrf", editor.csrf)] + fields, cookie: editor.cookie)
                #expect(asked.status == .ok, "\(path)")
                #expect(asked.body.text.contains("<h1>\(heading)</h1>"), "\(path)")
                #expect(asked.body.text.contains("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">"))
            }
            await #expect(try harness.fingerprint() == before, "asking writes nothing")
            let removed = try await client.post(
                "/activities/GP/themes/phone", [("csrf", editor.csrf), ("action", "remove"), ("confirmed", "yes")],
                cookie: editor.cookie)
            #expect(removed.status == .seeOther)
            let page = try await client.get("/activities/GP", cookie: editor.cookie).body.text
            #expect(page.contains("role=\"status\""))
            #expect(page.contains("Theme phone removed. Its views are no longer themed. The loop is"))
        }
    }

    /// Issue 19, finding 2: formats recorded together, or added later, are renditions of one update.

    @Test func severalFormatsAreRenditionsOfOneUpdate() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let publisher = try await client.signIn(.publisher)
            let page = try await client.get("/activities/GP/publish", cookie: publisher.cookie)
            #expect(page.body.text.contains("Formats to record") && page.body.text.contains("Large print web page"))
            let recorded = try await client.post(
                "/activities/GP/publish",
                [
                    ("csrf", publisher.csrf), ("format", "html"), ("format", "easy-read"), ("early", "1"),
                    ("action", "confirm"),
                ],
                cookie: publisher.cookie)
            #expect(recorded.status == .seeOther)
            let asked = try await client.post(
                "/activities/GP/publish", [("csrf", publisher.csrf), ("format", "large-print"), ("add-to", "1")],
                cookie: publisher.cookie)
            #expect(asked.body.text.contains("Check before you add to update 1"))
            let added = try await client.post(
                "/activities/GP/publish",
                [("csrf", publisher.csrf), ("format", "large-print"), ("add-to", "1"), ("action", "confirm")],
                cookie: publisher.cookie)
            #expect(added.status == .seeOther)
            let done = try await client.get(try #require(added.headers[.location]), cookie: publisher.cookie)
            #expect(done.body.text.contains("Added to update 1: large print web page."))
            #expect(
                done.body.text.contains("<a href=\"/activities/GP/updates/1/large-print\">Large print web page</a>"))
            let largePrint = try await client.get("/activities/GP/updates/1/large-print", cookie: publisher.cookie)
            #expect(largePrint.status == .ok && largePrint.body.text.contains("Getting a GP appointment"))
            let updates = try await harness.store.updates(ref: "GP")
            #expect(updates.count == 1)
            #expect(updates.first?.renditions.map(\.format) == ["html", "easy-read", "large-print"])
        }
    }

    @Test func thePublicSiteShowsEveryRecordedUpdateAsItWillBePublished() async throws {

        let harness = try await WebHarness()
        try await harness.test { client in
            let publisher = try await client.signIn(.publisher)
            let recorded = try await client.post(
                "/activities/GP/publish",
                [("csrf", publisher.csrf), ("format", "html"), ("early", "1"), ("action", "confirm")],
                cookie: publisher.cookie)
            #expect(recorded.status == .seeOther)
            let index = try await client.get("/site/index.html", cookie: publisher.cookie)
            #expect(index.status == .ok && index.body.text.contains("updates/GP-1.html"))
            let update = try await client.get("/site/updates/GP-1.html", cookie: publisher.cookie)
            #expect(update.status == .ok && update.body.text.contains("Getting a GP appointment"))
            #expect(update.headers[.contentSecurityPolicy] == PublishingRoutes.previewPolicy)
            #expect(try await client.get("/site/data/updates.json", cookie: publisher.cookie).status == .ok)
            #expect(try await client.get("/site/nothing.html", cookie: publisher.cookie).status == .notFound)
            #expect(try await client.get("/site/index.html").status == .seeOther, "the site preview needs a session")
            let noFolder = try await client.post("/site/build", [("csrf", publisher.csrf)], cookie: publisher.cookie)
            #expect(noFolder.status == .badRequest && noFolder.body.text.contains("site-folder"))
            let folder = FileManager.default.temporaryDirectory.appending(path: "yswd-site-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await harness.store.acting(as: "test").setSetting(.siteFolder, to: folder.path)
            let built = try await client.post("/site/build", [("csrf", publisher.csrf)], cookie: publisher.cookie)
            #expect(built.status == .ok && built.body.text.contains("The site is built"))
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: "updates/GP-1.html").path))
        }
    }

    @Test func aDecisionCanAnswerAThemeInPart() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.post(
                "/activities/GP/themes",
                [("csrf", editor.csrf), ("theme-key", "online"), ("theme-said", "Online booking")],
                cookie: editor.cookie)
            let added = try await client.post(
                "/activities/GP/decisions",
                [
                    ("csrf", editor.csrf), ("decision-key", "app"), ("decision-text", "We improved the app"),
                    ("decision-responds-to", "online"), ("decision-partly", "phone"),
                ], cookie: editor.cookie)
            #expect(added.status == .seeOther)
            let decision = try await #require(try harness.store.decisions(activity: "GP").first { $0.key == "app" })
            #expect(decision.responds.contains(ThemeResponse(theme: "phone", outcome: .partly)))
            #expect(decision.responds.contains(ThemeResponse(theme: "online", outcome: .adopted)))
        }
    }

    @Test func quotesAreChosenOnlyFromPeopleWhoAgreed() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let publisher = try await client.signIn(.publisher)
            let refused = try await client.post(
                "/activities/GP/themes/phone/quotes",
                [("csrf", publisher.csrf), ("contribution", "1"), ("action", "add")],
                cookie: publisher.cookie)
            #expect(refused.status == .badRequest && refused.body.text.contains("There is a problem"))
            await #expect(try harness.store.chosenQuotes(activity: "GP").isEmpty)
            let consent = try await client.post(
                "/participants/change", [("csrf", publisher.csrf), ("change-ref", "P-1"), ("change-quote", "yes")],
                cookie: publisher.cookie)
            #expect(consent.status == .seeOther)
            let badEmail = try await client.post(
                "/participants/change", [("csrf", publisher.csrf), ("change-ref", "P-1"), ("change-email", "call me")],
                cookie: publisher.cookie)
            #expect(badEmail.status == .badRequest && badEmail.body.text.contains("is not an email address"))
            let chosen = try await client.post(
                "/activities/GP/themes/phone/quotes",
                [("csrf", publisher.csrf), ("contribution", "1"), ("action", "add")],
                cookie: publisher.cookie)
            #expect(chosen.status == .seeOther)
            await #expect(try harness.store.chosenQuotes(activity: "GP").map(\.contribution) == [1])
            let page = try await client.get("/activities/GP/themes/phone", cookie: publisher.cookie).body.text
            #expect(page.contains("Stop quoting 1"))
        }
    }

    @Test func aChangeMadeInTheBrowserIsInHistoryUnderTheSignedInUser() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.post(
                "/activities/GP/themes",
                [("csrf", editor.csrf), ("theme-key", "online"), ("theme-said", "Online booking")],
                cookie: editor.cookie)
            let entry = try await #require(try harness.store.history(activity: "GP").last)
            #expect(entry.entity == "theme" && entry.actor == "Editor User")
        }
    }

    @Test func anUploadThatIsNotCSVOrIsOver50MBIsRefused() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            func upload(name: String, content: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.upload(
                    Data(content.utf8), name: name, csrf: editor.csrf, session: editor)
                return (response.status, response.body.text)
            }
            let (status, page) = try await upload(name: "report.pdf", content: "%PDF-1.7")
            #expect(status == .unsupportedMediaType && page.contains("report.pdf is not a CSV file"))
            let (large, message) = try await upload(
                name: "big.csv", content: String(repeating: "x", count: 50 << 20 + 1))
            #expect(large == .contentTooLarge && message.contains("larger than 50 MB"))
            let (spreadsheet, said) = try await upload(name: "export.csv", content: "PK\u{3}\u{4}rest of a zip")
            #expect(
                spreadsheet == .unsupportedMediaType && said.contains("export.csv is a spreadsheet, not a CSV file"))
            await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
        }
    }
}

extension PageTests {
    @Test func aStoreRefusalNoFormShowsReadsAsAPlainPage() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            // Removing a decision that is not there: the store names it, and nothing is written.
            let before = try await harness.fingerprint()
            let response = try await client.post(
                "/activities/GP/decisions/nope", [("csrf", editor.csrf), ("action", "remove")], cookie: editor.cookie)
            #expect(response.status == .notFound)
            #expect(response.body.text.contains("nope"))
            await #expect(try harness.fingerprint() == before)
        }
    }
}

extension PageTests {
    /// Every place the keyboard stops on a page: links, buttons, fields and scrolling regions.
    static func tabStops(_ html: String) -> Int {
        let inputs = html.components(separatedBy: "<input ").dropFirst().filter { !$0.hasPrefix("type=\"hidden\"") }
        return html.components(separatedBy: "<a ").count - 1 + html.components(separatedBy: "<button").count - 1
            + inputs.count + html.components(separatedBy: "<select").count - 1
            + html.components(separatedBy: "<textarea").count - 1 + html.components(separatedBy: "tabindex=\"0\"").count
            - 1
    }

    @Test func theActivityIsInPartsAndItsOverviewHasAtMost25TabStops() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let admin = try await client.signIn(.admin)
            let overview = try await client.get("/activities/GP", cookie: admin.cookie).body.text
            #expect(Self.tabStops(overview) <= 25, "\(Self.tabStops(overview)) tab stops")
            #expect(overview.contains("<a href=\"/activities/GP\" aria-current=\"page\">Overview</a>"))
            #expect(!overview.contains("<form method=\"post\" action=\"/activities/GP/decisions\""))
            for (part, form) in [
                ("contributions", "/activities/GP/contributions"), ("themes", "/activities/GP/themes"),
                ("decisions", "/activities/GP/decisions"), ("learning", "/activities/GP/evaluations"),
            ] {
                let page = try await client.get("/activities/GP/" + part, cookie: admin.cookie)
                #expect(page.status == .ok, "\(part)")
                #expect(page.body.text.contains("<form method=\"post\" action=\"\(form)\""), "\(part)")
                #expect(
                    page.body.text.components(separatedBy: "<form method=\"post\" action=\"/activities/").count <= 3)
            }
            // A refused form shows its own part again, with the error, not the whole activity.
            let refused = try await client.post(
                "/activities/GP/decisions", [("csrf", admin.csrf), ("decision-key", "bad key")], cookie: admin.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.text.contains("aria-current=\"page\">We did: decisions</a>"))
            #expect(refused.body.text.contains("There is a problem"))
        }
    }
}

extension PageTests {
    @Test func disablingAUserAsksFirstAndEachSettingSaysWhatItDoes() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let admin = try await client.signIn(.admin)
            let fields = [("csrf", admin.csrf), ("email", "viewer@example.org"), ("action", "disable")]
            let asked = try await client.post("/users/change", fields, cookie: admin.cookie)
            #expect(asked.body.text.contains("<h1>Disable Viewer User’s account?</h1>"))
            await #expect(try harness.store.users().first { $0.email == "viewer@example.org" }?.isDisabled == false)
            let done = try await client.post("/users/change", fields + [("confirmed", "yes")], cookie: admin.cookie)
            #expect(done.status == .seeOther)
            await #expect(try harness.store.users().first { $0.email == "viewer@example.org" }?.isDisabled == true)
            let page = try await client.get("/users", cookie: admin.cookie).body.text
            #expect(page.contains("Viewer User’s account is disabled."))
            #expect(page.contains("Where ‘Build the site’ writes the public site"))
            #expect(page.contains("<strong>Days before ‘due soon’</strong>"))
        }
    }
}
