import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Synchronization
import Testing
import YswdTestSupport

@testable import FeedbackLoopPostgres
@testable import FeedbackLoopSQLite
@testable import FeedbackLoopWeb

/// A record with one activity and a user of each role, and the web app over it, tested through
/// its router (every middleware runs; no network).
///
/// It runs on SQLite, or on PostgreSQL with `YSWD_TEST_ENGINE=postgres` (`scripts/test` runs the web
/// tests both ways).
struct WebHarness: Sendable {
    let store: any RecordStore
    let server: WebServer
    static let password = "kettle orbit lantern moss"
    /// A cheap hash of ``password``, so setting up users does not take a second each.
    static let hash = Bcrypt.hash(password, cost: 4)
    static let origin = "http://localhost"

    /// The store's clock, which a test can move on.
    let clock = TestClock()

    init(secureCookies: Bool = false) async throws {
        let clock = clock
        store = try await Engine.chosen.store(actor: "setup", clock: { clock.now })
        server = WebServer(store: store, secureCookies: secureCookies, trustProxy: true)
        for role in StaffRole.allCases {
            let link = try await store.addUser(
                email: "\(role.rawValue)@example.org", name: "\(role.rawValue.capitalized) User", role: role)
            _ = try await store.setPassword(token: link.token, hash: Self.hash)
        }
        _ = try await store.addActivity(
            Activity(
                ref: "GP", title: "Getting a GP appointment", purpose: "Understand booking",
                canInfluence: "The phone line",
                level: .consult, lead: "Editor User", service: "Primary care", publicContact: "engage@example.nhs.uk",
                opens: try CalendarDate.parse("2026-01-05", field: "date"),
                closes: try CalendarDate.parse("2026-02-27", field: "date")))
        try await store.addParticipant(
            Participant(ref: "P-1", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, email: "jo.bloggs@example.org", prefers: .email))
        _ = try await store.addContribution(activity: "GP", text: "The phone queue is too long", participantRef: "P-1")
        _ = try await store.addContribution(activity: "GP", text: "Online booking is confusing")
        _ = try await store.addTheme(
            activity: "GP", key: "phone", said: "Waiting on the phone", contributions: [.single(1)])
        _ = try await store.addDecision(
            activity: "GP",
            Decision(
                activityId: 0, key: "call-back", text: "We will add a call-back option", status: .planned,
                responds: [ThemeResponse(theme: "phone", outcome: .partly)]))
    }

    /// Runs `body` with a client for the app.
    func test<Value: Sendable>(_ body: @escaping @Sendable (Client) async throws -> Value) async throws -> Value {
        let app = server.application()
        return try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    /// The first column of every row `sql` returns, as text.
    func strings(_ sql: String) async throws -> [String] {
        if let sqlite = store as? SQLiteStore {
            return try await sqlite.database.read { db in try String.fetchAll(db, sql: sql) }
        }
        return try await postgres { connection in
            var values: [String] = []
            for try await row in try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT (q.value)::text FROM (\(sql)) AS q(value)"), logger: Self.logger)
            {
                values.append(try row.decode(String.self))
            }
            return values
        }
    }

    static let logger = Logger(label: "yswd.tests")

    /// Runs `body` on a connection to the PostgreSQL database the store uses.
    private func postgres<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        guard let store = store as? PostgresStore else { throw CancellationError() }
        let address = store.address
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: .disable), id: 1, logger: Self.logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// A fingerprint of everything the record holds but sessions, sign-in bookkeeping, drafts and
    /// uploads waiting to be imported (whose choices are kept as they are made).
    func fingerprint() async throws -> String {
        guard let sqlite = store as? SQLiteStore else {
            return try await postgres { connection in
                var tables: [String] = []
                for try await row in try await connection.query(
                    """
                    SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()
                      AND table_name NOT IN ('websession', 'signinattempt', 'formdraft', 'activitysearch', 'importupload')
                    ORDER BY table_name
                    """, logger: Self.logger)
                {
                    tables.append(try row.decode(String.self))
                }
                var text = ""
                for table in tables {
                    text += "\(table):"
                    for try await row in try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT t::text FROM \"\(table)\" AS t ORDER BY t::text"),
                        logger: Self.logger)
                    {
                        text += try row.decode(String.self) + "|"
                    }
                    text += "\n"
                }
                return text
            }
        }
        return try await sqlite.database.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                      AND name NOT IN ('webSession', 'signInAttempt', 'sqlite_sequence', 'formDraft', 'importUpload') AND name NOT LIKE 'activitySearch%'
                    ORDER BY name
                    """)
            return try tables.map { table in
                "\(table):"
                    + (try String.fetchAll(db, sql: "SELECT quote(json_array(*)) FROM (SELECT * FROM \"\(table)\")")
                        .joined(separator: "|"))
            }.joined(separator: "\n")
        }
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let value = Mutex(Date())
    var now: Date { value.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The test client, with what a browser does: cookies, forms, the Origin header.
struct Client: Sendable {
    let client: any TestClientProtocol

    func get(_ path: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    func post(
        _ path: String, _ fields: [(String, String)], cookie: String? = nil, origin: String? = WebHarness.origin,
        contentType: String = "application/x-www-form-urlencoded", from address: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let address, let name = HTTPField.Name("X-Forwarded-For") { headers[name] = "198.51.100.1, \(address)" }
        if let cookie { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Uploads a file to an activity's import page, as a browser's multipart form does.
    func upload(
        _ content: Data, name: String = "survey.csv", csrf: String?, session: Session?, activity: String = "GP",
        origin: String = WebHarness.origin, query: String = "", to path: String? = nil
    ) async throws -> TestResponse {
        var body = Data()
        if let csrf { body += Data("--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8) }
        body += Data("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n\r\n".utf8)
        body += content + Data("\r\n--b--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=b", .origin: origin]
        if let session { headers[.cookie] = session.cookie }
        return try await client.execute(
            uri: path ?? "/activities/\(activity)/import\(query)", method: .post, headers: headers,
            body: ByteBuffer(bytes: body))
    }

    /// Posts the sign-in form as a browser does: its page first, for the form's token and its cookie.
    func postSignIn(_ fields: [(String, String)], cookie: String? = nil, from address: String? = nil) async throws
        -> TestResponse
    {
        let page = try await get("/sign-in")
        let set = try #require(page.headers[.setCookie])
        let token = try #require(page.body.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.output.1)
        let cookies = [cookie, String(set.prefix { $0 != ";" })].compactMap { $0 }.joined(separator: "; ")
        return try await post("/sign-in", fields + [("csrf", String(token))], cookie: cookies, from: address)
    }

    /// Signs in as the user of `role`: the session cookie and the session's form token.
    func signIn(_ role: StaffRole) async throws -> Session {
        let response = try await postSignIn(
            [("email", "\(role.rawValue)@example.org"), ("password", WebHarness.password), ("next", "/")])
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[.setCookie])
        let value = String(cookie.prefix { $0 != ";" })
        let page = try await get("/activities/GP", cookie: value)
        let csrf = try #require(page.body.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.output.1)
        return Session(cookie: value, csrf: String(csrf), setCookie: cookie)
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

struct Session: Sendable {
    var cookie: String
    var csrf: String
    var setCookie: String
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}
