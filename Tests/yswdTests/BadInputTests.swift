import Foundation
import Testing

/// Every bad input of the engagement-record issue: one plain-English line naming the bad value,
/// exit status 2 (64 for argument shape), and the database exactly as it was.
@Suite struct BadInputTests {
    /// A small record to break things against (two activities, themes, a decision, a participant),
    /// built once and copied for each case.
    static let template: Yswd = try! build()

    static func prepared() throws -> Yswd { try template.copy() }

    private static func build() throws -> Yswd {
        let yswd = try Yswd()
        try yswd.ok("init")
        try yswd.ok(
            "activity", "add", "GP", "--title", "GP access", "--purpose", "Find out", "--can-influence", "Booking",
            "--level", "consult", "--opens", "2026-01-05", "--closes", "2026-02-27")
        try yswd.ok(
            "activity", "add", "MH", "--title", "Crisis care", "--purpose", "Find out", "--can-influence", "The café",
            "--level", "involve")
        try yswd.ok("participant", "add", "P-1", "--email", "p1@example.org", "--wants-feedback")
        try yswd.ok("contribution", "add", "GP", "--text", "Phone queue", "--source-id", "S1")  // 1
        try yswd.ok("contribution", "add", "GP", "--text", "Parking")  // 2
        try yswd.ok("contribution", "add", "MH", "--text", "Somewhere to go")  // 3
        try yswd.ok("theme", "add", "GP", "phone", "--said", "Phones are busy", "--contribution", "1")
        try yswd.ok("theme", "add", "MH", "place", "--said", "A place to go")
        try yswd.ok("decision", "add", "GP", "callback", "--text", "Call-back", "--responds-to", "phone")
        return yswd
    }

