import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

@testable import FeedbackLoopSQLite

/// A pinned clock, so history times are known.
let pinnedNow = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
let pinnedClock: @Sendable () -> Date = { pinnedNow }

func date(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, field: "date") }

/// A temporary folder of the test's own, removed when the value is dropped.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appending(path: "yswd-test-\(UUID().uuidString)").path()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func sampleActivity(_ ref: String = "GP-ACCESS") -> Activity {
    Activity(
        ref: ref, title: "Getting a GP appointment", purpose: "Understand why booking is hard",
        canInfluence: "The booking line", level: .consult, methods: [.survey, .dropIn], lead: "Sam Patel",
        opens: date("2026-01-05"), closes: date("2026-02-27"), feedbackBy: date("2026-04-30"))
}

/// Every row of every table, as text: equal fingerprints mean an unchanged record.
func fingerprint(_ store: SQLiteStore) throws -> String {
    try store.database.read { db in
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return try tables.map { table in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
            return table + ":" + rows.map(\.description).sorted().joined(separator: "|")
        }.joined(separator: "\n")
    }
}

func historyRows(_ store: SQLiteStore, entity: String) throws -> [Row] {
    try store.database.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM history WHERE entity = ? ORDER BY id", arguments: [entity])
    }
}
