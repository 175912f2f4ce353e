import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Testing
import YswdTestSupport

@testable import FeedbackLoopSQLite

@Suite struct HistoryTests {
    @Test func insertUpdateAndDeleteAreRecordedWithActorTimeAndValues() async throws {
        let store = try SQLiteStore.inMemory(actor: "jo.bloggs", clock: pinnedClock)
        try await store.addActivity(sampleActivity())
        try await store.updateActivity(ref: "GP-ACCESS") { $0.title = "Booking a GP appointment" }
        let added = try await store.addContribution(activity: "GP-ACCESS", text: "The phone line is always busy")
        try await store.removeContribution(activity: "GP-ACCESS", number: added.number!)

        let activity = try historyRows(store, entity: "activity")
        #expect(activity.map { $0["action"] as String } == ["insert", "update"])
        #expect(activity.allSatisfy { $0["actor"] == "jo.bloggs" && $0["at"] == "2026-11-18T11:06:40.000Z" })
        #expect(activity[0]["before"] == nil as String?)
        let before = try #require(activity[1]["before"] as String?)
        let after = try #require(activity[1]["after"] as String?)
        #expect(before.contains("\"title\":\"Getting a GP appointment\""))
        #expect(after.contains("\"title\":\"Booking a GP appointment\""))

        let contribution = try historyRows(store, entity: "contribution")
        #expect(contribution.map { $0["action"] as String } == ["insert", "delete"])
        #expect((contribution[1]["before"] as String?)?.contains("The phone line is always busy") == true)
        #expect(contribution[1]["after"] == nil as String?)
    }

    @Test(arguments: Engine.available) func historyIsListedPerActivityAndSinceADate(engine: Engine) async throws {
        let store = try await engine.store(clock: pinnedClock)
        try await store.addActivity(sampleActivity("A"))
        try await store.addActivity(sampleActivity("B"))
        try await store.addTheme(activity: "B", key: "parking", said: "Parking is hard")
        await #expect(try store.history(activity: "B").map(\.entity) == ["activity", "theme"])
        await #expect(try store.history(activity: "B").allSatisfy { $0.activityRef == "B" })
        await #expect(try store.history(since: date("2026-11-18")).count == 3)
        await #expect(try store.history(since: date("2026-11-19")).isEmpty)
        await #expect(throws: StoreError.unknownActivity("C")) { try await store.history(activity: "C") }
    }

    @Test func historyCannotBeChangedOrDeleted() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.addActivity(sampleActivity())
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { try $0.execute(sql: "DELETE FROM history") }
        }
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { try $0.execute(sql: "UPDATE history SET actor = 'someone else'") }
        }
        await #expect(try store.history().count == 1)
        await #expect(try store.history().first?.actor == "test")
    }

    @Test func rowsWrittenByABatchAreNotRecordedOneByOne() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.addActivity(sampleActivity())
        try await store.database.write { db in
            try db.execute(
                sql: "INSERT INTO batch (id, kind, description, actor, at) VALUES (1, 'import', 'x.csv', 'a', 'now')")
            try db.execute(
                sql:
                    "INSERT INTO contribution (activityId, text, batchId, number) SELECT activity.id, 'bulk ' || value, 1, value FROM activity, json_each('[1,2,3]')"
            )
        }
        await #expect(try store.contributions(activity: "GP-ACCESS").count == 3)
        #expect(try historyRows(store, entity: "contribution").isEmpty)
        // A later change to one of those rows by hand is recorded.
        try await store.updateContribution(activity: "GP-ACCESS", number: 1, text: "corrected")
        #expect(try historyRows(store, entity: "contribution").map { $0["action"] as String } == ["update"])
    }

    @Test func historyIsStillThereAfterReopeningTheFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("record.sqlite")
        do {
            let store = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "first", clock: pinnedClock)
                .store
            try await store.addActivity(sampleActivity())
            try await store.updateActivity(ref: "GP-ACCESS") { $0.lead = "Priya Shah" }
        }
        let reopened = try SQLiteStore.open(path: path, actor: "second").store
        let entries = try await reopened.history(activity: "GP-ACCESS")
        #expect(entries.map(\.action) == ["insert", "update"])
        #expect(entries.allSatisfy { $0.actor == "first" })
        #expect(entries[1].after?.contains("Priya Shah") == true)
    }
}
