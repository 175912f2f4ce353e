import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// Signing in and out: the cookie's flags, a new session id at every sign-in, timeouts, the
/// lockout after five failures, and passwords.
@Suite struct SessionTests {
    @Test func theSignInFormCarriesATokenMatchingItsOwnCookie() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let fields = [("email", "editor@example.org"), ("password", WebHarness.password)]
            // Posted from a page that never showed the form (no cookie, or a token of its own): refused.
            #expect(try await client.post("/sign-in", fields).status == .forbidden)
            #expect(try await client.post("/sign-in", fields + [("csrf", "made-up")]).status == .forbidden)
            let page = try await client.get("/sign-in")
            let cookie = try #require(page.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(
                try await client.post(
                    "/sign-in", fields + [("csrf", "made-up")], cookie: String(cookie.prefix { $0 != ";" })
                )
                .status == .forbidden)
            #expect(try await client.postSignIn(fields).status == .seeOther)
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyWhenAsked() async throws {
        for secure in [false, true] {
            let harness = try WebHarness(secureCookies: secure)
            try await harness.test { client in
                let session = try await client.signIn(.viewer)
                let flags = session.setCookie.lowercased()
                #expect(flags.hasPrefix("yswd_session="))
                #expect(flags.contains("httponly"))
                #expect(flags.contains("samesite=lax"))
                #expect(flags.contains("path=/"))
                #expect(flags.contains("secure") == secure)
            }
        }
    }

    @Test func everySignInStartsANewSessionAndEndsTheOneTheBrowserHad() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let first = try await client.signIn(.editor)
            let second = try await client.postSignIn(
                [("email", "editor@example.org"), ("password", WebHarness.password), ("next", "/")],
                cookie: first.cookie)
            let cookie = try #require(second.headers[.setCookie]).prefix { $0 != ";" }
            #expect(String(cookie) != first.cookie)
            #expect(try await client.get("/", cookie: first.cookie).status == .seeOther, "the old id still works")
            #expect(try await client.get("/", cookie: String(cookie)).status == .ok)
            // The database keeps only hashes of session ids.
            let stored = try harness.strings("SELECT idHash FROM webSession")
            #expect(!stored.contains(String(cookie.dropFirst("yswd_session=".count))))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let session = try await client.signIn(.viewer)
            let out = try await client.post("/sign-out", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.get("/", cookie: session.cookie).status == .seeOther)
        }
    }

    @Test func aSessionEndsAfterThirtyIdleMinutesAndTwelveHoursInAll() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let idle = try await client.signIn(.viewer)
            harness.clock.advance(29 * 60)
            #expect(try await client.get("/", cookie: idle.cookie).status == .ok)
            harness.clock.advance(31 * 60)
            #expect(try await client.get("/", cookie: idle.cookie).status == .seeOther, "idle for 31 minutes")

            let busy = try await client.signIn(.viewer)
            for _ in 0..<25 {
                harness.clock.advance(29 * 60)
                _ = try await client.get("/activities", cookie: busy.cookie)
            }
            #expect(try await client.get("/", cookie: busy.cookie).status == .seeOther, "in use for over 12 hours")
        }
    }

    @Test func fiveFailedSignInsLockTheAccountForFifteenMinutesAndAreRecorded() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            func attempt(_ password: String) async throws -> HTTPResponse.Status {
                try await client.postSignIn([("email", "admin@example.org"), ("password", password)]).status
            }
            for _ in 0..<4 { #expect(try await attempt("wrong password here") == .unauthorized) }
            #expect(try await attempt("wrong password here") == .tooManyRequests)
            #expect(try await attempt(WebHarness.password) == .tooManyRequests, "locked even with the right password")
            let history = try harness.store.history().filter { $0.entity == "accountLock" }
            #expect(history.count == 1)
            harness.clock.advance(16 * 60)
            #expect(try await attempt(WebHarness.password) == .seeOther)
        }
    }

    @Test func aWrongEmailAndAWrongPasswordGetTheSameAnswer() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let unknown = try await client.postSignIn([("email", "nobody@example.org"), ("password", "x")])
            let wrong = try await client.postSignIn([("email", "viewer@example.org"), ("password", "x")])
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(unknown.body.text.contains("Enter a correct email address and password"))
            #expect(wrong.body.text.contains("Enter a correct email address and password"))
        }
    }

    @Test func aDisabledUserCannotSignInAndIsSignedOut() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let session = try await client.signIn(.editor)
            try harness.store.disableUser(email: "editor@example.org")
            #expect(try await client.get("/", cookie: session.cookie).status == .seeOther)
            let again = try await client.postSignIn([
                ("email", "editor@example.org"), ("password", WebHarness.password),
            ])
            #expect(again.status == .unauthorized)
        }
    }

    @Test func aPasswordLinkSetsAStrongPasswordOnceAndHistoryNeverHoldsIt() async throws {
        let harness = try WebHarness()
        let link = try harness.store.addUser(email: "new@example.org", name: "New Person", role: .editor)
        try await harness.test { client in
            let path = "/set-password/\(link.token)"
            #expect(try await client.get(path).status == .ok)
            for weak in ["short", "Password2024!", "aaaaaaaaaaaaaaaa"] {
                let refused = try await client.post(path, [("password", weak), ("confirm", weak)])
                #expect(refused.status == .badRequest, "\(weak) was accepted")
                #expect(refused.body.text.contains("error-summary"))
            }
            let strong = "copper violin meadow tide"
            let set = try await client.post(path, [("password", strong), ("confirm", strong)])
            #expect(set.status == .seeOther)
            #expect(try await client.get(path).status == .notFound, "the link works once")
            let signedIn = try await client.postSignIn([("email", "new@example.org"), ("password", strong)])
            #expect(signedIn.status == .seeOther)
        }
        let history = try harness.strings("SELECT coalesce(before, '') || coalesce(after, '') FROM history")
        #expect(!history.contains { $0.contains("$2b$") || $0.contains(link.token) })
    }

    @Test func signInNeverSendsYouToAnotherSite() {
        #expect(SignInRoutes.safeNext("//evil.example/") == "/")
        #expect(SignInRoutes.safeNext("https://evil.example/") == "/")
        #expect(SignInRoutes.safeNext("/\\evil.example") == "/")
        #expect(SignInRoutes.safeNext("/activities/GP") == "/activities/GP")
    }
}

