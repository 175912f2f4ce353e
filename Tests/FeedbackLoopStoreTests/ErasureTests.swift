import FeedbackLoop
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopStore

@Suite struct ErasureTests {
    @Test func erasureLeavesNoContactDetailsAnywhereInTheFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("yswd.sqlite")
        let store = try EngagementStore.open(path: path, mode: .createIfMissing, actor: "a").store
        let email = "jo.private.person@example.org"
        let phone = "07700 900461"
        let address = "17 Secret Gardens, Coventry"
        let said = "My neighbour Dr Quentin Example told me the surgery lost my records"
        try store.addActivity(sampleActivity())
        try store.addParticipant(
            Participant(ref: "P-9", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, email: "old.address@example.org", prefers: .email))
        try store.updateParticipant(ref: "P-9") { _, contact in
            contact.email = email
            contact.phone = phone
            contact.address = address
        }
        let contribution = try store.addContribution(activity: "GP-ACCESS", text: said, participantRef: "P-9")
        try store.addTheme(
            activity: "GP-ACCESS", key: "records", said: "Records go missing",
            contributions: [.single(contribution.id!)])

        let report = try store.eraseParticipant(ref: "P-9", contributions: true)
        #expect(report.contactRemoved)
        #expect(report.contributionsRedacted == 1)
        try store.database.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }

        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes += wal }
        for secret in [email, "old.address@example.org", phone, address, said, "Quentin"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the database file")
        }
        // The participant, their theme link and the counts stay.
        let themes = try store.themes(activity: "GP-ACCESS")
        #expect(themes.first?.contributions == 1)
        #expect(themes.first?.people == 1)
        let participant = try #require(try store.participants().first)
        #expect(participant.erased)
        #expect(participant.contactOnFile.isEmpty)
        #expect(try store.contributions(activity: "GP-ACCESS").first?.text == EngagementStore.erasedText)
        // History says the erasure happened, without the details.
        #expect(try store.history().contains { $0.redactedAt != nil && $0.entity == "participantContact" })
        #expect(throws: StoreError.participantErased("P-9")) {
            try store.updateParticipant(ref: "P-9") { _, contact in contact.email = "again@example.org" }
        }
    }

    @Test func withoutContributionsTheirWordsStay() throws {
        let store = try EngagementStore.inMemory()
        try store.addActivity(sampleActivity())
        try store.addParticipant(
            Participant(ref: "P-1"), contact: ParticipantContact(participantId: 0, email: "p1@example.org"))
        try store.addContribution(activity: "GP-ACCESS", text: "Evening appointments please", participantRef: "P-1")
        let report = try store.eraseParticipant(ref: "P-1", contributions: false)
        #expect(report.contributionsRedacted == 0)
        #expect(try store.contributions(activity: "GP-ACCESS").first?.text == "Evening appointments please")
        let history = try fingerprint(store)
        #expect(!history.contains("p1@example.org"))
    }

    @Test func erasingSomeoneUnknownIsRefused() throws {
        let store = try EngagementStore.inMemory()
        #expect(throws: StoreError.unknownParticipant("P-404")) {
            try store.eraseParticipant(ref: "P-404", contributions: true)
        }
    }
}
