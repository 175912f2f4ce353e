import Foundation
import Testing

/// Issue 19, finding 1: letters that fit a window envelope, greet people as they would expect, and a
/// mailing list with the name and greeting.
@Suite struct LetterTests {
    /// Six address lines of 35 characters each, the most a letter takes.
    static let sixLines = [
        "Flat 12 Harbour View Apartments 1AB", "The Old Cotton Mill by Canal Basin X",
        "17 Long Road off the Ring Road Nrth", "Lower Stoke and Upper Stoke Estate",
        "Coventry and Warwickshire Distrct", "CV1 3JH",
    ]

    static func withLetters() throws -> Yswd {
        let yswd = try PublishCommandTests.prepared()
        try yswd.ok("config", "set", "postal-address", "Engagement team, 1 High Street, Coventry CV1 1AA")
        try yswd.ok(
            "participant", "add", "P-7", "--name", "Mrs Amina Khan", "--address", sixLines.joined(separator: "\n"),
            "--prefers", "letter", "--wants-feedback")
        try yswd.ok(
            "participant", "add", "P-8", "--name", "Tomasz Nowak-Kowalczyk", "--salutation", "Mr Nowak",
            "--address", sixLines.joined(separator: ", "), "--prefers", "large-print", "--wants-feedback")
        try yswd.ok("contribution", "add", "GP", "--text", "Letters please", "--participant", "P-7")
        try yswd.ok("contribution", "add", "GP", "--text", "Large print please", "--participant", "P-8")
        try yswd.ok("theme", "link", "GP", "parking", "--contribution", "5", "--contribution", "6")
        try yswd.ok("publish", "GP", "--format", "html", "--out", "update.html", "--record")
        try yswd.ok("followups", "GP", "--out", "followups")
        return yswd
    }

    @Test func theNameAndSixAddressLinesPrintInsideTheWindowInBothLetterFormats() async throws {
        let python = AccessibilityTests.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "the browser check needs \(python) with selenium: run `bash scripts/test` once, or set YSWD_AXE_PYTHON")
        let yswd = try Self.withLetters()
        defer { yswd.remove() }
        let letters = ["followups/P-7-letter.html", "followups/P-8-large-print-letter.html"].map {
            yswd.folder + "/" + $0
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            [AccessibilityTests.root.appending(path: "Tests/accessibility/letter_window.py").path] + letters
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "a line is outside the window:\n\(output)")
        #expect(output.components(separatedBy: ": 7 lines").count == 3, "name and six lines in each:\n\(output)")
        for line in Self.sixLines + ["Mrs Amina Khan", "Tomasz Nowak-Kowalczyk"] {
            #expect(output.contains("inside  ") && output.contains(line), "\(line)")
        }
    }

    @Test func lettersGreetPeopleAsTheyWouldExpect() async throws {
        let yswd = try Self.withLetters()
        defer { yswd.remove() }
        let letter = try String(contentsOfFile: yswd.folder + "/followups/P-7-letter.html", encoding: .utf8)
        #expect(letter.contains("Dear Mrs Khan,"))
        #expect(!letter.contains("Dear Mrs Amina Khan,"))
        #expect(letter.contains("Mrs Amina Khan<br>Flat 12 Harbour"), "the name heads the address")
        let large = try String(
            contentsOfFile: yswd.folder + "/followups/P-8-large-print-letter.html", encoding: .utf8)
        #expect(large.contains("Dear Mr Nowak,"))
        let mailing = try String(contentsOfFile: yswd.folder + "/followups/mailing.csv", encoding: .utf8)
        let header = mailing.split(separator: "\r\n").first.map(String.init) ?? ""
        #expect(header.contains("participant,format,name,salutation,email"), "\(header)")
        #expect(mailing.contains("P-7,letter,Mrs Amina Khan,Mrs Khan,"))
        #expect(mailing.contains("P-2,letter,,participant,"))
    }

    @Test func anAddressOfMoreThanSixLinesIsRefusedWhenRecorded() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let seven = (Self.sixLines + ["England"]).joined(separator: "\n")
        let added = try yswd.run(["participant", "add", "P-9", "--address", seven, "--prefers", "letter"])
        #expect(added.status == 2)
        #expect(
            added.stderr.contains("--address has 7 lines; a letter's address can have at most 6"), "\(added.stderr)")
        let updated = try yswd.run(["participant", "update", "P-2", "--address", seven])
        #expect(updated.status == 2 && updated.stderr.contains("has 7 lines"))
        #expect(try yswd.fingerprint() == before)
    }
}
