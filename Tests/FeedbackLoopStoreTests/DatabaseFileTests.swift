import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopSQLite

@Suite struct DatabaseFileTests {
    @Test func initCreatesAnOwnerOnlyWALDatabase() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("yswd.sqlite")
        let (store, created) = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "a")
        #expect(created)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        await #expect(try store.database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        await #expect(try store.database.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        // A second init finds it and changes nothing.
        #expect(try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "a").created == false)
    }

    @Test func everyOtherCommandNeedsAnExistingDatabase() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("missing.sqlite")
        #expect(throws: StoreError.missingDatabase(path: path)) { try SQLiteStore.open(path: path, actor: "a") }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.missingDatabase(path: path).description.contains("yswd init"))
    }

    @Test func aFolderIsRefused() async throws {
        let folder = try TemporaryFolder()
        #expect(throws: StoreError.databaseIsDirectory(path: folder.path)) {
            try SQLiteStore.open(path: folder.path, mode: .createIfMissing, actor: "a")
        }
    }

    @Test func aPathUnderARegularFileIsRefused() async throws {
        let folder = try TemporaryFolder()
        let file = folder.file("notes.txt")
        try Data("hello".utf8).write(to: URL(fileURLWithPath: file))
        let path = file + "/yswd.sqlite"
        #expect(throws: StoreError.databaseUnderFile(path: path, file: file)) {
            try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "a")
        }
    }

    @Test func aFileThatIsNotAYswdDatabaseIsRefusedAndLeftUntouched() async throws {
        let folder = try TemporaryFolder()
        let text = folder.file("notes.txt")
        try Data(String(repeating: "minutes of the meeting\n", count: 300).utf8).write(to: URL(fileURLWithPath: text))
        let other = folder.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: other)
            try await queue.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
            try queue.close()
        }
        for path in [text, other] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for mode in [SQLiteStore.OpenMode.existing, .createIfMissing] {
                #expect(throws: StoreError.notYswdDatabase(path: path)) {
                    try SQLiteStore.open(path: path, mode: mode, actor: "a")
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aDatabaseFromANewerYswdIsRefusedAndLeftUntouched() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("yswd.sqlite")
        do {
            let store = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "a").store
            try await store.database.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future')")
            }
            try await store.database.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerDatabase(path: path)) { try SQLiteStore.open(path: path, actor: "a") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(StoreError.newerDatabase(path: path).description.contains("newer version of yswd"))
    }

    @Test func theSchemaComesFromTheEmbeddedMigrations() {
        #expect(SQLiteStore.knownMigrations.first == "0001_engagement_record")
        #expect(SQLiteStore.knownMigrations == SQLiteStore.knownMigrations.sorted())
    }
}
