import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Synchronization
import Testing

@testable import FeedbackLoopSQLite

@Suite struct BackupTests {
    @Test func aBackupTakenDuringWritesIsConsistent() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("yswd.sqlite")
        let store = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: "a").store
        try await store.addActivity(sampleActivity())

        // A second connection, as another yswd process would have, writes while backups are taken.
        let writes = Task {
            let other = try SQLiteStore.open(path: path, actor: "b").store
            for number in 1...300 {
                try await other.addContribution(activity: "GP-ACCESS", text: "View number \(number)")
            }
        }
        var backups: [String] = []
        for index in 1...5 {
            let backup = folder.file("backup-\(index).sqlite")
            try await store.backup(to: backup)
            backups.append(backup)
        }
        try await writes.value

        for backup in backups {
            let permissions = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            let copy = try SQLiteStore.open(path: backup, actor: "c").store
            await #expect(try copy.database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
            // Consistent: every contribution in the copy has its history entry, and no more.
            let (contributions, entries) = try await copy.database.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM contribution")!,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM history WHERE entity = 'contribution'")!
                )
            }
            #expect(contributions == entries)
        }
    }

    @Test func aBackupNeverOverwritesAFile() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore.open(path: folder.file("yswd.sqlite"), mode: .createIfMissing, actor: "a").store
        let existing = folder.file("keep.sqlite")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: existing))
        await #expect(throws: StoreError.fileExists(path: existing)) { try await store.backup(to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious")
    }
}
