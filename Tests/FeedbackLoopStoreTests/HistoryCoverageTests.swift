import FeedbackLoopStore
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopSQLite

/// History covers every column of every table: each insert, update and delete trigger names each
/// column (as `NEW.column` or `OLD.column`), except those listed here with the reason.
@Suite struct HistoryCoverageTests {
    /// Tables with no history of their own, and why.
    static let tablesWithoutHistory: [String: String] = [
        "history": "history itself",
        "batch": "each bulk write is recorded in history once, as a 'batch' entry",
        "grdb_migrations": "the schema version, not the record",
        "publishedQuote": "private: where each quote sits in a published update's bytes, kept only so erasure can"
            + " take it out (and deleted then); the update's own history records the publication",
        "passwordLink": "secret: a one-time link's token hash; the user's history records a password being set",
        "webSession": "secret: signed-in sessions (id hashes and CSRF tokens), bookkeeping that ends in hours",
        "formDraft": "what someone typed into a form after their session expired, kept for 30 minutes until they"
            + " send it or not; the change they send is recorded then",
        "contributionCounter": "bookkeeping: the last number each activity gave a contribution, so none is given twice;"
            + " each contribution's history records its number",
        "importUpload": "a survey export waiting to be imported, deleted when the import ends; the import itself is"
            + " recorded once, as a batch entry",
        "contactKey": "derived: the words a contact's name and address are looked up by, kept by triggers on"
            + " participantContact, whose own history records the name and address",
        "signInAttempt": "itself the record of sign-ins; a lockout they cause is recorded in accountLock's history",
        "notifySecret": "secret: the Notify API key and callback token, kept out of history on purpose; setting one"
            + " is recorded in history by its name and last four characters only",
    ]

    /// Columns history need not record, by table, and why.
    static let excludedColumns: [String: [String: String]] = [
        "*": ["batchId": "bookkeeping: the bulk write a row came from, recorded once as a batch entry"],
        "contribution": ["themeLinks": "a count kept by triggers on themeContribution, whose own history says it all"],
    ]

    /// Tables whose rows can never be updated or deleted, by the trigger that refuses it.
    static func refused(_ db: Database, table: String, event: String) throws -> Bool {
        let triggers = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", arguments: [table])
        return triggers.contains { sql in
            let text = sql.uppercased()
            return text.contains("BEFORE \(event) ON") && text.contains("RAISE(ABORT") && !text.contains("WHEN")
        }
    }

    /// Columns a BEFORE UPDATE trigger refuses to change (`NEW.c IS NOT OLD.c` in its WHEN).
    static func unchangeable(_ db: Database, table: String) throws -> Set<String> {
        let triggers = try String.fetchAll(
            db,
            sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%RAISE(ABORT%'",
            arguments: [table])
        var columns = Set<String>()
        for sql in triggers where sql.uppercased().contains("BEFORE UPDATE ON") {
            var rest = sql[...]
            while let range = rest.range(of: "NEW.") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
                if rest[range.upperBound...].dropFirst(name.count).hasPrefix(" IS NOT OLD.\(name)") {
                    columns.insert(String(name))
                }
                rest = rest[range.upperBound...]
            }
        }
        return columns
    }

    @Test func everyColumnOfEveryTableIsInItsHistory() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.database.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                        AND name NOT LIKE 'activitySearch%' ORDER BY name
                    """)
            #expect(tables.count >= 15)
            for table in tables where Self.tablesWithoutHistory[table] == nil {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
                    .map { $0["name"] as String }
                    .filter { Self.excludedColumns["*"]?[$0] == nil && Self.excludedColumns[table]?[$0] == nil }
                for (event, names) in [("INSERT", ["NEW"]), ("UPDATE", ["OLD", "NEW"]), ("DELETE", ["OLD"])] {
                    if event != "INSERT", try Self.refused(db, table: table, event: event) { continue }
                    let trigger = try String.fetchOne(
                        db,
                        sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                        arguments: ["\(table)_history_\(event.lowercased())"])
                    guard let trigger else {
                        Issue.record("\(table) has no \(event.lowercased()) history trigger")
                        continue
                    }
                    let guarded = event == "UPDATE" ? try Self.unchangeable(db, table: table) : []
                    for column in columns where !guarded.contains(column) {
                        // A row's own key, and the activity it belongs to, never change: history
                        // names the row by them (entityId, activityId), from NEW.
                        let key =
                            column == "id" || column == "activityId"
                            || column == "participantId"
                                && table == "participantContact"
                        for name in key && event == "UPDATE" ? ["NEW"] : names {
                            #expect(
                                trigger.contains("\(name).\(column)"),
                                "\(table).\(column) is missing from its \(event.lowercased()) history (\(name))")
                        }
                        if event == "UPDATE", !key, let range = trigger.range(of: "UPDATE OF ") {
                            let list = trigger[range.upperBound...].prefix { $0 != "\n" }
                            #expect(list.contains(column), "a change of \(table).\(column) alone is not recorded")
                        }
                    }
                }
            }
        }
    }
}
