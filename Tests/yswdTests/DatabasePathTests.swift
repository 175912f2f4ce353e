import Foundation
import GRDB
import Testing

@Suite(.onSQLite("the database file and its path")) struct DatabasePathTests {
    @Test(arguments: [["activity", "list"], ["history"], ["participant", "add", "P-1"], ["backup", "copy.sqlite"]])
    func everyCommandButInitNeedsTheDatabase(arguments: [String]) async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        let result = try yswd.run(arguments)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: there is no yswd database at yswd.sqlite; run `yswd init` to create one, or give --database PATH\n"
        )
        #expect(!FileManager.default.fileExists(atPath: yswd.database))
    }

    @Test func initCreatesTheDefaultDatabaseOwnerOnly() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        #expect(try yswd.ok("init") == "Created the yswd database yswd.sqlite.\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: yswd.database)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try yswd.ok("init").contains("already a yswd database"))
    }

    @Test func theDatabaseComesFromTheOptionThenTheEnvironment() async throws {
        var yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init", "--database", "chosen.sqlite")
        #expect(FileManager.default.fileExists(atPath: yswd.folder + "/chosen.sqlite"))
        yswd.environment["YSWD_DATABASE"] = "from-env.sqlite"
        try yswd.ok("init")
        #expect(FileManager.default.fileExists(atPath: yswd.folder + "/from-env.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: yswd.database))
    }

    @Test func globalOptionsMayComeBeforeTheCommand() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("--database", "first.sqlite", "init")
        try yswd.ok("--database=first.sqlite", "--actor", "jo", "participant", "add", "P-1")
        #expect(
            try yswd.ok("history", "--database", "first.sqlite", "--format", "csv").contains(",jo,insert,participant"))
        #expect(!FileManager.default.fileExists(atPath: yswd.database))
    }

    @Test func aFolderAPathUnderAFileAndAForeignFileAreRefusedUntouched() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try FileManager.default.createDirectory(atPath: yswd.folder + "/records", withIntermediateDirectories: false)
        try Data("shopping list".utf8).write(to: URL(fileURLWithPath: yswd.folder + "/notes.txt"))
        let cases: [(String, String)] = [
            ("records", "records is a folder, not a database file"),
            ("notes.txt/yswd.sqlite", "notes.txt is a file, not a folder"),
            ("notes.txt", "notes.txt is not a yswd database; it was left untouched"),
        ]
        for (path, message) in cases {
            for command in [["init"], ["activity", "list"]] {
                let result = try yswd.run(command + ["--database", path])
                #expect(result.status == 2)
                #expect(result.stderr.contains(message), "\(result.stderr)")
            }
        }
        #expect(try String(contentsOfFile: yswd.folder + "/notes.txt", encoding: .utf8) == "shopping list")
    }

    @Test func aDatabaseFromANewerYswdIsRefused() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        do {
            let queue = try DatabaseQueue(path: yswd.database)
            try await queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('9999_later')") }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: yswd.database))
        let result = try yswd.run(["activity", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("was written by a newer version of yswd"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: yswd.database)) == before)
    }
}
