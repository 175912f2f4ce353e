import FeedbackLoop
import FeedbackLoopSQLite
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
    /// A form each write route accepts, by the route as the router names it, with its address filled in.
    /// The route's role comes from its door; a write route missing here fails
    /// ``everyWriteRouteHasADoorAndAFormHere()``.
    static let forms: [String: (path: String, form: [(String, String)])] = [
        "POST /activities": (
            "/activities",
            [("ref", "NEW"), ("title", "t"), ("purpose", "p"), ("can-influence", "c"), ("level", "consult")]
        ),
        "POST /activities/{ref}/edit": (
            "/activities/GP/edit", [("title", "t"), ("purpose", "p"), ("can-influence", "c"), ("level", "consult")]
        ),
        "POST /activities/{ref}/contributions": (
            "/activities/GP/contributions", [("contribution-text", "More evening slots")]
        ),
        "POST /activities/{ref}/themes": (
            "/activities/GP/themes", [("theme-key", "online"), ("theme-said", "Online booking")]
        ),
        "POST /activities/{ref}/decisions": (
            "/activities/GP/decisions",
            [("decision-key", "d1"), ("decision-text", "We will"), ("decision-responds-to", "phone")]
        ),
        "POST /activities/{ref}/explanations": (
            "/activities/GP/explanations",
            [("explain-theme", "phone"), ("explain-why", "Cost"), ("explain-category", "cost")]
        ),
        "POST /activities/{ref}/theming": (
            "/activities/GP/theming", [("contribution", "2"), ("theme", "phone"), ("action", "link")]
        ),
        "POST /activities/{ref}/themes/{key}": ("/activities/GP/themes/phone", [("said", "Waiting on the phone line")]),
        "POST /activities/{ref}/contributions/{id}": (
            "/activities/GP/contributions/2", [("text", "Online booking is very confusing")]
        ),
        "POST /activities/{ref}/decisions/{key}": (
            "/activities/GP/decisions/call-back", [("text", "We will call back"), ("status", "done")]
        ),
        "POST /activities/{ref}/evaluations": (
            "/activities/GP/evaluations", [("evaluate-worked", "Drop-ins"), ("evaluate-improve", "Reach carers")]
        ),
        "POST /activities/{ref}/import": ("/activities/GP/import", []),
        "POST /activities/{ref}/translations": ("/activities/GP/translations", []),
        "POST /activities/{ref}/import/{upload}": (
            "/activities/GP/import/1b4e28ba-2fa1-11d2-883f-0016d3cca427", [("text-column", "Text")]
        ),
        "POST /activities/{ref}/import/{upload}/abandon": (
            "/activities/GP/import/1b4e28ba-2fa1-11d2-883f-0016d3cca427/abandon", []
        ),
        "POST /activities/{ref}/publish": ("/activities/GP/publish", [("format", "html"), ("early", "1")]),
        "POST /site/build": ("/site/build", []),
        "POST /activities/{ref}/themes/{key}/quotes": (
            "/activities/GP/themes/phone/quotes", [("contribution", "1"), ("action", "add")]
        ),
        "POST /activities/{ref}/follow-ups/sent": ("/activities/GP/follow-ups/sent", [("person", "P-1")]),
        "POST /activities/{ref}/follow-ups/send": ("/activities/GP/follow-ups/send", [("confirmed", "yes")]),
        "POST /participants": (
            "/participants", [("ref", "P-9"), ("email", "p9@example.org"), ("wants-feedback", "1")]
        ),
        "POST /participants/change": ("/participants/change", [("change-ref", "P-1"), ("change-quote", "yes")]),
        "POST /participants/erase": ("/participants/erase", [("erase-ref", "P-1"), ("confirm", "P-1")]),
        "POST /organisations": (
            "/organisations", [("key", "uhcw"), ("name", "University Hospitals"), ("kind", "trust"), ("action", "add")]
        ),
        "POST /users": ("/users", [("email", "new@example.org"), ("name", "New"), ("role", "viewer")]),
        "POST /users/change": (
            "/users/change", [("email", "viewer@example.org"), ("action", "role"), ("role", "editor")]
        ),
        "POST /settings": ("/settings", [("key", "due-soon-days"), ("value", "21")]),
        "POST /sign-out": ("/sign-out", []),
        "POST /drafts/send": ("/drafts/send", []),
        "POST /drafts/discard": ("/drafts/discard", []),
    ]

    /// The write routes, as the router has them.
    static let writes: [String] = {
        let store = try! SQLiteStore.inMemory()
        return WebServer(store: store).router().routes.filter { $0.method == .post }.map(\.description).sorted()
    }()

    @Test func everyWriteRouteHasADoorAndAFormHere() async throws {
        let server = WebServer(store: try SQLiteStore.inMemory())
        let routes = server.router().routes.filter { $0.method == .post }.map(\.description)
        #expect(routes.count > 20)
        for route in routes {
            let door = try #require(server.rules.door(route), "\(route) was added without a door")
            switch door {
            case .change, .upload: #expect(Self.forms[route] != nil, "\(route) needs a form in AccessTests.forms")
            case .open: #expect(["POST /sign-in", "POST /set-password/{token}"].contains(route), "\(route) is open")
            case .page: Issue.record("\(route) is a write route with a page's door")
            case .machine: #expect(route == "POST /notify/delivery-receipts", "\(route) takes a bearer token")
            }
        }
    }

    @Test(arguments: writes)
    func aWriteRouteRefusesEveryoneItShouldAndWritesNothing(route: String) async throws {
        let server = WebServer(store: try SQLiteStore.inMemory())
        _ = server.router()
        guard case .change(let needs) = try #require(server.rules.door(route)) else { return }
        let (path, form) = try #require(Self.forms[route])
        let harness = try await WebHarness()
        try await harness.test { client in
            let before = try await harness.fingerprint()
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
            await #expect(try harness.fingerprint() == before, "\(path): a refused request changed the record")

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
        let harness = try await WebHarness()
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
        let harness = try await WebHarness()
        try await harness.test { client in
            for role in StaffRole.allCases {
                let session = try await client.signIn(role)
                let response = try await client.get(path, cookie: session.cookie)
                #expect(response.status == (role.allows(needs) ? .ok : .forbidden), "\(path) as \(role)")
            }
        }
    }

    @Test func aMultipartUploadCarriesItsTokenInTheFormNotTheAddress() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let viewer = try await client.signIn(.viewer)
            let file = Data("Text\r\nHi\r\n".utf8)
            let before = try await harness.fingerprint()
            #expect(try await client.upload(file, csrf: editor.csrf, session: nil).status == .unauthorized)
            #expect(try await client.upload(file, csrf: nil, session: editor).status == .forbidden)
            #expect(try await client.upload(file, csrf: viewer.csrf, session: editor).status == .forbidden)
            #expect(try await client.upload(file, csrf: viewer.csrf, session: viewer).status == .forbidden)
            #expect(
                try await client.upload(file, csrf: editor.csrf, session: editor, origin: "http://evil.example").status
                    == .forbidden)
            await #expect(try harness.fingerprint() == before)
            // The old way, the token in the address, is refused.
            var old = try await client.upload(file, csrf: nil, session: editor, query: "?csrf=\(editor.csrf)")
            #expect(old.status == .forbidden)
            old = try await client.upload(file, csrf: editor.csrf, session: editor)
            #expect(old.status == .seeOther)
            #expect(old.headers[.location]?.contains("/activities/GP/import/") == true)
        }
    }
}
