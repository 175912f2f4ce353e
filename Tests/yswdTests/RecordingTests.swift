import Foundation
import Testing

@Suite struct RecordingTests {
    @Test func aWorkflowIsRecordedAndShown() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        #expect(
            try yswd.ok(
                "activity", "add", "GP-ACCESS", "--title", "Getting a GP appointment", "--purpose",
                "Understand booking",
                "--can-influence", "The booking line", "--level", "consult", "--method", "survey", "--method",
                "drop-in",
                "--lead", "Sam Patel", "--opens", "2026-01-05", "--closes", "2026-02-27", "--feedback-by", "2026-04-30",
                "--feedback-channel", "web") == "Added activity GP-ACCESS.\n")
        try yswd.ok("participant", "add", "P-1", "--email", "p1@example.org", "--prefers", "email", "--wants-feedback")
        #expect(
            try yswd.ok("contribution", "add", "GP-ACCESS", "--text", "Engaged at 8am", "--participant", "P-1")
                == "Added contribution 1 to GP-ACCESS.\n")
        try yswd.ok("contribution", "add", "GP-ACCESS", "--text", "No slots online", "--method", "survey")
        try yswd.ok("contribution", "add", "GP-ACCESS", "--text", "Parking is awful")
        #expect(
            try yswd.ok("theme", "add", "GP-ACCESS", "phones", "--said", "Phones are busy", "--contribution", "1-2")
                .contains("linked to 2"))
        try yswd.ok("theme", "add", "GP-ACCESS", "parking", "--said", "Parking is hard", "--contribution", "3")
        try yswd.ok(
            "decision", "add", "GP-ACCESS", "callback", "--text", "We will add a call-back option",
            "--responds-to", "phones:partly", "--due", "2026-06-30")
        try yswd.ok("explain", "GP-ACCESS", "phones", "--why", "Staffing is set nationally", "--reason", "cost")
        try yswd.ok("explain", "GP-ACCESS", "parking", "--why", "The council owns it", "--reason", "outside-control")
        try yswd.ok("evaluate", "GP-ACCESS", "--worked", "Drop-ins", "--improve", "Start earlier")

        let show = try yswd.ok("activity", "show", "GP-ACCESS")
        for expected in [
            "GP-ACCESS: Getting a GP appointment", "Sam Patel", "survey, drop-in", "Feedback by     2026-04-30",
            "[phones] Phones are busy", "answered (partly adopted, rest explained)",
            "We will add a call-back option [callback: planned, due 2026-06-30]",
            "We didn't, because (outside-control): The council owns it", "What worked: Drop-ins",
            "Contributions: 3 from 1 named participant",
        ] {
            #expect(show.contains(expected), "activity show lacks: \(expected)")
        }
        #expect(!show.contains("p1@example.org"))

        // Dropping the decision leaves the partly-adopted theme explained only.
        try yswd.ok("decision", "update", "GP-ACCESS", "callback", "--status", "dropped")
        let themes = try yswd.ok("theme", "list", "GP-ACCESS", "--format", "json")
        let decoded = try JSONSerialization.jsonObject(with: Data(themes.utf8)) as? [[String: Any]]
        #expect(decoded?.first(where: { $0["key"] as? String == "phones" })?["answer"] as? String == "explained")
    }

    @Test func listingsComeAsTableJSONAndCSV() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "A1", "--title", "Say \"hello\", please", "--purpose", "p", "--can-influence", "c",
            "--level", "involve", "--service", "Maternity")
        try yswd.ok(
            "activity", "add", "A2", "--title", "Other", "--purpose", "p", "--can-influence", "c", "--level", "consult")
        let json = try yswd.ok("activity", "list", "--format", "json", "--service", "Maternity")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["canInfluence"] as? String == "c")
        #expect(array.first?["ref"] as? String == "A1")
        let csv = try yswd.ok("activity", "list", "--format", "csv")
        #expect(csv.hasPrefix("ref,title,level,lead,service,opens,closes,feedbackBy\r\n"))
        #expect(csv.contains("A1,\"Say \"\"hello\"\", please\",involve,,Maternity"))
        let table = try yswd.ok("activity", "list")
        #expect(table.hasPrefix("REF"))
        #expect(table.contains("A2"))
        #expect(try yswd.ok("participant", "list") == "No participants recorded.\n")
        #expect(try yswd.ok("participant", "list", "--format", "json") == "[\n\n]\n")
    }

    @Test func updatesReplaceListsAndClearFields() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "A1", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level", "involve",
            "--partner", "Age UK", "--partner", "Mind", "--resources", "Two days", "--closes", "2026-03-01")
        try yswd.ok(
            "activity", "update", "A1", "--partner", "Carers Trust", "--clear", "resources", "--cadence-weeks", "6")
        let json = try yswd.ok("activity", "show", "A1", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let record = try #require(report["record"] as? [String: Any])
        let activity = try #require(record["activity"] as? [String: Any])
        #expect(activity["partners"] as? [String] == ["Carers Trust"])
        #expect(activity["resources"] == nil)
        #expect(activity["closes"] == nil)
        #expect(activity["cadenceWeeks"] as? Int == 6)
        let history = try yswd.ok("history", "A1", "--format", "csv")
        #expect(history.contains("test-actor"))
        #expect(history.contains(#"partners: “Age UK”, “Mind” → “Carers Trust”"#))
    }

    @Test func erasureRemovesContactDetailsAndSaysWhatItDid() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "A1", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level", "involve")
        try yswd.ok("participant", "add", "P-1", "--email", "secret@example.org", "--phone", "07700 900999")
        try yswd.ok("contribution", "add", "A1", "--text", "My private story", "--participant", "P-1")
        let output = try yswd.ok("participant", "erase", "P-1", "--contributions")
        #expect(output.contains("removed their contact details"))
        #expect(output.contains("erased the text of 1 contribution"))
        let everything = try yswd.ok("history", "--format", "json") + yswd.ok("contribution", "list", "A1")
        #expect(!everything.contains("secret@example.org"))
        #expect(!everything.contains("My private story"))
        #expect(try !yswd.databaseHolds("secret@example.org"))
    }

    @Test func demoBuildsASampleInANewFileAndIgnoresTheEnvironment() async throws {
        var yswd = try Yswd()
        defer { yswd.remove() }
        yswd.environment["YSWD_DATABASE"] = "real.sqlite"
        let output = try yswd.ok("demo", "--database", "sample.sqlite")
        #expect(output.contains("Built a sample engagement record in sample.sqlite"))
        #expect(output.contains("GP-ACCESS"))
        #expect(!FileManager.default.fileExists(atPath: yswd.folder + "/real.sqlite"))
        let show = try yswd.ok("activity", "show", "GP-ACCESS", "--database", "sample.sqlite")
        #expect(show.contains("Themes (you said): 3"))
        // Into an existing file it refuses.
        let again = try yswd.run(["demo", "--database", "sample.sqlite"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        // Without --database it makes a temporary one and says where.
        let temporary = try yswd.ok("demo")
        let path = try #require(temporary.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        #expect(FileManager.default.fileExists(atPath: path))
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