extension SessionTests {
    @Test func textTypedAfterTheSessionExpiredComesBackAfterSigningInAndIsSentOnlyWhenAsked() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            harness.clock.advance(31 * 60)
            let before = try harness.fingerprint()
            let typed = [
                ("csrf", editor.csrf), ("decision-key", "evening"),
                ("decision-text", "We will open the phone line until 8pm on Tuesdays"),
                ("decision-responds-to", "phone"), ("password", "never kept"),
            ]
            let late = try await client.post("/activities/GP/decisions", typed, cookie: editor.cookie)
            #expect(late.status == .seeOther)
            #expect(late.headers[.location] == "/sign-in?expired=1&next=%2Fdrafts")
            #expect(try harness.fingerprint() == before, "nothing is changed until they say so")
            #expect(try harness.strings("SELECT fields FROM formDraft").first?.contains("never kept") == false)
            #expect(!(late.headers[.location] ?? "").contains("evening"), "the draft is never in an address")

            let signIn = try await client.get("/sign-in?expired=1&next=%2Fdrafts").body.text
            #expect(signIn.contains("what you sent has not been saved yet"))
            let again = try await client.postSignIn(
                [("email", "editor@example.org"), ("password", WebHarness.password), ("next", "/drafts")])
            #expect(again.headers[.location] == "/drafts")
            let cookie = String(try #require(again.headers[.setCookie]).prefix { $0 != ";" })
            let page = try await client.get("/drafts", cookie: cookie).body.text
            #expect(page.contains("We will open the phone line until 8pm on Tuesdays"))
            let csrf = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.output.1))

            // Another user never sees it.
            let viewer = try await client.signIn(.viewer)
            #expect(try await client.get("/drafts", cookie: viewer.cookie).body.text.contains("Nothing waiting"))

            let fields = typed.filter { $0.0 != "csrf" && $0.0 != "password" } + [("csrf", csrf)]
            let send = try await client.post("/drafts/send", fields, cookie: cookie)
            #expect(send.status == .temporaryRedirect)
            #expect(send.headers[.location] == "/activities/GP/decisions")
            // The browser sends the same form on: now it is recorded.
            let sent = try await client.post("/activities/GP/decisions", fields, cookie: cookie)
            #expect(sent.status == .seeOther)
            #expect(try harness.store.decisions(activity: "GP").contains { $0.key == "evening" })
            #expect(try harness.strings("SELECT id FROM formDraft").isEmpty)
        }
    }

    @Test func aDraftHoldingAParticipantsDetailsGoesWhenTheyAreErased() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let publisher = try await client.signIn(.publisher)
            harness.clock.advance(31 * 60)
            _ = try await client.post(
                "/participants/change",
                [("csrf", publisher.csrf), ("change-ref", "P-1"), ("change-email", "jo.bloggs@example.org")],
                cookie: publisher.cookie)
            #expect(try harness.strings("SELECT id FROM formDraft").count == 1)
            _ = try harness.store.eraseParticipant(ref: "P-1", contributions: false)
            #expect(try harness.strings("SELECT id FROM formDraft").isEmpty)
        }
    }
}
