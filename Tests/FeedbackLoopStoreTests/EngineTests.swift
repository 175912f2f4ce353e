import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Testing
import YswdTestSupport

/// Issue 22: the same record, the same answers and the same history on every engine. Each test
/// runs once per engine (`Engine.available`: SQLite, and PostgreSQL when the run has a server).
@Suite struct EngineTests {
    @Test(arguments: Engine.available)
    func activitiesAreAddedChangedListedAndRefusedAlike(engine: Engine) async throws {
        let store = try await engine.store(clock: pinnedClock)
        var second = sampleActivity("B-WARD")
        second.service = "wards"
        try await store.addActivity(second)
        try await store.addActivity(sampleActivity("A-GP"))
        await #expect(throws: StoreError.duplicateActivity("A-GP")) {
            try await store.addActivity(sampleActivity("A-GP"))
        }
        await #expect(throws: StoreError.unknownActivity("NOPE")) { try await store.activity(ref: "NOPE") }

        #expect(try await store.activities().map(\.ref) == ["A-GP", "B-WARD"])
        #expect(try await store.activities(service: "wards").map(\.ref) == ["B-WARD"])
        let changed = try await store.updateActivity(ref: "A-GP") {
            $0.title = "Booking a GP appointment"
            $0.partners = ["Healthwatch", "PPG"]
        }
        let read = try await store.activity(ref: "A-GP")
        #expect(read == changed)
        #expect(read.methods == [.survey, .dropIn])
        #expect(read.partners == ["Healthwatch", "PPG"])
        #expect(read.closes == date("2026-02-27"))
    }

    @Test(arguments: Engine.available)
    func organisationsKeepTheirActivitiesAndSayWhatIsKnown(engine: Engine) async throws {
        let store = try await engine.store()
        try await store.addOrganisation(Organisation(key: "icb", name: "Coventry ICB", kind: .icb))
        try await store.addOrganisation(Organisation(key: "hw", name: "Healthwatch", kind: .healthwatch))
        await #expect(throws: StoreError.duplicateOrganisation("hw")) {
            try await store.addOrganisation(Organisation(key: "hw", name: "Again", kind: .other))
        }
        try await store.setSetting(.defaultOrganisation, to: "hw")
        try await store.addActivity(sampleActivity())
        #expect(try await store.organisations().map(\.activities) == [1, 0])
        #expect(try await store.activities(organisation: "hw").map(\.ref) == ["GP-ACCESS"])
        await #expect(throws: StoreError.organisationInUse(key: "hw", activities: 1)) {
            try await store.removeOrganisation(key: "hw")
        }
        await #expect(throws: StoreError.unknownOrganisation(key: "x", known: ["hw", "icb"])) {
            try await store.organisation(key: "x")
        }
        let renamed = try await store.updateOrganisation(key: "icb", name: "Coventry and Warwickshire ICB", kind: nil)
        #expect(try await store.organisationNames()[try #require(renamed.id)] == "Coventry and Warwickshire ICB")
        try await store.removeOrganisation(key: "icb")
        #expect(try await store.organisationIds().keys.sorted() == ["hw"])
    }

    @Test(arguments: Engine.available)
    func settingsAreCheckedAndReturnToTheirDefaults(engine: Engine) async throws {
        let store = try await engine.store()
        #expect(try await store.setSetting(.feedbackWeeks, to: "8").feedbackWeeks == 8)
        #expect(try await store.settings().feedbackWeeks == 8)
        await #expect(throws: RecordError.self) { try await store.setSetting(.feedbackWeeks, to: "soon") }
        await #expect(throws: StoreError.unknownOrganisation(key: "nobody", known: [])) {
            try await store.setSetting(.defaultOrganisation, to: "nobody")
        }
        #expect(try await store.unsetSetting(.feedbackWeeks).feedbackWeeks == TeamSettings().feedbackWeeks)
    }

    @Test(arguments: Engine.available)
    func historyNamesWhoChangedWhatAndWhen(engine: Engine) async throws {
        let store = try await engine.store(actor: "jo.bloggs", clock: pinnedClock)
        try await store.addActivity(sampleActivity("A"))
        try await store.acting(as: "sam.patel").updateActivity(ref: "A") { $0.title = "A new title" }
        try await store.addActivity(sampleActivity("B"))
        let entries = try await store.history(activity: "A")
        #expect(entries.map(\.action) == ["insert", "update"])
        #expect(entries.map(\.actor) == ["jo.bloggs", "sam.patel"])
        #expect(entries.allSatisfy { $0.at == "2026-11-18T11:06:40.000Z" && $0.activityRef == "A" })
        let before =
            try JSONSerialization.jsonObject(with: Data(try #require(entries[1].before).utf8)) as? [String: Any]
        let after = try JSONSerialization.jsonObject(with: Data(try #require(entries[1].after).utf8)) as? [String: Any]
        #expect(before?["title"] as? String == "Getting a GP appointment")
        #expect(after?["title"] as? String == "A new title")
        #expect(try await store.historyCount(HistoryFilter(by: "sam.patel")) == 1)
        #expect(try await store.historyActors() == ["jo.bloggs", "sam.patel"])
        #expect(
            try await store.history(HistoryFilter(), newestFirst: true, limit: 1, offset: 0).map(\.entityId).count == 1)
        #expect(try await store.recordedDates() == ["A": date("2026-11-18"), "B": date("2026-11-18")])
        #expect(try await store.history(since: date("2026-11-19")).isEmpty)
    }

    @Test(arguments: Engine.available)
    func searchFindsEveryWordAsTheStartOfAWord(engine: Engine) async throws {
        let store = try await engine.store()
        try await store.addActivity(sampleActivity("GP"))
        var ward = sampleActivity("WARD")
        ward.title = "Leaving hospital"
        ward.purpose = "Hear about discharge from Ward 12"
        try await store.addActivity(ward)
        #expect(try await store.searchActivities("appoint").map(\.ref) == ["GP"])
        #expect(try await store.searchActivities("DISCHARGE ward").map(\.ref) == ["WARD"])
        #expect(try await store.searchActivities("discharge appointment").isEmpty)
        #expect(try await store.searchActivities("\" OR * -").isEmpty)
    }

    @Test(arguments: Engine.available)
    func theChangeTokenSaysWhichActivitiesChanged(engine: Engine) async throws {
        let store = try await engine.store()
        try await store.addActivity(sampleActivity("A"))
        let token = try await store.changeToken()
        try await store.addActivity(sampleActivity("B"))
        #expect(try await store.changeToken() > token)
        let changed = try #require(try await store.activitiesChanged(since: token))
        #expect(changed.changed == ["B"])
        #expect(changed.removed.isEmpty)
        try await store.setSetting(.feedbackWeeks, to: "6")
        #expect(try await store.activitiesChanged(since: token) == nil, "a setting may change any loop")
    }

    @Test(arguments: Engine.available)
    func anEvaluationIsReplacedNotDoubled(engine: Engine) async throws {
        let store = try await engine.store()
        try await store.addActivity(sampleActivity())
        #expect(
            try await store.evaluate(
                activity: "GP-ACCESS", worked: "Drop-ins", improve: "Reach carers", participantsInvolved: true,
                sharedWith: ["PPG"]) == false)
        #expect(
            try await store.evaluate(
                activity: "GP-ACCESS", worked: "Drop-ins and calls", improve: "Reach carers",
                participantsInvolved: false, sharedWith: []) == true)
        #expect(try await store.historyCount(HistoryFilter(kinds: ["evaluation"])) == 2)
        await #expect(throws: RecordError.self) {
            try await store.evaluate(
                activity: "GP-ACCESS", worked: " ", improve: "x", participantsInvolved: false, sharedWith: [])
        }
    }
}

