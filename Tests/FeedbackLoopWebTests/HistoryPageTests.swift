import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// History people can read: names and values, not table names.
@Suite struct HistoryPageTests {
    @Test func aChangeReadsWithItsValuesBeforeAndAfterAndItsReason() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await harness.store.acting(as: "Editor User").updateDecision(activity: "GP", key: "call-back") {
                $0.due = try CalendarDate.parse("2027-04-30", field: "due")
            }
            _ = try await harness.store.acting(as: "Editor User").updateParticipant(ref: "P-1") { _, contact in
                contact.email = "jo.new@example.org"
            }
            let page = try await client.get("/history", cookie: editor.cookie).body.text
            #expect(page.contains("Changed decision call-back: due date: none → 30 April 2027."))
            #expect(page.contains("Linked contribution 1 to theme phone."))
            #expect(page.contains("Changed contact details of P-1: email changed."))
            #expect(!page.contains("jo.new@example.org"), "contact details are never repeated in history's words")
            #expect(!page.contains("Insert ") && !page.contains("publishedUpdateTheme"))

            let mine = try await client.get("/history?by=Editor%20User&kind=decision", cookie: editor.cookie).body.text
            #expect(mine.contains("Every change: 1 change"))
            #expect(mine.contains("<title>History – yswd</title>"))
            let activity = try await client.get("/history?activity=GP", cookie: editor.cookie).body.text
            #expect(activity.contains("Changes to GP"))
            let bad = try await client.get("/history?from=31/02/2026", cookie: editor.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.text.contains("From must be a date, such as 2/12/2026, not ‘31/02/2026’"))
            let csv = try await client.get("/history.csv?kind=decision", cookie: editor.cookie)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.text.contains("\"Changed decision call-back: due date: none → 30 April 2027.\""))
        }
    }

    @Test func aReasonIsSaidWithTheChangeItIsFor() async throws {
        let change = HistoryEntry(
            id: 1, at: "2026-12-02T10:00:00.000Z", actor: "Sam", action: "update", entity: "decision", entityId: 1,
            activityRef: "GP", before: #"{"key":"open-jan","due":"2027-01-31","text":"We will open in January"}"#,
            after: #"{"key":"open-jan","due":"2027-04-30","text":"We will open in January"}"#)
        let reason = HistoryEntry(
            id: 2, at: "2026-12-02T10:00:00.020Z", actor: "Sam", action: "insert", entity: "changeReason",
            entityId: 1, activityRef: "GP", before: nil,
            after: #"{"theme":"hours","subject":"decision open-jan","reason":"The builders are late"}"#)
        let said = HistoryWording.sentences([change, reason])
        #expect(said.count == 1)
        #expect(
            said.first?.words
                == "Changed decision open-jan: due date: 31 January 2027 → 30 April 2027. Why: “The builders are late”."
        )
    }
}
