import FeedbackLoop
import FeedbackLoopStore
import FeedbackLoopSynthetic
import Foundation
import GRDB
import Testing
import YswdTestSupport

@testable import FeedbackLoopSQLite

@Suite struct LoopSummaryTests {
    /// A small record with one of everything the summary counts.
    private func record() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(clock: pinnedClock)
        try await store.addActivity(sampleActivity("GP"))
        try await store.addActivity(sampleActivity("OTHER"))
        try await store.addParticipant(
            Participant(ref: "P-email", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, email: "a@example.org", prefers: .email))
        try await store.addParticipant(
            Participant(ref: "P-letter-no-address", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, email: "b@example.org", prefers: .letter))
        try await store.addParticipant(
            Participant(ref: "P-none", wantsFeedback: true),
            contact: ParticipantContact(participantId: 0, prefers: PreferredFormat.none))
        try await store.addParticipant(
            Participant(ref: "P-quiet"), contact: ParticipantContact(participantId: 0, email: "c@example.org"))
        for (text, who) in [
            ("one", "P-email"), ("two", "P-email"), ("three", "P-letter-no-address"), ("four", "P-none"),
            ("five", "P-quiet"), ("six", nil), ("seven", nil),
        ] {
            try await store.addContribution(activity: "GP", text: text, participantRef: who)
        }
        try await store.addContribution(activity: "OTHER", text: "elsewhere", participantRef: "P-email")
        try await store.updateContribution(activity: "GP", number: 7, outOfScope: .some("about parking"))
        try await store.addTheme(activity: "GP", key: "a", said: "Theme A", contributions: [.range(from: 1, to: 4)])
        try await store.addTheme(activity: "GP", key: "b", said: "Theme B", contributions: [.single(2), .single(5)])
        try await store.addTheme(activity: "GP", key: "c", said: "Theme C")
        try await store.addDecision(
            activity: "GP",
            Decision(
                activityId: 0, key: "d1", text: "We did A", status: .done,
                responds: [ThemeResponse(theme: "a", outcome: .adopted)]))
        try await store.addDecision(
            activity: "GP",
            Decision(
                activityId: 0, key: "d2", text: "We will partly do B", status: .planned, due: date("2026-06-30"),
                responds: [ThemeResponse(theme: "b", outcome: .partly)]))
        try await store.addDecision(
            activity: "GP",
            Decision(
                activityId: 0, key: "d3", text: "Dropped", status: .dropped, due: date("2026-01-01"),
                responds: [ThemeResponse(theme: "c", outcome: .adopted)]))
        try await store.addDecision(
            activity: "GP", Decision(activityId: 0, key: "d4", text: "We will, someday", status: .inProgress))
        try await store.explain(activity: "GP", theme: "b", why: "Cost", reason: .cost)
        return store
    }

    @Test func theSummaryCountsWhatTheRulesNeed() async throws {
        let store = try await record()
        let summary = try await #require(try store.loopSummaries(LoopFilter(ref: "GP")).first)
        #expect(summary.contributions == 7)
        #expect(summary.unthemed == 1)  // "six": "seven" is out of scope
        #expect(summary.themes.map(\.answer) == [.adopted, .partlyExplained, .unanswered])
        #expect(summary.openCommitments == [Commitment(decision: "d2", due: date("2026-06-30"))])
        #expect(summary.commitmentsWithoutDue == 1)
        #expect(summary.owedFollowUps == 2)  // P-email, P-letter-no-address; P-none prefers none, P-quiet did not ask
        #expect(summary.unreachable == 1)  // a letter with no address
        #expect(summary.lead == "Sam Patel")
    }

    @Test func theUnthemedCountFollowsLinksAsTheyChange() async throws {
        let store = try await record()
        func unthemed() async throws -> Int { try await store.loopSummaries(LoopFilter(ref: "GP"))[0].unthemed }
        try await store.linkTheme(activity: "GP", key: "c", contributions: [.single(6)])
        await #expect(try unthemed() == 0)
        try await store.removeTheme(activity: "GP", key: "c")
        await #expect(try unthemed() == 1)
        try await store.removeTheme(activity: "GP", key: "a")  // 1, 3, 4 lose their only theme; 2 keeps b
        await #expect(try unthemed() == 4)
        try await store.removeContribution(activity: "GP", number: 6)
        await #expect(try unthemed() == 3)
        await #expect(try store.contributions(activity: "GP", unthemedOnly: true).map(\.id) == [1, 3, 4])
        // Linking is not a change to what someone said: no contribution history for it.
        #expect(
            try historyRows(store, entity: "contribution").allSatisfy {
                $0["action"] as String != "update" || $0["entityId"] as Int64 == 7
            })
    }

    @Test func theSummaryQueryNeverScansEveryContribution() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.generate(activities: 40, contributions: 2_000, seed: 3, today: date("2026-11-27"))
        try await store.database.write { try $0.execute(sql: "ANALYZE") }
        let plan = try await store.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.loopSummarySQL).map {
                $0["detail"] as String
            }
        }
        #expect(!plan.isEmpty)
        let scans = plan.filter { $0.hasPrefix("SCAN") && ($0.contains("contribution") || $0.hasPrefix("SCAN c ")) }
        #expect(scans.isEmpty, "full scans of contribution: \(scans)")
        #expect(plan.contains { $0.contains("SEARCH c USING") })
    }

    @Test func generateIsRepeatableAndOneBatch() async throws {
        func build() async throws -> (SQLiteStore, GenerateReport) {
            let store = try SQLiteStore.inMemory(actor: "bench", clock: pinnedClock)
            let report = try await store.generate(
                activities: 60, contributions: 3_000, seed: 42, today: date("2026-11-27"))
            return (store, report)
        }
        let (first, report) = try await build()
        let (second, _) = try await build()
        #expect(report.activities == 60)
        #expect(report.contributions == 3_000)
        #expect(try fingerprint(first) == fingerprint(second))
        let history = try await first.history()
        #expect(history.count == 1)
        #expect(history.first?.action == "batch")
        #expect(history.first?.after?.contains("\"contributions\":3000") == true)
        // Every loop state a record of this size can be in, with updates recorded for some.
        #expect(report.updates > 0)
        let states = await Set(
            LoopRules().outstanding(try first.loopSummaries(), asOf: date("2026-11-27")).map(\.state))
        #expect(states.isSuperset(of: [.planned, .collecting, .awaitingResponse, .readyToPublish, .followingUp]))
        // The theme-link counts it sets match the links it wrote.
        let mismatches = try await first.database.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM contribution WHERE themeLinks <> (SELECT count(*) FROM themeContribution WHERE contributionId = contribution.id)"
            )
        }
        #expect(mismatches == 0)
    }

    @Test func oneActivitysSummaryIsTheSameAsInTheWholeList() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.generate(activities: 30, contributions: 2_000, seed: 11, today: date("2026-11-27"))
        let all = try await store.loopSummaries()
        #expect(all.contains { $0.owedFollowUps > 0 } && all.contains { $0.unreachable > 0 })
        for summary in all {
            await #expect(try store.loopSummaries(LoopFilter(ref: summary.ref)) == [summary])
        }
        let lead = try #require(all.compactMap(\.lead).first)
        await #expect(try store.loopSummaries(LoopFilter(lead: lead)) == all.filter { $0.lead == lead })
    }

    @Test func generateRefusesARecordThatHoldsData() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.addActivity(sampleActivity())
        let before = try fingerprint(store)
        await #expect(throws: StoreError.notEmpty) {
            try await store.generate(activities: 5, contributions: 10, seed: 1, today: date("2026-11-27"))
        }
        #expect(try fingerprint(store) == before)
        let report = try await store.generate(
            activities: 5, contributions: 10, seed: 1, today: date("2026-11-27"), force: true)
        #expect(report.activities == 5)
        await #expect(try store.activities().count == 6)
    }

    @Test(arguments: Engine.available) func settingsAreStoredAndChangesRecorded(engine: Engine) async throws {
        let store = try await engine.store(actor: "jo")
        await #expect(try store.settings() == TeamSettings())
        try await store.setSetting(.dueSoonDays, to: "21")
        try await store.setSetting(.dueSoonDays, to: "7")
        await #expect(try store.settings().dueSoonDays == 7)
        let history = try await store.history().filter { $0.entity == "setting" }
        #expect(history.map(\.action) == ["insert", "update"])
        #expect(history.last?.before?.contains("\"21\"") == true)
        await #expect(throws: RecordError.unknownTimeZone("Nowhere")) {
            try await store.setSetting(.timeZone, to: "Nowhere")
        }
        await #expect(try store.history().count == 2)
    }

    @Test(arguments: Engine.available) func checkInputsKnowWhenTheFeedbackDateWasPromisedAndWhatCameBefore(
        engine: Engine
    ) async throws {
        let store = try await engine.store(clock: pinnedClock)
        var first = sampleActivity("GP-2025")
        first.title = "Booking a GP appointment"
        first.opens = date("2025-01-06")
        first.closes = date("2025-02-28")
        first.feedbackBy = date("2025-04-30")
        try await store.addActivity(first)
        // Recorded before GP-2026, but opened a year after it: not "earlier" (issue 19, finding 13).
        var later = sampleActivity("GP-2027")
        later.opens = date("2027-01-04")
        later.closes = date("2027-02-26")
        later.feedbackBy = date("2027-04-30")
        try await store.addActivity(later)
        var second = sampleActivity("GP-2026")
        second.feedbackBy = nil
        try await store.addActivity(second)
        try await store.addActivity(
            Activity(
                ref: "MAT", title: "Maternity care", purpose: "Hear new parents", canInfluence: "Wards", level: .involve
            ))
        try await store.updateActivity(ref: "GP-2026") { $0.feedbackBy = date("2026-05-01") }
        let inputs = await Dictionary(uniqueKeysWithValues: try store.checkInputs().map { ($0.activity.ref, $0) })
        #expect(inputs["GP-2025"]?.feedbackPromised == .whenRecorded)
        #expect(inputs["GP-2026"]?.feedbackPromised == .added(date("2026-11-18")))
        #expect(inputs["MAT"]?.feedbackPromised == FeedbackPromise.none)
        #expect(inputs["GP-2026"]?.similarEarlier == ["GP-2025"])
        #expect(inputs["GP-2025"]?.similarEarlier == [])
        #expect(inputs["MAT"]?.similarEarlier == [])
        #expect(inputs["GP-2027"]?.similarEarlier == ["GP-2026", "GP-2025"])
        // One activity at a time, by the same rule.
        await #expect(try store.checkInputs(activity: "GP-2026").first?.similarEarlier == ["GP-2025"])
        await #expect(try store.checkInputs(activity: "GP-2027").first?.similarEarlier == ["GP-2026", "GP-2025"])

        await #expect(throws: StoreError.unknownActivity("NOPE")) { try await store.checkInputs(activity: "NOPE") }
    }
}
