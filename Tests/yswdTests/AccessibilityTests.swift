import Foundation
import Testing

/// Every participant-facing web page, rendered in headless Chromium and checked by axe-core 4.x
/// against the WCAG 2.2 A and AA rules: zero violations.
///
/// Needs Debian's chromium and chromium-driver, a Python with selenium, and axe.min.js; `.ci/run`
/// installs them (into .build/axe-venv and .build/axe). YSWD_AXE_PYTHON and YSWD_AXE_JS point elsewhere.
@Suite(.onSQLite("the browser tests run on one engine")) struct AccessibilityTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func tool(_ variable: String, default path: String) -> String {
        ProcessInfo.processInfo.environment[variable] ?? root.appending(path: path).path
    }

    @Test func everyWebPageHasNoWCAGViolations() async throws {
        let python = Self.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")
        let axe = Self.tool("YSWD_AXE_JS", default: ".build/axe/axe.min.js")
        try #require(
            FileManager.default.isExecutableFile(atPath: python) && FileManager.default.fileExists(atPath: axe),
            "the browser check needs \(python) with selenium and \(axe): run `bash .ci/run` once, or set YSWD_AXE_PYTHON and YSWD_AXE_JS"
        )

        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok(
            "participant", "add", "P-5", "--address", "5 Mill Lane, Coventry CV1 5AB", "--prefers", "easy-read",
            "--wants-feedback")
        try yswd.ok("contribution", "add", "GP", "--text", "Easy read please", "--participant", "P-5")
        try yswd.ok(
            "participant", "add", "P-6", "--name", "Ann Smith", "--address", "6 Mill Lane, Coventry CV1 6AB",
            "--prefers",
            "large-print", "--wants-feedback")
        try yswd.ok("contribution", "add", "GP", "--text", "Big print please", "--participant", "P-6")
        try yswd.ok("theme", "link", "GP", "parking", "--contribution", "5", "--contribution", "6")
        try yswd.ok("publish", "GP", "--format", "html", "--out", "update.html", "--record")
        try yswd.ok("publish", "GP", "--format", "easy-read", "--out", "easy-read.html", "--record", "--add-to", "1")
        try yswd.ok(
            "publish", "GP", "--format", "large-print", "--out", "large-print.html", "--record", "--add-to", "1")
        try yswd.ok("followups", "GP", "--out", "followups")
        try yswd.ok("site", "--out", "site")
        // Hostile text must not break the page's structure either.
        try yswd.ok(
            "theme", "update", "GP", "parking", "--said", "\u{202E}مرحبا <script>x</script> \"><b>👍🏽", "--reason",
            "We reworded it")
        try yswd.ok("publish", "GP", "--format", "html", "--out", "hostile.html")
        // A later update with what changed, and the site with the earlier ones marked as replaced.
        try yswd.ok("decision", "update", "GP", "callback", "--due", "2026-09-30", "--reason", "The supplier is late")
        try yswd.ok("publish", "GP", "--format", "html", "--out", "update-3.html", "--record")
        try yswd.ok("publish", "GP", "--format", "easy-read", "--out", "update-3-easy-read.html")
        try yswd.ok("site", "--out", "site-2")

        let pages = [
            "update.html", "easy-read.html", "large-print.html", "followups/P-2-letter.html",
            "followups/P-5-easy-read.html", "followups/P-6-large-print-letter.html",
            "site/index.html", "site/updates/GP-1.html", "site/updates/GP-1.easy-read.html", "hostile.html",
            "update-3.html", "update-3-easy-read.html",
            "site-2/index.html", "site-2/updates/GP-1.html", "site-2/updates/GP-1.large-print.html",
            "site-2/updates/GP-2.html",
        ].map { yswd.folder + "/" + $0 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appending(path: "Tests/accessibility/axe_check.py").path, axe] + pages
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "axe-core found violations:\n\(output)")
        #expect(output.components(separatedBy: ", 0 violated").count == pages.count + 1, "\(output)")
    }

    /// The update and the letter in Welsh then English, and in Urdu (right to left): the golden files.
    @Test func pagesInOtherLanguagesHaveNoWCAGViolations() async throws {
        let python = Self.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")
        let axe = Self.tool("YSWD_AXE_JS", default: ".build/axe/axe.min.js")
        try #require(
            FileManager.default.isExecutableFile(atPath: python) && FileManager.default.fileExists(atPath: axe))
        let pages = ["update.cy+en.html", "letter.cy+en.html", "update.ur.html", "letter.ur.html"].map {
            Self.root.appending(path: "Tests/FeedbackLoopPublishTests/Fixtures/\($0)").path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appending(path: "Tests/accessibility/axe_check.py").path, axe] + pages
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "axe-core found violations:\n\(output)")
        #expect(output.components(separatedBy: ", 0 violated").count == pages.count + 1, "\(output)")
    }
}
