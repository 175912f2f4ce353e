import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Testing
import YswdTestSupport

@testable import FeedbackLoopSQLite

@Suite struct ErasureTests {
    @Test func erasureLeavesNoContactDetailsAnywhereInTheFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("yswd.sqlite")
        let store = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "a").store
        let email = "jo.private.person@example.org"
        let phone = "07700 900461"
        let address = "17 Secret Gardens, Coventry CV1 2ZZ"
        let said = "My neighbour Dr Quentin Example told me the surgery lost my records"
        try await store.addActivity(sampleActivity())
        try await store.addParticipant(
            Participant(ref: "P-9", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, email: "old.address@example.org", prefers: .email))
        try await store.updateParticipant(ref: "P-9") { _, contact in
            contact.email = email
            contact.phone = phone
            contact.address = address
        }
        let contribution = try await store.addContribution(activity: "GP-ACCESS", text: said, participantRef: "P-9")
        try await store.addTheme(
            activity: "GP-ACCESS", key: "records", said: "Records go missing",
            contributions: [.single(contribution.id!)])

        let report = try await store.eraseParticipant(ref: "P-9", contributions: true)
        #expect(report.contactRemoved)
        #expect(report.contributionsRedacted == 1)
        try await store.database.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }

        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes += wal }
        for secret in [email, "old.address@example.org", phone, address, said, "Quentin"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the database file")
        }
        // The participant, their theme link and the counts stay.
        let themes = try await store.themes(activity: "GP-ACCESS")
        #expect(themes.first?.contributions == 1)
        #expect(themes.first?.people == 1)
        let participant = try await #require(try store.participants().first)
        #expect(participant.erased)
        #expect(participant.contactOnFile.isEmpty)
        await #expect(try store.contributions(activity: "GP-ACCESS").first?.text == StorePolicy.erasedText)
        // History says the erasure happened, without the details.
        await #expect(try store.history().contains { $0.redactedAt != nil && $0.entity == "participantContact" })
        await #expect(throws: StoreError.participantErased("P-9")) {
            try await store.updateParticipant(ref: "P-9") { _, contact in contact.email = "again@example.org" }
        }
    }

    @Test func withoutContributionsTheirWordsStay() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.addActivity(sampleActivity())
        try await store.addParticipant(
            Participant(ref: "P-1"), contact: ParticipantContact(participantId: 0, email: "p1@example.org"))
        try await store.addContribution(
            activity: "GP-ACCESS", text: "Evening appointments please", participantRef: "P-1")
        let report = try await store.eraseParticipant(ref: "P-1", contributions: false)
        #expect(report.contributionsRedacted == 0)
        await #expect(try store.contributions(activity: "GP-ACCESS").first?.text == "Evening appointments please")
        let history = try fingerprint(store)
        #expect(!history.contains("p1@example.org"))
    }

    @Test(arguments: Engine.available) func erasingSomeoneUnknownIsRefused(engine: Engine) async throws {
        let store = try await engine.store()
        await #expect(throws: StoreError.unknownParticipant("P-404")) {
            try await store.eraseParticipant(ref: "P-404", contributions: true)
        }
    }
}
