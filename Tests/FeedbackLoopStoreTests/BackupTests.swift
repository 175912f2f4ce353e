import FeedbackLoop
import Foundation
import GRDB
import Synchronization
import Testing

@testable import FeedbackLoopStore

@Suite struct BackupTests {
    @Test func aBackupTakenDuringWritesIsConsistent() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("yswd.sqlite")
        let store = try EngagementStore.open(path: path, mode: .createIfMissing, actor: "a").store
        try store.addActivity(sampleActivity())

        // A second connection, as another yswd process would have, writes while backups are taken.
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Thread.detachNewThread {
            do {
                let other = try EngagementStore.open(path: path, actor: "b").store
                for number in 1...300 {
                    try other.addContribution(activity: "GP-ACCESS", text: "View number \(number)")
                }
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        var backups: [String] = []
        for index in 1...5 {
            let backup = folder.file("backup-\(index).sqlite")
            try store.backup(to: backup)
            backups.append(backup)
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw error }

        for backup in backups {
            let permissions = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            let copy = try EngagementStore.open(path: backup, actor: "c").store
            #expect(try copy.database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
            // Consistent: every contribution in the copy has its history entry, and no more.
            let (contributions, entries) = try copy.database.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM contribution")!,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM history WHERE entity = 'contribution'")!
                )
            }
            #expect(contributions == entries)
        }
    }

    @Test func aBackupNeverOverwritesAFile() throws {
        let folder = try TemporaryFolder()
        let store = try EngagementStore.open(path: folder.file("yswd.sqlite"), mode: .createIfMissing, actor: "a").store
        let existing = folder.file("keep.sqlite")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: StoreError.fileExists(path: existing)) { try store.backup(to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious")
    }
}
