import FeedbackLoop
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopStore

@Suite struct UpdateStoreTests {
    /// An answered activity with one participant owed a follow-up.
    func answered() throws -> EngagementStore {
        let store = try EngagementStore.inMemory(actor: "test", clock: pinnedClock)
        try store.addActivity(sampleActivity())
        try store.addParticipant(
            Participant(ref: "P-1", wantsFeedback: true, mayQuote: true),
            contact: ParticipantContact(participantId: 0, email: "p1@example.org", prefers: .email))
        let said = try store.addContribution(activity: "GP-ACCESS", text: "Phones are engaged", participantRef: "P-1")
        try store.addTheme(
            activity: "GP-ACCESS", key: "phones", said: "Phones are busy", contributions: [.single(said.id!)])
        try store.explain(activity: "GP-ACCESS", theme: "phones", why: "Staffing is national", reason: .cost)
        return store
    }

    func record(_ store: EngagementStore, bytes: String = "update") throws -> PublishedUpdate {
        let snapshot = try store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-10"))
        return try store.recordUpdate(
            ref: "GP-ACCESS",
            UpdateRecording(
                snapshot: snapshot, format: "txt", channels: [.web], bytes: Data(bytes.utf8),
                sha256: String(repeating: "a", count: 64), data: Data("{}".utf8), quotes: [], waivers: []))
    }

    func latest(_ store: EngagementStore) throws -> LoopSummary { try store.loopSummaries()[0] }

    /// Issue 22, first step: every row is read by column name; a value that cannot be read is an
    /// error naming its column (never a crash, never a silent default), and never quotes the value.
    @Test func aValueThatCannotBeReadIsAnErrorNamingItsColumn() throws {
        let store = try answered()
        _ = try record(store)
        try store.recordFollowUps(ref: "GP-ACCESS", [(1, .email)], on: date("2026-03-11"))
        try store.explain(
            activity: "GP-ACCESS", theme: "phones", why: "Staffing is set nationally", reason: .cost,
            changeReason: "We found the rules are national")  // owed again, so their last follow-up is read
        try store.database.write { db in
            // What another program could do to the file: yswd's own triggers stop these changes.
            try db.execute(sql: "DROP TRIGGER followUp_never_changed")
            try db.execute(sql: "UPDATE followUp SET themes = '{\"phones\": 1}' WHERE participantId = 1")
            try db.execute(sql: "DROP TRIGGER publishedUpdateTheme_immutable_update")
            try db.execute(sql: "UPDATE publishedUpdateTheme SET answer = 'p1@example.org'")
        }
        #expect(throws: StoreError.unreadable(column: "lastSent")) { try store.followUpRecipients(ref: "GP-ACCESS") }
        #expect(throws: StoreError.unreadable(column: "answer")) { try store.updates(ref: "GP-ACCESS") }
        let message = StoreError.unreadable(column: "answer").description
        #expect(message.contains("column answer") && !message.contains("p1@example.org"))
    }

    @Test func anUpdateCoversTheRecordUntilAnAnswerChanges() throws {
        let store = try answered()
        #expect(try latest(store).latestUpdate == nil)
        let update = try record(store)
        #expect(update.number == 1 && update.themes.map(\.key) == ["phones"])
        #expect(try latest(store).latestUpdate == UpdateFacts(published: date("2026-03-10")))
        #expect(try latest(store).owedFollowUps == 1)

        try store.recordFollowUps(ref: "GP-ACCESS", [(1, .email)], on: date("2026-03-11"))
        #expect(try latest(store).owedFollowUps == 0, "a follow-up sent since the last change")

        // Linking another contribution changes no answer; a changed explanation does.
        try store.addContribution(activity: "GP-ACCESS", text: "Another view")
        #expect(try latest(store).latestUpdate?.covers == true)
        #expect(throws: StoreError.reasonRequired(activity: "GP-ACCESS", update: 1, themes: ["phones"])) {
            try store.explain(activity: "GP-ACCESS", theme: "phones", why: "Staffing is set nationally", reason: .cost)
        }
        #expect(try latest(store).latestUpdate?.covers == true, "refused, so nothing changed")
        try store.explain(
            activity: "GP-ACCESS", theme: "phones", why: "Staffing is set nationally", reason: .cost,
            changeReason: "We found the rules are national")
        #expect(
            try store.changeReasons(activity: "GP-ACCESS", theme: "phones").map(\.reason) == [
                "We found the rules are national"
            ])
        #expect(try latest(store).latestUpdate?.uncoveredSince == date("2026-11-18"), "the day of the change")
        #expect(try latest(store).owedFollowUps == 1, "owed again: their theme's answer changed")

        #expect(try record(store).number == 2)
        #expect(try latest(store).latestUpdate == UpdateFacts(published: date("2026-03-10")))
    }

    @Test func aChangeBetweenSnapshotAndRecordingIsRefused() throws {
        let store = try answered()
        let snapshot = try store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-10"))
        try store.explain(activity: "GP-ACCESS", theme: "phones", why: "Changed meanwhile", reason: .cost)
        #expect(throws: StoreError.recordChanged("GP-ACCESS")) {
            try store.recordUpdate(
                ref: "GP-ACCESS",
                UpdateRecording(
                    snapshot: snapshot, format: "txt", channels: [], bytes: Data(),
                    sha256: String(repeating: "b", count: 64),
                    data: Data(), quotes: [], waivers: []))
        }
        #expect(try store.updates(ref: "GP-ACCESS").isEmpty)
    }

    @Test func aPublishedUpdateCannotBeChangedOrDeleted() throws {
        let store = try answered()
        _ = try record(store)
        for sql in [
            "UPDATE publishedUpdate SET content = x'00'", "UPDATE publishedUpdate SET sha256 = upper(sha256)",
            "UPDATE publishedUpdate SET content = x'00', redactedAt = 'now', format = 'md'",
            "DELETE FROM publishedUpdate", "DELETE FROM publishedUpdateTheme",
            "UPDATE publishedUpdateTheme SET said = 'x'",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.database.write { try $0.execute(sql: sql) } }
        }
        #expect(try store.update(ref: "GP-ACCESS", number: 1).bytes == Data("update".utf8))
        #expect(throws: StoreError.unknownUpdate(activity: "GP-ACCESS", number: 2, count: 1)) {
            try store.update(ref: "GP-ACCESS", number: 2)
        }
        #expect(try historyRows(store, entity: "publishedUpdate").count == 1, "recording is in history")
    }
}
