import Foundation
import Testing

/// Issue 22: the CLI, the web app and the workflows know the store only by its protocols. No module
/// but the SQLite engine imports GRDB, the protocols import no driver, and no public declaration of
/// the engine names a GRDB type (bar a calendar date's conversion to a column value), and no domain
/// type is a table record.
@Suite struct PublicSurfaceTests {
    static let sources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources")

    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    @Test func onlyTheSQLiteEngineImportsGRDB() async throws {
        let outside = Self.files(under: Self.sources).filter { !$0.path.contains("/Sources/FeedbackLoopSQLite/") }
        #expect(outside.count > 50)
        for file in outside {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("import GRDB"), "\(file.lastPathComponent) imports GRDB")
        }
    }

    @Test func onlyThePostgreSQLEngineImportsPostgresNIOAndTheProtocolsImportNoDriver() async throws {
        let sources = Self.files(under: Self.sources)
        for file in sources where !file.path.contains("/Sources/FeedbackLoopPostgres/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("import PostgresNIO"), "\(file.lastPathComponent) imports PostgresNIO")
        }
        let protocols = Self.files(under: Self.sources.appending(path: "FeedbackLoopStore"))
        #expect(protocols.count > 10)
        for file in protocols {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(/import (GRDB|PostgresNIO|NIO)/), "\(file.lastPathComponent) imports a driver")
        }
    }

    @Test func noPublicDeclarationOfThePostgreSQLEngineNamesAPostgresNIOType() async throws {
        let driver =
            /\b(PostgresConnection|PostgresClient|PostgresQuery|PostgresRow|PostgresRandomAccessRow|PSQLError|PostgresBindings|PostgresSession|Logger)\b/
        var found: [String] = []
        for file in Self.files(under: Self.sources.appending(path: "FeedbackLoopPostgres")) {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let declaration = line.trimmingCharacters(in: .whitespaces)
                if declaration.hasPrefix("public "), declaration.contains(driver) {
                    found.append("\(file.lastPathComponent): \(declaration)")
                }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    @Test func noPublicDeclarationOfTheStoreNamesAGRDBType() async throws {
        let grdb =
            /\b(Database|DatabaseWriter|DatabaseReader|DatabaseQueue|DatabasePool|Row|StatementArguments|DatabaseValue|PersistenceContainer|Configuration|FetchableRecord|PersistableRecord|TableRecord|Column)\b/
        // Witnesses of a calendar date's conversion to and from a column value (`Records.swift`).
        let known = [
            "public var databaseValue: DatabaseValue", "public static func fromDatabaseValue(_ dbValue: DatabaseValue)",
        ]
        var found: [String] = []
        for file in Self.files(under: Self.sources.appending(path: "FeedbackLoopSQLite")) {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let declaration = line.trimmingCharacters(in: .whitespaces)
                guard declaration.hasPrefix("public "), declaration.contains(grdb),
                    !known.contains(where: { declaration.hasPrefix($0) })
                else { continue }
                found.append("\(file.lastPathComponent): \(declaration)")
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    /// Domain types are not table records: only the engine's internal row types are.
    @Test func noDomainTypeIsATableRecord() async throws {
        let record =
            /extension\s+\w+\s*:[^{]*\b(FetchableRecord|PersistableRecord|MutablePersistableRecord|TableRecord)\b/
        var found: [String] = []
        for file in Self.files(under: Self.sources) {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where line.contains(record)
            {
                found.append("\(file.lastPathComponent): \(line)")
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