/// Participants and their private details, alike on every engine.
@Suite struct EngineParticipantTests {
    @Test(arguments: Engine.available)
    func participantsKeepTheirDetailsApartAndListOnlyWhatIsOnFile(engine: Engine) async throws {
        let store = try await engine.store()
        try await store.addParticipant(
            Participant(ref: "P-2", wantsFeedback: true, mayQuote: true),
            contact: ParticipantContact(participantId: 0, name: "Zelda Quinn", email: "zq@example.org", prefers: .email)
        )
        try await store.addParticipant(Participant(ref: "P-1"), contact: ParticipantContact(participantId: 0))
        await #expect(throws: StoreError.duplicateParticipant("P-1")) {
            try await store.addParticipant(Participant(ref: "P-1"), contact: ParticipantContact(participantId: 0))
        }
        await #expect(throws: RecordError.self) {
            try await store.addParticipant(
                Participant(ref: "P-3"), contact: ParticipantContact(participantId: 0, email: "not an email"))
        }
        let all = try await store.participants()
        #expect(all.map(\.ref) == ["P-1", "P-2"])
        #expect(all[1].contactOnFile == ["name", "email"])
        #expect(all[1].prefers == .email)
        #expect(try await store.participants(wantsFeedback: true).map(\.ref) == ["P-2"])

        try await store.updateParticipant(ref: "P-2") { participant, contact in
            participant.mayQuote = false
            contact.email = nil
            contact.phone = "07700 900461"
        }
        let changed = try #require(try await store.participants().last)
        #expect(changed.contactOnFile == ["name", "phone"])
        #expect(!changed.mayQuote)
        #expect(try await store.historyCount(HistoryFilter(kinds: ["participantContact"])) == 2)
    }

    @Test(arguments: Engine.available)
    func anErasedParticipantKeepsNoDetailsAndCannotBeChanged(engine: Engine) async throws {
        let store = try await engine.store()
        try await store.addParticipant(
            Participant(ref: "P-9", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, name: "Jo Private", email: "jo.private@example.org"))
        let report = try await store.eraseParticipant(ref: "P-9", contributions: false)
        #expect(report.contactRemoved)
        let erased = try #require(try await store.participants().first)
        #expect(erased.erased)
        #expect(erased.contactOnFile.isEmpty)
        for entry in try await store.history() {
            #expect(!(entry.before ?? "").contains("jo.private"), "\(entry)")
            #expect(!(entry.after ?? "").contains("jo.private"), "\(entry)")
        }
        await #expect(throws: StoreError.participantErased("P-9")) {
            try await store.updateParticipant(ref: "P-9") { _, contact in contact.email = "again@example.org" }
        }
        #expect(try await store.finishErasure(ref: "P-9") == false, "nothing was left to finish")
        await #expect(throws: StoreError.notErased("P-1")) {
            try await store.addParticipant(Participant(ref: "P-1"), contact: ParticipantContact(participantId: 0))
            try await store.finishErasure(ref: "P-1")
        }
    }
}
