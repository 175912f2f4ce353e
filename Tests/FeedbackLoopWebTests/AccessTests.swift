import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import FeedbackLoopWeb

/// Every route that changes something refuses without a session (401), without the session's
/// form token or with a wrong one (403), from another site (403), and below its role (403), and
/// writes nothing when it refuses.
@Suite struct AccessTests {
    /// Each write route, the role it needs, and a form it accepts.
    static let writes: [(path: String, needs: StaffRole, form: [(String, String)])] = [
        (
            "/activities", .editor,
            [("ref", "NEW"), ("title", "t"), ("purpose", "p"), ("can-influence", "c"), ("level", "consult")]
        ),
        (
            "/activities/GP/edit", .editor,
            [("title", "t"), ("purpose", "p"), ("can-influence", "c"), ("level", "consult")]
        ),
        ("/activities/GP/contributions", .editor, [("contribution-text", "More evening slots")]),
        ("/activities/GP/themes", .editor, [("theme-key", "online"), ("theme-said", "Online booking")]),
        (
            "/activities/GP/decisions", .editor,
            [("decision-key", "d1"), ("decision-text", "We will"), ("decision-responds-to", "phone")]
        ),
        (
            "/activities/GP/explanations", .editor,
            [("explain-theme", "phone"), ("explain-why", "Cost"), ("explain-category", "cost")]
        ),
        ("/activities/GP/theming", .editor, [("contribution", "2"), ("theme", "phone"), ("action", "link")]),
        ("/activities/GP/themes/phone", .editor, [("said", "Waiting on the phone line")]),
        ("/activities/GP/contributions/2", .editor, [("text", "Online booking is very confusing")]),
        ("/activities/GP/decisions/call-back", .editor, [("text", "We will call back"), ("status", "done")]),
        (
            "/activities/GP/evaluations", .editor,
            [("evaluate-worked", "Drop-ins"), ("evaluate-improve", "Reach carers")]
        ),
        ("/activities/GP/import/1B4E28BA-2FA1-11D2-883F-0016D3CCA427", .editor, [("text-column", "Text")]),
        ("/activities/GP/publish", .publisher, [("format", "html"), ("early", "1")]),
        ("/site/build", .publisher, []),
        ("/activities/GP/themes/phone/quotes", .publisher, [("contribution", "1"), ("action", "add")]),
        ("/activities/GP/follow-ups/sent", .publisher, []),
        ("/participants", .publisher, [("ref", "P-9"), ("email", "p9@example.org"), ("wants-feedback", "1")]),
        ("/participants/change", .publisher, [("change-ref", "P-1"), ("change-quote", "yes")]),
        ("/participants/erase", .admin, [("erase-ref", "P-1"), ("confirm", "P-1")]),
        (
            "/organisations", .editor,
            [("key", "uhcw"), ("name", "University Hospitals"), ("kind", "trust"), ("action", "add")]
        ),
        ("/users", .admin, [("email", "new@example.org"), ("name", "New"), ("role", "viewer")]),
        ("/users/change", .admin, [("email", "viewer@example.org"), ("action", "role"), ("role", "editor")]),
        ("/settings", .admin, [("key", "due-soon-days"), ("value", "21")]),
        ("/sign-out", .viewer, []),
    ]

