import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopSQLite

@Suite struct UpdateStoreTests {
    /// An answered activity with one participant owed a follow-up.
    func answered() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(actor: "test", clock: pinnedClock)
        try await store.addActivity(sampleActivity())
        try await store.addParticipant(
            Participant(ref: "P-1", wantsFeedback: true, mayQuote: true),
            contact: ParticipantContact(participantId: 0, email: "p1@example.org", prefers: .email))
        let said = try await store.addContribution(
            activity: "GP-ACCESS", text: "Phones are engaged", participantRef: "P-1")
        try await store.addTheme(
            activity: "GP-ACCESS", key: "phones", said: "Phones are busy", contributions: [.single(said.id!)])
        try await store.explain(activity: "GP-ACCESS", theme: "phones", why: "Staffing is national", reason: .cost)
        return store
    }

    func record(_ store: SQLiteStore, bytes: String = "update") async throws -> PublishedUpdate {
        let snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-10"))
        return try await store.recordUpdate(
            ref: "GP-ACCESS",
            UpdateRecording(
                snapshot: snapshot, format: "txt", channels: [.web], bytes: Data(bytes.utf8),
                sha256: String(repeating: "a", count: 64), data: Data("{}".utf8), quotes: [], waivers: []))
    }

    func latest(_ store: SQLiteStore) async throws -> LoopSummary { try await store.loopSummaries()[0] }

    /// Issue 22, first step: every row is read by column name; a value that cannot be read is an
    /// error naming its column (never a crash, never a silent default), and never quotes the value.
    @Test func aValueThatCannotBeReadIsAnErrorNamingItsColumn() async throws {
        let store = try await answered()
        _ = try await record(store)
        try await store.recordFollowUps(ref: "GP-ACCESS", [(1, .email)], on: date("2026-03-11"))
        try await store.explain(
            activity: "GP-ACCESS", theme: "phones", why: "Staffing is set nationally", reason: .cost,
            changeReason: "We found the rules are national")  // owed again, so their last follow-up is read
        try await store.database.write { db in
            // What another program could do to the file: yswd's own triggers stop these changes.
            try db.execute(sql: "DROP TRIGGER followUp_never_changed")
            try db.execute(sql: "UPDATE followUp SET themes = '{\"phones\": 1}' WHERE participantId = 1")
            try db.execute(sql: "DROP TRIGGER publishedUpdateTheme_immutable_update")
            try db.execute(sql: "UPDATE publishedUpdateTheme SET answer = 'p1@example.org'")
        }
        await #expect(throws: StoreError.unreadable(column: "lastSent")) {
            try await store.followUpRecipients(ref: "GP-ACCESS")
        }
        await #expect(throws: StoreError.unreadable(column: "answer")) { try await store.updates(ref: "GP-ACCESS") }
        let message = StoreError.unreadable(column: "answer").description
        #expect(message.contains("column answer") && !message.contains("p1@example.org"))
    }

    @Test func anUpdateCoversTheRecordUntilAnAnswerChanges() async throws {
        let store = try await answered()
        await #expect(try latest(store).latestUpdate == nil)
        let update = try await record(store)
        #expect(update.number == 1 && update.themes.map(\.key) == ["phones"])
        await #expect(try latest(store).latestUpdate == UpdateFacts(published: date("2026-03-10")))
        await #expect(try latest(store).owedFollowUps == 1)

        try await store.recordFollowUps(ref: "GP-ACCESS", [(1, .email)], on: date("2026-03-11"))
        await #expect(try latest(store).owedFollowUps == 0, "a follow-up sent since the last change")

        // Linking another contribution changes no answer; a changed explanation does.
        try await store.addContribution(activity: "GP-ACCESS", text: "Another view")
        await #expect(try latest(store).latestUpdate?.covers == true)
        await #expect(throws: StoreError.reasonRequired(activity: "GP-ACCESS", update: 1, themes: ["phones"])) {
            try await store.explain(
                activity: "GP-ACCESS", theme: "phones", why: "Staffing is set nationally", reason: .cost)
        }
        await #expect(try latest(store).latestUpdate?.covers == true, "refused, so nothing changed")
        try await store.explain(
            activity: "GP-ACCESS", theme: "phones", why: "Staffing is set nationally", reason: .cost,
            changeReason: "We found the rules are national")
        await #expect(
            try store.changeReasons(activity: "GP-ACCESS", theme: "phones").map(\.reason) == [
                "We found the rules are national"
            ])
        await #expect(try latest(store).latestUpdate?.uncoveredSince == date("2026-11-18"), "the day of the change")
        await #expect(try latest(store).owedFollowUps == 1, "owed again: their theme's answer changed")

        await #expect(try record(store).number == 2)
        await #expect(try latest(store).latestUpdate == UpdateFacts(published: date("2026-03-10")))
    }

    @Test func aChangeBetweenSnapshotAndRecordingIsRefused() async throws {
        let store = try await answered()
        let snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-10"))
        try await store.explain(activity: "GP-ACCESS", theme: "phones", why: "Changed meanwhile", reason: .cost)
        await #expect(throws: StoreError.recordChanged("GP-ACCESS")) {
            try await store.recordUpdate(
                ref: "GP-ACCESS",
                UpdateRecording(
                    snapshot: snapshot, format: "txt", channels: [], bytes: Data(),
                    sha256: String(repeating: "b", count: 64),
                    data: Data(), quotes: [], waivers: []))
        }
        await #expect(try store.updates(ref: "GP-ACCESS").isEmpty)
    }

    @Test func aPublishedUpdateCannotBeChangedOrDeleted() async throws {
        let store = try await answered()
        _ = try await record(store)
        for sql in [
            "UPDATE publishedUpdate SET content = x'00'", "UPDATE publishedUpdate SET sha256 = upper(sha256)",
            "UPDATE publishedUpdate SET content = x'00', redactedAt = 'now', format = 'md'",
            "DELETE FROM publishedUpdate", "DELETE FROM publishedUpdateTheme",
            "UPDATE publishedUpdateTheme SET said = 'x'",
        ] {
            await #expect(throws: DatabaseError.self, "\(sql)") {
                try await store.database.write { try $0.execute(sql: sql) }
            }
        }
        await #expect(try store.update(ref: "GP-ACCESS", number: 1).bytes == Data("update".utf8))
        await #expect(throws: StoreError.unknownUpdate(activity: "GP-ACCESS", number: 2, count: 1)) {
            try await store.update(ref: "GP-ACCESS", number: 2)
        }
        #expect(try historyRows(store, entity: "publishedUpdate").count == 1, "recording is in history")
    }
}
