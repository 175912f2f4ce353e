import Foundation
import Testing

@Suite struct LoopsCommandTests {
    /// One activity that closed on 31 January with feedback promised by 1 March, one theme answered.
    static let template: Yswd = try! build()

    private static func build() throws -> Yswd {
        let yswd = try Yswd()
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "GP", "--title", "GP access", "--purpose", "Find out", "--can-influence", "Booking",
            "--level", "consult", "--lead", "Sam Patel", "--opens", "2026-01-05", "--closes", "2026-01-31",
            "--feedback-by", "2026-03-01")
        try yswd.ok("contribution", "add", "GP", "--text", "Phones are busy")
        try yswd.ok("theme", "add", "GP", "phones", "--said", "Phones are busy", "--contribution", "1")
        try yswd.ok(
            "decision", "add", "GP", "callback", "--text", "Call-back", "--responds-to", "phones", "--due", "2026-06-30"
        )
        return yswd
    }

    static func prepared() throws -> Yswd { try template.copy() }

    @Test(arguments: [
        ([], "2026-03-02", Int32(0)),
        (["--fail-on", "overdue"], "2026-03-02", 1),
        (["--fail-on", "overdue"], "2026-03-01", 0),
        (["--fail-on", "due-soon"], "2026-02-20", 1),
        (["--fail-on", "due-soon"], "2026-03-02", 1),
        (["--fail-on", "due-soon"], "2026-01-10", 0),
        (["--fail-on", "open"], "2026-01-10", 1),
        (["--fail-on", "open", "--state", "closed"], "2026-01-10", 0),
        (["--fail-on", "overdue", "--lead", "Nobody"], "2026-03-02", 0),
        (["--fail-on", "overdue", "--due-soon-days", "30"], "2026-02-20", 0),
        (["--fail-on", "due-soon", "--due-soon-days", "5"], "2026-02-20", 0),
    ])
    func failOnExitCodes(options: [String], asOf: String, status: Int32) throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let result = try yswd.run(["loops", "--as-of", asOf] + options)
        #expect(result.status == status, "\(options) as of \(asOf): \(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    /// `--state` lists the loops in that state, closed ones included, and says so when there are none
    /// (issue 19: `--state closed` said "No open feedback loops").
    @Test func aStateFilterNamesTheStateWhenNothingIsInIt() async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let none = try yswd.ok("loops", "--as-of", "2026-03-05", "--state", "closed")
        #expect(none == "No feedback loops are closed as of 5 March 2026.\n")
        let ready = try yswd.ok("loops", "--as-of", "2026-03-05", "--state", "ready-to-publish", "--format", "csv")
        #expect(ready.contains("GP,GP access,ready-to-publish"))
    }

    @Test func jsonRowsHaveStableKeys() async throws {

        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let output = try yswd.ok("loops", "--as-of", "2026-03-05", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(
            Set(row.keys) == [
                "ref", "title", "lead", "state", "due", "daysOverdue", "timing", "flags", "missing", "nextStep",
            ])
        #expect(row["state"] as? String == "ready-to-publish")
        #expect(row["due"] as? String == "2026-03-01")
        #expect(row["daysOverdue"] as? Int == 4)
        let missing = try #require(row["missing"] as? [String: Any])
        #expect(missing["unansweredThemes"] as? Int == 0)
        #expect((missing["overdueCommitments"] as? [Any])?.isEmpty == true)
        // A commitment past its date is listed once overdue.
        let later = try yswd.ok("loops", "--as-of", "2026-07-01", "--format", "csv")
        #expect(later.contains("1 commitment overdue"))
    }

    @Test func theDigestIsOneMessagePerLead() async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        try yswd.ok(
            "activity", "add", "MH", "--title", "Crisis care", "--purpose", "p", "--can-influence", "c", "--level",
            "involve", "--lead", "Priya Shah", "--opens", "2026-01-05", "--closes", "2026-01-20")
        let digest = try yswd.ok("loops", "--digest", "--as-of", "2026-03-03")
        #expect(digest.contains("To: Sam Patel"))
        #expect(digest.contains("- GP (GP access): 2 days overdue (due 1 March 2026)."))
        #expect(!digest.contains("To: Priya Shah"))  // due 14 April: not yet pressing
        let later = try yswd.ok("loops", "--digest", "--as-of", "2026-04-10")
        #expect(later.contains("To: Priya Shah"))
        #expect(later.contains("Next: record what people said, or explain why nobody took part."))
        #expect(
            try yswd.ok("loops", "--digest", "--as-of", "2026-01-10").contains("No activity is overdue or due soon"))
    }

    @Test func checkAndShowHoldTheActivityToThePrinciples() async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let check = try yswd.ok("check", "GP", "--as-of", "2026-03-05", "--format", "json")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [[String: Any]])
        let principles = try #require(results.first?["principles"] as? [[String: Any]])
        #expect(principles.count == 8)
        #expect(
            principles.map { $0["verdict"] as? String } == [
                "met", "not-recorded", "at-risk", "not-recorded", "not-met", "not-recorded", "not-met", "not-recorded",
            ])
        let show = try yswd.ok("activity", "show", "GP", "--as-of", "2026-03-05")
        #expect(show.contains("Feedback loop: ready-to-publish, due 1 March 2026"))
        let timely = show.split(separator: "\n").first { $0.contains("5 Timely") }.map(String.init) ?? ""
        #expect(timely.contains("not-met"))
        #expect(timely.contains("open for 27 days before it closed, less than the 28 days people need"))
    }

    @Test func settingsChangeTheRulesAndLandInHistory() async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        #expect(try yswd.ok("config", "set", "min-window-days", "21") == "Set min-window-days to 21.\n")
        #expect(
            try yswd.ok("config", "list").split(separator: "\n").contains {
                $0.hasPrefix("min-window-days ") && $0.hasSuffix(" 21")
            })
        let check = try yswd.ok("check", "GP", "--as-of", "2026-03-05", "--format", "csv")
        #expect(check.contains("GP,5 Timely,met"))
        #expect(try yswd.ok("history", "--format", "csv").contains("setting"))
    }

    static let badInputs: [(arguments: [String], mentions: String)] = [
        (["loops", "--as-of", "2026-02-30"], "2026-02-30"),
        (["loops", "--as-of", "today"], "today"),
        (["loops", "--due-soon-days=-3"], "-3"),
        (["check", "NOPE"], "'NOPE'"),
        (["check", "--as-of", "31/13/2026"], "31/13/2026"),
        (["config", "set", "due-soon-days", "-1"], "'-1'"),
        (["config", "set", "feedback-weeks", "2.5"], "'2.5'"),
        (["config", "set", "timezone", "Europe/Atlantis"], "Europe/Atlantis"),
        (["generate", "--activities", "5", "--contributions", "20"], "--force"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRefusedAndChangesNothing(arguments: [String], mentions: String) async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(try yswd.fingerprint() == before)
    }

    @Test func generateFillsAnEmptyDatabaseAsOneBatch() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        let output = try yswd.ok(
            "generate", "--activities", "30", "--contributions", "900", "--seed", "5", "--as-of", "2026-11-27")
        #expect(output.hasPrefix("Generated 30 activities, 900 contributions"))
        #expect(try yswd.ok("history", "--format", "csv").split(separator: "\r\n").count == 2)  // header + one batch
        #expect(try yswd.ok("loops", "--as-of", "2026-11-27", "--format", "csv").split(separator: "\r\n").count > 10)
    }
}