    @Test(arguments: writes.indices)
    func aWriteRouteRefusesEveryoneItShouldAndWritesNothing(index: Int) async throws {
        let (path, needs, form) = Self.writes[index]
        let harness = try WebHarness()
        try await harness.test { client in
            let before = try harness.fingerprint()
            var sessions: [StaffRole: Session] = [:]
            for role in StaffRole.allCases { sessions[role] = try await client.signIn(role) }
            let allowed = try #require(sessions[needs])

            let anonymous = try await client.post(path, form + [("csrf", allowed.csrf)])
            #expect(anonymous.status == .unauthorized, "\(path) without a session")
            let noToken = try await client.post(path, form, cookie: allowed.cookie)
            #expect(noToken.status == .forbidden, "\(path) without the form token")
            let wrongToken = try await client.post(path, form + [("csrf", "forged")], cookie: allowed.cookie)
            #expect(wrongToken.status == .forbidden, "\(path) with a wrong token")
            let otherToken = try #require(sessions[needs == .admin ? .viewer : .admin])
            let stolen = try await client.post(path, form + [("csrf", otherToken.csrf)], cookie: allowed.cookie)
            #expect(stolen.status == .forbidden, "\(path) with another session's token")
            let foreign = try await client.post(
                path, form + [("csrf", allowed.csrf)], cookie: allowed.cookie, origin: "https://evil.example")
            #expect(foreign.status == .forbidden, "\(path) from another site")
            let noOrigin = try await client.post(
                path, form + [("csrf", allowed.csrf)], cookie: allowed.cookie, origin: nil)
            #expect(noOrigin.status == .forbidden, "\(path) with no Origin or Referer")
            for role in StaffRole.allCases where !role.allows(needs) {
                let session = try #require(sessions[role])
                let below = try await client.post(path, form + [("csrf", session.csrf)], cookie: session.cookie)
                #expect(below.status == .forbidden, "\(path) as \(role)")
                #expect(below.body.text.contains("needs the \(needs.rawValue) role"))
            }
            #expect(try harness.fingerprint() == before, "\(path): a refused request changed the record")

            let done = try await client.post(path, form + [("csrf", allowed.csrf)], cookie: allowed.cookie)
            #expect(![.unauthorized, .forbidden].contains(done.status), "\(path) as \(needs): \(done.status)")
        }
    }

    @Test(arguments: [
        "/", "/activities", "/activities/new", "/activities/GP", "/activities/GP/edit", "/activities/GP/theming",
        "/activities/GP/import", "/activities/GP/publish", "/activities/GP/themes/phone",
        "/activities/GP/contributions", "/activities/GP/preview/html", "/activities/GP/follow-ups",
        "/users", "/participants", "/organisations",
    ])
    func aPageWithoutASessionSendsYouToSignIn(path: String) async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let response = try await client.get(path)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/sign-in?next=") == true)
        }
    }

    @Test(arguments: [
        ("/activities/new", StaffRole.editor), ("/activities/GP/theming", .editor),
        ("/activities/GP/publish", .publisher),
        ("/activities/GP/preview/html", .publisher), ("/activities/GP/follow-ups", .publisher), ("/users", .admin),
        ("/participants", .publisher),
    ])
    func aPageBelowYourRoleIsRefusedPlainly(path: String, needs: StaffRole) async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            for role in StaffRole.allCases {
                let session = try await client.signIn(role)
                let response = try await client.get(path, cookie: session.cookie)
                #expect(response.status == (role.allows(needs) ? .ok : .forbidden), "\(path) as \(role)")
            }
        }
    }

    @Test func aMultipartUploadCarriesItsTokenInTheFormNotTheAddress() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let viewer = try await client.signIn(.viewer)
            let file = Data("Text\r\nHi\r\n".utf8)
            let before = try harness.fingerprint()
            #expect(try await client.upload(file, csrf: editor.csrf, session: nil).status == .unauthorized)
            #expect(try await client.upload(file, csrf: nil, session: editor).status == .forbidden)
            #expect(try await client.upload(file, csrf: viewer.csrf, session: editor).status == .forbidden)
            #expect(try await client.upload(file, csrf: viewer.csrf, session: viewer).status == .forbidden)
            #expect(
                try await client.upload(file, csrf: editor.csrf, session: editor, origin: "http://evil.example").status
                    == .forbidden)
            #expect(try harness.fingerprint() == before)
            // The old way, the token in the address, is refused.
            var old = try await client.upload(file, csrf: nil, session: editor, query: "?csrf=\(editor.csrf)")
            #expect(old.status == .forbidden)
            old = try await client.upload(file, csrf: editor.csrf, session: editor)
            #expect(old.status == .seeOther)
            #expect(old.headers[.location]?.contains("/activities/GP/import/") == true)
        }
    }
}
