import FeedbackLoopStore
import Foundation
import GRDB

/// Checks a database path before SQLite touches it, so a wrong path gets a clear message and a
/// file that is not a yswd database is left exactly as it was.
enum DatabaseLocation {
    /// What is at the path.
    enum Found {
        case nothing
        case emptyFile
        case yswdDatabase
    }

    /// The application id yswd writes into its database header (`'yswd'`).
    static let applicationID: Int32 = 0x7973_7764

    static func inspect(_ path: String, knownMigrations: Set<String>) throws -> Found {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.databaseIsDirectory(path: path) }
            return try probe(path, knownMigrations: knownMigrations)
        }
        try checkCreatable(path)
        return .nothing
    }

    /// Checks that nothing on the way to a missing path is a regular file.
    static func checkCreatable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        var ancestor = folder
        while !ancestor.isEmpty {
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw StoreError.databaseUnderFile(path: path, file: ancestor) }
                break
            }
            let parent = (ancestor as NSString).deletingLastPathComponent
            if parent == ancestor { break }
            ancestor = parent
        }
    }

    /// Creates an empty file readable and writable by its owner only, for SQLite to fill.
    static func createOwnerOnly(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            throw StoreError.folderMissing(path: path, folder: folder)
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw StoreError.fileExists(path: path) }
            throw StoreError.backupFailed(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Reads the header through a read-only connection: the file is never modified here.
    private static func probe(_ path: String, knownMigrations: Set<String>) throws -> Found {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { return .emptyFile }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(StorePolicy.busyTimeout)  // another yswd may be writing
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard id == applicationID else { throw StoreError.notYswdDatabase(path: path) }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                if !Set(applied).isSubset(of: knownMigrations) { throw StoreError.newerDatabase(path: path) }
                return .yswdDatabase
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notYswdDatabase(path: path)
        }
    }
}