/// Issue 19, findings 4, 6 and 13 through the command line.
@Suite struct PublishingRulesTests {
    @Test func unthemedViewsStopAnUpdateUnlessEarlyAndTheUpdateSaysSo() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("contribution", "add", "GP", "--text", "Not themed yet")
        try yswd.ok("contribution", "add", "GP", "--text", "Nor this")
        let before = try yswd.fingerprint()
        let refused = try yswd.run(["publish", "GP", "--record", "--out", "u.html"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("2 views of GP are not yet grouped into themes"), "\(refused.stderr)")
        #expect(try yswd.fingerprint() == before)
        let early = try yswd.run(["publish", "GP", "--format", "txt", "--early", "--as-of", "2026-03-10"])
        #expect(early.status == 0)
        #expect(
            early.stdout.contains("2 views are not yet grouped into themes. We will report on them by 30 April 2026."))
        #expect(early.stderr.contains("the update says 2 views are not yet grouped into themes"))
    }

    @Test func checkWarnsOfADoneDecisionThatStillPromises() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok(
            "decision", "add", "GP", "signs", "--text", "We will replace the signs", "--responds-to", "parking",
            "--status", "done")
        let check = try yswd.run(["check", "GP"])
        #expect(check.status == 0)
        #expect(check.stderr.contains("decision signs of GP is done, but its text still says what we will do"))
        let publish = try yswd.run(["publish", "GP", "--format", "txt"])
        #expect(publish.stderr.contains("decision signs is done, but its text still says what we will do"))
    }

    @Test func oneFollowUpOwedIsSingular() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("publish", "GP", "--record", "--out", "u.html", "--as-of", "2026-03-10")
        try yswd.ok("participant", "update", "P-1", "--no-wants-feedback")
        let loops = try yswd.ok("loops", "--as-of", "2026-03-11")
        #expect(loops.contains("1 follow-up") && !loops.contains("1 follow-ups"), "\(loops)")
    }
}
