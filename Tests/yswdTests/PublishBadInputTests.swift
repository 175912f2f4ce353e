import Foundation
import Testing

/// The bad inputs of publishing: one plain-English error naming the bad value, exit status 2, and
/// nothing written — neither to the database nor to the files asked for.
@Suite struct PublishBadInputTests {
    /// The publishing record, with one update recorded, a second activity with no themes, a file
    /// where a folder is expected, and template folders with a missing and a broken template.
    static let template: Yswd = try! build()

    private static func build() throws -> Yswd {
        let yswd = try PublishCommandTests.prepared()
        try yswd.ok("publish", "GP", "--record", "--as-of", "2026-03-10")
        try yswd.ok(
            "activity", "add", "EMPTY", "--title", "Nothing yet", "--purpose", "p", "--can-influence", "c", "--level",
            "consult")
        try yswd.ok(
            "activity", "add", "NOC", "--title", "Buses", "--purpose", "p", "--can-influence", "c", "--level", "consult"
        )
        try yswd.ok("contribution", "add", "NOC", "--text", "We want more buses")
        try yswd.ok("theme", "add", "NOC", "buses", "--said", "More buses", "--contribution", "1")
        try yswd.ok("explain", "NOC", "buses", "--why", "The council runs the buses", "--reason", "outside-control")
        try yswd.ok(
            "activity", "add", "OPEN", "--title", "Hours", "--purpose", "p", "--can-influence", "c", "--level",
            "consult", "--public-contact", "hours@example.nhs.uk")
        try yswd.ok("contribution", "add", "OPEN", "--text", "Open longer")
        try yswd.ok("theme", "add", "OPEN", "hours", "--said", "Longer hours", "--contribution", "1")
        try yswd.ok("contribution", "add", "GP", "--text", "The cafe is dear", "--participant", "P-1")
        try yswd.ok("contribution", "update", "GP", "5", "--out-of-scope", "About the cafe")
        return yswd
    }

    /// A copy of the record, with a file where a folder is expected, and template folders with a
    /// missing and a broken template.
    private static func prepared() throws -> Yswd {
        let yswd = try template.copy(with: ["a-file": Data("a file".utf8)])
        for (folder, files) in [
            ("missing", ["update.html.mustache": "<p>{{title}}</p>"]),
            ("broken", ["update.html.mustache": "<p>{{title}}</p>\n{{#themes}}\n<p>{{youSaid}}</p>\n"]),
        ] {
            try FileManager.default.createDirectory(
                atPath: yswd.folder + "/" + folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: "\(yswd.folder)/\(folder)/\(name)"))
            }
        }
        return yswd
    }

    static let cases: [(arguments: [String], mentions: String)] = [
        (["publish", "NOPE"], "'NOPE'"),
        (["publish", "EMPTY"], "EMPTY has no themes"),
        (["publish", "GP", "--out", "no-such-folder/update.html"], "no-such-folder"),
        (["publish", "GP", "--out", "missing"], "missing is a folder"),
        (["publish", "GP", "--format", "md", "--template", "missing"], "has no update.md.mustache"),
        (["publish", "GP", "--template", "broken"], "broken/update.html.mustache does not parse at line"),
        (["publish", "GP", "--allow", "PF-0123456789"], "PF-0123456789 matches no privacy finding"),
        (["publish", "GP", "--as-of", "2026-02-30"], "2026-02-30"),
        (["updates", "NOPE"], "'NOPE'"),
        (["updates", "GP", "--show", "9"], "GP has no update 9; its updates are numbered 1 to 1"),
        (["updates", "GP", "--diff", "1", "7"], "GP has no update 7"),
        (["updates", "EMPTY", "--show", "1"], "none has been recorded yet"),
        (["followups", "GP", "--out", "a-file"], "a-file is a file"),
        (["followups", "GP", "--out", "nowhere/followups"], "nowhere"),
        (["followups", "GP", "--out", "fu", "--template", "missing"], "has no followup-"),
        (["followups", "GP", "--out", "fu", "--mark-sent", "P-4"], "'P-4' is not owed a follow-up"),
        (["followups", "GP", "--out", "fu", "--mark-sent", "P-3"], "'P-3' cannot be sent a follow-up"),
        (["followups", "EMPTY", "--out", "fu"], "EMPTY has no themes"),
        (["quote", "add", "GP", "phone", "4"], "participant P-4 did not agree to be quoted"),
        (["quote", "add", "GP", "phone", "5"], "contribution 5 cannot be quoted: it is marked out of scope"),
        (["quote", "add", "GP", "parking", "1"], "it is not linked to theme parking"),
        (["quote", "add", "GP", "phone", "6"], "there is no contribution 6"),
        (["quote", "remove", "GP", "parking", "1"], "contribution 1 is not a chosen quote of theme parking"),
        (
            ["theme", "update", "GP", "parking", "--easy-read", String(repeating: "Easy. ", count: 90)],
            "keep it to 500"
        ),
        (
            ["decision", "update", "GP", "callback", "--easy-read", String(repeating: "x", count: 501)],
            "501 characters"
        ),
        (
            [
                "explain", "GP", "parking", "--why", "w", "--reason", "cost", "--easy-read",
                String(repeating: "y", count: 600),
            ],
            "--easy-read is 600 characters long"
        ),
        (["publish", "NOC"], "no public contact is set"),
        (["followups", "NOC", "--out", "fu"], "yswd activity update NOC --public-contact"),
        (["publish", "OPEN", "--out", "open.html"], "theme hours of OPEN has no answer yet"),
        (["config", "set", "public-url", "example dot org"], "'example dot org' is not a web address"),
        (["site", "--out", "a-file"], "a-file is a file"),
        (["site", "--out", "site", "--template", "no-such-folder"], "--template no-such-folder is not a folder"),
        (["site", "--out", "site", "--template", "missing"], "has no site-"),
    ]

    /// Values outside an option's list are caught by the parser: exit status 64, and nothing written.
    @Test(arguments: [
        ["publish", "GP", "--format", "pdf", "--out", "u.pdf"],
        ["publish", "GP", "--record", "--channel", "pigeon"],
        ["publish", "GP", "--quote-mode", "random"],
        ["report", "--year", "2026", "--format", "docx", "--out", "r.docx"],
    ])
    func aValueNotInTheListWritesNothing(arguments: [String]) throws {
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let files = try FileManager.default.contentsOfDirectory(atPath: yswd.folder).sorted()
        let result = try yswd.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: The value '"), "\(result.stderr)")
        #expect(try yswd.fingerprint() == before, "the database is unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: yswd.folder).sorted() == files)
    }

    @Test(arguments: cases.indices)
    func isRefusedAndChangesNothing(index: Int) async throws {
        let (arguments, mentions) = Self.cases[index]
        let yswd = try Self.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let files = try FileManager.default.contentsOfDirectory(atPath: yswd.folder).sorted()
        let result = try yswd.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(mentions), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try yswd.fingerprint() == before, "the database is unchanged")
        let after = try FileManager.default.contentsOfDirectory(atPath: yswd.folder).sorted()
        #expect(after.filter { !$0.hasPrefix("yswd.sqlite") } == files.filter { !$0.hasPrefix("yswd.sqlite") })
    }
}