    static let cases: [(arguments: [String], mentions: String)] = [
        // Unknown activity, theme, decision, participant or contribution.
        (["activity", "show", "NOPE"], "'NOPE'"),
        (["activity", "update", "NOPE", "--title", "x"], "'NOPE'"),
        (["contribution", "add", "NOPE", "--text", "x"], "'NOPE'"),
        (["theme", "update", "GP", "nope", "--said", "x"], "'nope'"),
        (["theme", "remove", "GP", "nope"], "'nope'"),
        (["decision", "update", "GP", "nope", "--text", "x"], "'nope'"),
        (["decision", "remove", "GP", "nope"], "'nope'"),
        (["explain", "GP", "nope", "--why", "x", "--reason", "cost"], "'nope'"),
        (["participant", "update", "P-404", "--may-quote"], "'P-404'"),
        (["participant", "erase", "P-404"], "'P-404'"),
        (["contribution", "add", "GP", "--text", "x", "--participant", "P-404"], "'P-404'"),
        (["contribution", "update", "GP", "99", "--text", "x"], "99"),
        (["contribution", "remove", "GP", "99"], "99"),
        (["theme", "link", "GP", "phone", "--contribution", "99"], "99"),
        // A duplicate ref, key or source id.
        (
            ["activity", "add", "GP", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level", "consult"],
            "'GP'"
        ),
        (["participant", "add", "P-1"], "'P-1'"),
        (["theme", "add", "GP", "phone", "--said", "x"], "'phone'"),
        (["decision", "add", "GP", "callback", "--text", "x"], "'callback'"),
        (["contribution", "add", "GP", "--text", "x", "--source-id", "S1"], "'S1'"),
        // Dates not in YYYY-MM-DD or DD/MM/YYYY, or not real.
        (["activity", "update", "GP", "--opens", "05-01-2026"], "05-01-2026"),
        (["activity", "update", "GP", "--opens", "31/02/2026"], "31/02/2026 is not a real date"),
        (["decision", "update", "GP", "callback", "--due", "30/04/27"], "30/04/27"),
        (["activity", "update", "GP", "--closes", "2026-02-30"], "2026-02-30"),
        (["contribution", "add", "GP", "--text", "x", "--received", "yesterday"], "yesterday"),
        (["decision", "update", "GP", "callback", "--due", "2026-13-01"], "2026-13-01"),
        (["history", "--since", "last week"], "last week"),
        // Closes before opens; closes with a cadence.
        (["activity", "update", "GP", "--closes", "2026-01-01"], "2026-01-01"),
        (
            [
                "activity", "add", "NEW", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level",
                "consult",
                "--closes", "2026-03-01", "--cadence-weeks", "4",
            ], "--cadence-weeks"
        ),
        (["activity", "update", "GP", "--closes", "2026-03-01", "--cadence-weeks", "4"], "--cadence-weeks"),
        (["activity", "update", "MH", "--cadence-weeks", "0"], "0"),
        // An empty required text.
        (
            ["activity", "add", "NEW", "--title", " ", "--purpose", "p", "--can-influence", "c", "--level", "consult"],
            "--title"
        ),
        (["activity", "update", "GP", "--purpose", ""], "--purpose"),
        (["contribution", "add", "GP", "--text", ""], "--text"),
        (["theme", "add", "GP", "new", "--said", ""], "--said"),
        (["decision", "add", "GP", "new", "--text", "  "], "--text"),
        (["explain", "GP", "phone", "--why", "", "--reason", "cost"], "--why"),
        (["evaluate", "GP", "--worked", "", "--improve", "x"], "--worked"),
        // A theme response that is neither adopted nor partly.
        (["decision", "add", "GP", "new", "--text", "x", "--responds-to", "phone:mostly"], "adopted, partly"),
        // --responds-to naming a theme of another activity.
        (["decision", "add", "GP", "new", "--text", "x", "--responds-to", "place"], "'place'"),
        (["decision", "update", "GP", "callback", "--responds-to", "place"], "'place'"),
        // A contribution range that is reversed; a number the activity has not given.
        (["theme", "link", "GP", "phone", "--contribution", "2-1"], "2-1"),
        (["theme", "link", "GP", "phone", "--contribution", "3"], "there is no contribution 3"),
        (["theme", "add", "GP", "new", "--said", "x", "--contribution", "3"], "contribution 3"),
        (["theme", "link", "GP", "phone", "--contribution", "50-60"], "50 to 60"),
        // Withdrawing an explanation that is not there.
        (["explain", "GP", "phone", "--withdraw"], "'phone'"),
        // Refs and keys: letters, digits, '-', '_' and '.', 1 to 64 characters, starting with a letter or digit.
        (
            [
                "activity", "add", "<script>", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level",
                "consult",
            ],
            "contains '<'"
        ),
        (
            [
                "activity", "add", ".hidden", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level",
                "consult",
            ],
            "must start with a letter or a digit"
        ),
        (
            [
                "activity", "add", String(repeating: "A", count: 100_000), "--title", "t", "--purpose", "p",
                "--can-influence", "c", "--level", "consult",
            ], "is 100000 characters long; the most is 64"
        ),
        (["theme", "add", "GP", "two words", "--said", "x"], "contains a space"),
        (["decision", "add", "GP", "../up", "--text", "x"], "'../up' contains '/'"),
        (["participant", "add", "P 2"], "'P 2'"),
        // Emails and phone numbers in shape.
        (["participant", "add", "P-2", "--email", "call me"], "'call me' is not an email address"),
        (["participant", "update", "P-1", "--email", "jo@example"], "'jo@example' is not an email address"),
        (["participant", "add", "P-2", "--phone", "ring my mum"], "'ring my mum' is not a phone number"),
        // Every number option bounded, with the range in the error.
        (["activity", "update", "MH", "--cadence-weeks", "2147483648"], "from 1 to 520"),
        (["loops", "--feedback-weeks", "9223372036854775807"], "from 1 to 520"),
        (["config", "set", "due-soon-days", "99999999999999999999999"], "from 0 to 3650"),
        (["publish", "GP", "--quotes", "99"], "--quotes 99 is out of range; use a whole number from 0 to 20"),
        (["generate", "--activities", "0", "--contributions", "1"], "from 1 to 1000000"),
        // Numbers are each activity's own: one it has not given; a themed contribution out of scope
        // without --unlink.
        (["contribution", "update", "GP", "3", "--text", "x"], "there is no contribution 3"),
        (["contribution", "remove", "MH", "2"], "there is no contribution 2"),
        (["contribution", "update", "GP", "1", "--out-of-scope", "elsewhere"], "--unlink"),
        // Feedback promised before the activity closes, or opens.
        (["activity", "update", "GP", "--feedback-by", "2026-02-01"], "--feedback-by 2026-02-01 is before --closes"),
        (["activity", "update", "MH", "--opens", "2026-05-01", "--feedback-by", "2026-04-01"], "before --opens"),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedWithOneLineAndChangesNothing(arguments: [String], mentions: String) async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run(arguments)
        #expect(result.status == 2, "exit status \(result.status) for \(arguments)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(mentions), "\(result.stderr) does not mention \(mentions)")
        #expect(result.stdout.isEmpty)
        #expect(try yswd.fingerprint() == before, "the database changed")
    }

    /// A value outside an option's fixed list is a command-line mistake the parser catches before
    /// anything opens: one line naming the value, the option and every allowed value, then where help is.
    static let listMistakes: [(arguments: [String], mentions: [String])] = [
        (["activity", "update", "GP", "--level", "shout"], ["'shout'", "--level", "'co-produce'"]),
        (["activity", "update", "GP", "--method", "carrier-pigeon"], ["'carrier-pigeon'", "survey, focus-group"]),
        (["activity", "update", "GP", "--feedback-channel", "fax"], ["'fax'", "web, email, letter"]),
        (
            ["participant", "update", "P-1", "--prefers", "fax"],
            ["'fax'", "email, text, letter, large-print, easy-read"]
        ),
        (["contribution", "add", "GP", "--text", "x", "--method", "telepathy"], ["'telepathy'", "--method"]),
        (["decision", "update", "GP", "callback", "--status", "finished"], ["'finished'", "--status", "'dropped'"]),
        (["explain", "GP", "phone", "--why", "x", "--reason", "money"], ["'money'", "outside-control, cost"]),
        (["activity", "update", "GP", "--clear", "title"], ["'title'", "--clear", "public-summary"]),
        (["loops", "--state", "done"], ["'done'", "--state", "ready-to-publish"]),
        (["loops", "--fail-on", "late"], ["'late'", "--fail-on", "'due-soon'"]),
        (["config", "set", "colour", "blue"], ["'colour'", "feedback-weeks"]),
        (["organisation", "add", "x", "--name", "X", "--kind", "club"], ["'club'", "--kind"]),
        (["contribution", "import", "GP", "f.csv", "--text-column", "t", "--delimiter", "|"], ["'|'", "--delimiter"]),
        (["contribution", "import", "GP", "f.csv", "--text-column", "t", "--encoding", "latin9"], ["'latin9'"]),
    ]

    @Test(arguments: listMistakes)
    func aValueNotInTheListIsACommandLineMistake(arguments: [String], mentions: [String]) async throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run(arguments)
        #expect(result.status == 64, "exit status \(result.status) for \(arguments)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "expected the error and where help is, got: \(result.stderr)")
        #expect(lines.first?.hasPrefix("Error: ") == true)
        for mention in mentions {
            #expect(lines.first?.contains(mention) == true, "\(result.stderr) does not mention \(mention)")
        }
        #expect(lines.last?.contains("--help") == true)
        #expect(result.stdout.isEmpty)
        #expect(try yswd.fingerprint() == before, "the database changed")
    }

    @Test(arguments: [
        ["activity", "add", "X", "--title", "t"],  // missing required options
        ["contribution", "add", "GP"],
        ["theme", "link", "GP", "phone"],
        ["explain", "GP", "phone"],
        ["contribution", "update", "GP", "1"],
        ["contribution", "update", "1", "--text", "x"],  // the activity is missing
        ["activity", "list", "--format", "xml"],
    ])
    func argumentShapeMistakesExitWith64AndChangeNothing(arguments: [String]) throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let result = try yswd.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error:"))
        #expect(try yswd.fingerprint() == before)
    }
}
