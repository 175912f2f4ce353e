import Foundation
import Testing

/// Issue 19, finding 2: an update is one thing in several renditions.
@Suite struct RenditionTests {
    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func oneUpdateInThreeFormatsIsOneUpdate() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok(
            "publish", "GP", "--record", "--format", "html", "--format", "easy-read", "--format", "large-print",
            "--out", "update-1")
        let updates = try Self.json(try yswd.ok("updates", "GP", "--format", "json"))
        #expect(updates.count == 1)
        #expect(updates.first?["renditions"] as? [String] == ["html", "easy-read", "large-print"])
        for file in ["GP-1.html", "GP-1.easy-read.html", "GP-1.large-print.html"] {
            #expect(FileManager.default.fileExists(atPath: yswd.folder + "/update-1/" + file), "\(file)")
        }
        let easy = try String(contentsOfFile: yswd.folder + "/update-1/GP-1.easy-read.html", encoding: .utf8)
        #expect(try yswd.ok("updates", "GP", "--show", "1", "--rendition", "easy-read") == easy)
        let large = try String(contentsOfFile: yswd.folder + "/update-1/GP-1.large-print.html", encoding: .utf8)
        #expect(large.contains("font-size:18pt"), "large print")

        // Added later, while the record still says the same: still update 1.
        let added = try yswd.run(["publish", "GP", "--record", "--add-to", "1", "--format", "md", "--out", "u.md"])
        #expect(added.status == 0 && added.stderr.contains("Added md to update 1 of GP"), "\(added.stderr)")
        #expect(try Self.json(try yswd.ok("updates", "GP", "--format", "json")).count == 1)
        let again = try yswd.run(["publish", "GP", "--record", "--add-to", "1", "--format", "md", "--out", "v.md"])
        #expect(again.status == 2 && again.stderr.contains("was already published as md"))

        // The site shows it once, with its renditions, and never as replaced.
        try yswd.ok("site", "--out", "site")
        let index = try String(contentsOfFile: yswd.folder + "/site/index.html", encoding: .utf8)
        #expect(index.components(separatedBy: "updates/GP-1.html").count == 2, "listed once")
        #expect(index.contains("updates/GP-1.easy-read.html") && index.contains("updates/GP-1.md"))
        let page = try String(contentsOfFile: yswd.folder + "/site/updates/GP-1.html", encoding: .utf8)
        #expect(!page.contains("This update was replaced"))
        #expect(page.contains("This update is also in:"))

        // Follow-ups cite the update's number.
        try yswd.ok("followups", "GP", "--out", "followups")
        let letter = try String(contentsOfFile: yswd.folder + "/followups/P-2-letter.html", encoding: .utf8)
        #expect(letter.contains("Reference: GP/1"))
    }

    @Test func aRenditionIsNotAddedOnceTheRecordHasChanged() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("publish", "GP", "--record", "--format", "html", "--out", "u.html")
        try yswd.ok("decision", "update", "GP", "callback", "--due", "2026-09-30", "--reason", "The supplier is late")
        let before = try yswd.fingerprint()
        let late = try yswd.run(["publish", "GP", "--record", "--add-to", "1", "--format", "easy-read", "--out", "e"])
        #expect(late.status == 2 && late.stderr.contains("has changed since update 1 was published"))
        #expect(try yswd.fingerprint() == before)
        let none = try yswd.run(["publish", "GP", "--record", "--add-to", "7", "--format", "easy-read", "--out", "e"])
        #expect(none.status == 2 && none.stderr.contains("7"))
    }

    @Test func erasureTakesAQuoteOutOfEveryRendition() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("publish", "GP", "--record", "--format", "html", "--format", "easy-read", "--out", "u")
        #expect(
            try yswd.ok("updates", "GP", "--show", "1", "--rendition", "easy-read").contains(
                PublishCommandTests.quote))
        try yswd.ok("participant", "erase", "P-1", "--contributions")
        let shown = try yswd.run(["updates", "GP", "--show", "1", "--rendition", "easy-read"])
        #expect(!shown.stdout.contains(PublishCommandTests.quote))
        #expect(shown.stderr.contains("this update was redacted on"))
        #expect(try !yswd.databaseHolds(PublishCommandTests.quote), "nowhere in the database")
    }
}

/// A rendition added with a privacy finding allowed records the waiver, with the rendition, in one write.
@Suite struct RenditionWaiverTests {
    @Test func aWaiverGivenWhileAddingARenditionIsInHistory() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("theme", "update", "GP", "parking", "--said", "Parking is hard, ring me on 07700 900123")
        let refused = try yswd.run(["publish", "GP", "--record", "--out", "u.html"])
        let id = try #require(refused.stderr.split(separator: " ").first { $0.hasPrefix("PF-") }.map(String.init))
        try yswd.ok("publish", "GP", "--record", "--out", "u.html", "--allow", id)
        let before = try yswd.ok("history", "GP", "--format", "json").components(separatedBy: id).count
        let stopped = try yswd.run(["publish", "GP", "--record", "--add-to", "1", "--format", "md", "--out", "u.md"])
        #expect(stopped.status == 2 && stopped.stderr.contains(id), "the same finding stops the rendition")
        try yswd.ok("publish", "GP", "--record", "--add-to", "1", "--format", "md", "--out", "u.md", "--allow", id)
        let after = try yswd.ok("history", "GP", "--format", "json").components(separatedBy: id).count
        #expect(after > before, "the waiver for the rendition is in history")
    }
}
