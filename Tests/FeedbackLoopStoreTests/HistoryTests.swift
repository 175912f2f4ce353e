import FeedbackLoop
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopStore

@Suite struct HistoryTests {
    @Test func insertUpdateAndDeleteAreRecordedWithActorTimeAndValues() throws {
        let store = try EngagementStore.inMemory(actor: "jo.bloggs", clock: pinnedClock)
        try store.addActivity(sampleActivity())
        try store.updateActivity(ref: "GP-ACCESS") { $0.title = "Booking a GP appointment" }
        let added = try store.addContribution(activity: "GP-ACCESS", text: "The phone line is always busy")
        try store.removeContribution(activity: "GP-ACCESS", number: added.number!)

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

    @Test func historyIsListedPerActivityAndSinceADate() throws {
        let store = try EngagementStore.inMemory(clock: pinnedClock)
        try store.addActivity(sampleActivity("A"))
        try store.addActivity(sampleActivity("B"))
        try store.addTheme(activity: "B", key: "parking", said: "Parking is hard")
        #expect(try store.history(activity: "B").map(\.entity) == ["activity", "theme"])
        #expect(try store.history(activity: "B").allSatisfy { $0.activityRef == "B" })
        #expect(try store.history(since: date("2026-11-18")).count == 3)
        #expect(try store.history(since: date("2026-11-19")).isEmpty)
        #expect(throws: StoreError.unknownActivity("C")) { try store.history(activity: "C") }
    }

    @Test func historyCannotBeChangedOrDeleted() throws {
        let store = try EngagementStore.inMemory()
        try store.addActivity(sampleActivity())
        #expect(throws: DatabaseError.self) {
            try store.database.write { try $0.execute(sql: "DELETE FROM history") }
        }
        #expect(throws: DatabaseError.self) {
            try store.database.write { try $0.execute(sql: "UPDATE history SET actor = 'someone else'") }
        }
        #expect(try store.history().count == 1)
        #expect(try store.history().first?.actor == "test")
    }

    @Test func rowsWrittenByABatchAreNotRecordedOneByOne() throws {
        let store = try EngagementStore.inMemory()
        try store.addActivity(sampleActivity())
        try store.database.write { db in
            try db.execute(
                sql: "INSERT INTO batch (id, kind, description, actor, at) VALUES (1, 'import', 'x.csv', 'a', 'now')")
            try db.execute(
                sql:
                    "INSERT INTO contribution (activityId, text, batchId, number) SELECT activity.id, 'bulk ' || value, 1, value FROM activity, json_each('[1,2,3]')"
            )
        }
        #expect(try store.contributions(activity: "GP-ACCESS").count == 3)
        #expect(try historyRows(store, entity: "contribution").isEmpty)
        // A later change to one of those rows by hand is recorded.
        try store.updateContribution(activity: "GP-ACCESS", number: 1, text: "corrected")
        #expect(try historyRows(store, entity: "contribution").map { $0["action"] as String } == ["update"])
    }

    @Test func historyIsStillThereAfterReopeningTheFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("record.sqlite")
        do {
            let store = try EngagementStore.open(path: path, mode: .createIfMissing, actor: "first", clock: pinnedClock)
                .store
            try store.addActivity(sampleActivity())
            try store.updateActivity(ref: "GP-ACCESS") { $0.lead = "Priya Shah" }
        }
        let reopened = try EngagementStore.open(path: path, actor: "second").store
        let entries = try reopened.history(activity: "GP-ACCESS")
        #expect(entries.map(\.action) == ["insert", "update"])
        #expect(entries.allSatisfy { $0.actor == "first" })
        #expect(entries[1].after?.contains("Priya Shah") == true)
    }
}
