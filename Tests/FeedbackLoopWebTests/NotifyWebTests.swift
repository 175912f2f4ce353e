import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import YswdTestSupport

@testable import FeedbackLoopWeb

/// Issue 23 in the web app: "Send follow-ups" with a confirmation, the send as a background job, and
/// Notify's delivery receipts at their own door.
@Suite(.serialized) struct NotifyWebTests {
    static let token = "receipt-token-0123456789abcdef"

    static func setUp(_ harness: WebHarness, _ notify: FakeNotify) async throws {
        try await harness.store.setNotifySecret(.apiKey, FakeNotify.apiKey)
        try await harness.store.setNotifySecret(.callbackToken, token)
        _ = try await harness.store.setSetting(.notifyBaseURL, to: notify.baseURL)
        _ = try await harness.store.setSetting(.notifyEmailTemplate, to: FakeNotify.emailTemplate)
        _ = try await harness.store.setSetting(.notifySMSTemplate, to: FakeNotify.smsTemplate)
        _ = try await harness.store.setSetting(.notifyLetterTemplate, to: FakeNotify.letterTemplate)
    }

    /// Waits until nothing of the activity is queued or being sent (at most 20 seconds).
    static func settled(_ store: any RecordStore) async throws -> [DeliveryRecord] {
        for _ in 0..<200 {
            let records = try await store.deliveries(ref: "GP")
            if !records.isEmpty, !records.contains(where: { $0.status == .queued || $0.status == .sending }) {
                return records
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the send did not finish")
        return []
    }

    static func receipt(_ client: Client, id: String, status: String, token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let body =
            #"{"id": "\#(id)", "reference": "r", "to": "x", "status": "\#(status)", "notification_type": "email"}"#
        return try await client.client.execute(
            uri: "/notify/delivery-receipts", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func aPublisherSendsAfterConfirmingAndABounceShowsOnTheFollowUpsPage() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let harness = try await WebHarness()
        try await Self.setUp(harness, notify)
        try await harness.test { client in
            let session = try await client.signIn(.publisher)
            let page = try await client.get("/activities/GP/follow-ups", cookie: session.cookie)
            #expect(page.body.text.contains("Send follow-ups"))
            let asked = try await client.post(
                "/activities/GP/follow-ups/send", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(asked.body.text.contains("Send 1 follow-up through GOV.UK Notify?"), "\(asked.body.text)")
            #expect(await notify.state.messages.isEmpty, "nothing goes before it is confirmed")
            let sent = try await client.post(
                "/activities/GP/follow-ups/send", [("csrf", session.csrf), ("confirmed", "yes")], cookie: session.cookie
            )
            #expect(sent.status == .seeOther)
            let records = try await Self.settled(harness.store)
            #expect(records.map(\.status) == [.accepted])
            let message = try #require(await notify.state.messages.first)
            #expect(message.to == "jo.bloggs@example.org")

            #expect(
                try await Self.receipt(client, id: message.id, status: "permanent-failure", token: nil).status
                    == .unauthorized)
            #expect(
                try await Self.receipt(client, id: message.id, status: "permanent-failure", token: "wrong").status
                    == .forbidden)
            #expect(
                try await harness.store.deliveries(ref: "GP").map(\.status) == [.accepted],
                "a refused receipt changes nothing")
            let bounced = try await Self.receipt(client, id: message.id, status: "permanent-failure", token: Self.token)
            #expect(bounced.status == .noContent)
            // A repeat, and an id yswd never sent, are taken and ignored.
            #expect(
                try await Self.receipt(client, id: message.id, status: "permanent-failure", token: Self.token).status
                    == .noContent)
            #expect(
                try await Self.receipt(client, id: UUID().uuidString, status: "delivered", token: Self.token).status
                    == .noContent)
            #expect(try await harness.store.deliveries(ref: "GP").map(\.status) == [.permanentFailure])

            let after = try await client.get("/activities/GP/follow-ups", cookie: session.cookie).body.text
            #expect(after.contains("0 told · 1 email bounced: check their details."), "\(after)")
            #expect(after.contains("Email bounced <a href=\"/participants?change=P-1#change-ref\">"), "\(after)")
            // P-1 cannot be reached by email until their address changes.
            #expect(
                after.contains("Cannot be reached: their last email could not be delivered; check their details"),
                "\(after)")
            let dashboard = try await client.get("/", cookie: session.cookie).body.text
            #expect(
                dashboard.contains(
                    "<a href=\"/activities/GP/follow-ups\">0 told · 1 email bounced: check their details</a>"),
                "\(dashboard)")
        }
    }

    /// An admin sets the key in the web app; no page ever shows it again, nor does history.
    @Test func theKeyIsSetInTheWebAppAndNeverShown() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let session = try await client.signIn(.admin)
            let bad = try await client.post(
                "/settings", [("csrf", session.csrf), ("key", "notify-api-key"), ("value", "not-a-key")],
                cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.text.contains("That is not a GOV.UK Notify API key"), "\(bad.body.text)")
            let saved = try await client.post(
                "/settings", [("csrf", session.csrf), ("key", "notify-api-key"), ("value", FakeNotify.apiKey)],
                cookie: session.cookie)
            #expect(saved.status == .seeOther)
            #expect(try await harness.store.notifySecret(.apiKey) == FakeNotify.apiKey)
            for path in ["/users", "/history", "/history.csv"] {
                let page = try await client.get(path, cookie: session.cookie).body.text
                #expect(!page.contains(FakeNotify.secret), "\(path) shows the key")
                if path == "/users" { #expect(page.contains("Set: it ends …22b0."), "\(page)") }
            }
        }
    }

    /// A restarted server resumes what was queued and not sent.
    @Test func aRestartedServerResumesWhatWasQueued() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let harness = try await WebHarness()
        try await Self.setUp(harness, notify)
        let people = try await harness.store.followUpRecipients(ref: "GP").map {
            ($0.participantId, SendingChannel.email)
        }
        #expect(try await harness.store.queueDeliveries(ref: "GP", people) == 1)
        #expect(try await harness.store.activitiesSending() == ["GP"])
        let jobs = NotifyJobs(store: harness.store)
        await jobs.resume()
        #expect(try await Self.settled(harness.store).map(\.status) == [.accepted])
        #expect(await notify.state.countsByRecipient() == ["jo.bloggs@example.org": 1])
        #expect(try await harness.store.activitiesSending().isEmpty)
    }

    /// Notify refuses a token more than 30 seconds off: `notify check` says the clock is wrong.
    @Test func aClockMoreThanThirtySecondsOffIsNamed() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let key = try NotifyKey(parsing: FakeNotify.apiKey)
        let skewed = try await NotifyClient(key: key, baseURL: notify.baseURL, now: { Date().addingTimeInterval(45) })
        await #expect(
            throws: NotifyError.clockSkew(message: "Error: Your system clock must be accurate to within 30 seconds")
        ) {
            _ = try await skewed.template(id: FakeNotify.emailTemplate)
        }
        let right = try await NotifyClient(key: key, baseURL: notify.baseURL)
        #expect(try await right.template(id: FakeNotify.emailTemplate)?.placeholders == ["subject", "body"])
        #expect("\(key)" == "…22b0" && !"\(String(reflecting: key))".contains(FakeNotify.secret))
    }
}
