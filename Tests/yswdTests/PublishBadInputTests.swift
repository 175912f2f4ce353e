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
        (["publish", "GP", "--format", "pdf"], "'pdf'"),
        (["publish", "EMPTY"], "EMPTY has no themes"),
        (["publish", "GP", "--out", "no-such-folder/update.html"], "no-such-folder"),
        (["publish", "GP", "--out", "missing"], "missing is a folder"),
        (["publish", "GP", "--format", "md", "--template", "missing"], "has no update.md.mustache"),
        (["publish", "GP", "--template", "broken"], "broken/update.html.mustache does not parse at line"),
        (["publish", "GP", "--allow", "PF-0123456789"], "PF-0123456789 matches no privacy finding"),
        (["publish", "GP", "--record", "--channel", "pigeon"], "'pigeon'"),
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
        (["site", "--out", "a-file"], "a-file is a file"),
        (["site", "--out", "site", "--template", "no-such-folder"], "--template no-such-folder is not a folder"),
        (["site", "--out", "site", "--template", "missing"], "has no site-"),
    ]

    @Test(arguments: cases.indices)
    func isRefusedAndChangesNothing(index: Int) throws {
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
