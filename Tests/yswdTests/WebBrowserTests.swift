import Foundation
import Testing
import YswdTestSupport

/// The staff web app end to end, in real headless Chromium, with no command line after the first
/// admin: an officer sets a password, signs in, adds an activity, imports an Excel export, creates
/// a theme and themes in bulk, answers every theme, previews, checks and publishes, marks one
/// follow-up sent, changes the published decision with a reason, reads it in history, builds the
/// site and signs out; axe-core checks every page on the way at three widths, forms showing errors
/// included, and no page scrolls sideways at 320 px.
@Suite(.serialized, .onSQLite("the browser tests run on one engine")) struct WebBrowserTests {
    @Test func anOfficerClosesALoopInTheBrowser() async throws {
        let python = AccessibilityTests.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")
        let axe = AccessibilityTests.tool("YSWD_AXE_JS", default: ".build/axe/axe.min.js")
        try #require(
            FileManager.default.isExecutableFile(atPath: python) && FileManager.default.fileExists(atPath: axe),
            "the browser test needs \(python) with selenium and \(axe): run `bash scripts/test`")
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        try yswd.ok("config", "set", "organisation", "Coventry and Warwickshire ICB")
        let port = 18_000 + Int(getpid() % 2_000)
        let base = "http://127.0.0.1:\(port)"
        let added = try yswd.ok(
            "user", "add", "officer@example.org", "--name", "Olive Officer", "--role", "admin", "--server", base)
        let link = try #require(added.split(separator: "\n").last.map(String.init))
        // As Excel on Windows saves it: Windows-1252, the survey tool's own words, no respondent reference.
        let csv = yswd.folder + "/survey.csv"
        var bytes = Data("Submitted,How did you respond?,Your views,Email address\r\n".utf8)
        bytes += Data("03/02/2026 14:05,Online survey,The phone queue is far too long,r1@example.org\r\n".utf8)
        bytes += Data("04/02/2026 09:00,Paper,I waited 40 minutes on the phone at the caf".utf8) + Data([0xE9])
        bytes += Data(",r2@example.org\r\n".utf8)
        bytes += Data("05/02/2026 10:30,Online survey,Nobody answers the phone at 8am,r3@example.org\r\n".utf8)
        bytes += Data("06/02/2026 11:00,Paper,There is never anywhere to park,r1@example.org\r\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: csv))
        let site = yswd.folder + "/public-site"

        let server = Process()
        server.executableURL = Yswd.binary
        server.arguments = ["serve", "--port", String(port), "--database", yswd.database]
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        try Self.waitForPort(port)

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: python)
        browser.arguments = [
            AccessibilityTests.root.appending(path: "Tests/accessibility/web_e2e.py").path, axe, base, link, csv, site,
        ]
        let pipe = Pipe()
        browser.standardOutput = pipe
        browser.standardError = pipe
        try browser.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0, "the browser test failed:\n\(output)")
        #expect(output.contains(" 0 violations"), "\(output)")
        #expect(output.contains(" 0 pages wider than 320px"), "\(output)")
        // The browser's changes are in history under the officer's name.
        let history = try yswd.ok("history", "--format", "csv")
        #expect(history.contains("Olive Officer"))
        // The site is in the folder the officer set.
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/updates/E2E-GP-1.html"))
    }

    /// Issue 23: follow-ups sent from the web app through Notify (the fake), and a bounce that comes back
    /// by receipt shown on the follow-ups page and the dashboard.
    @Test func anOfficerSendsFollowUpsAndSeesABounce() async throws {
        let python = AccessibilityTests.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")
        let axe = AccessibilityTests.tool("YSWD_AXE_JS", default: ".build/axe/axe.min.js")
        try #require(
            FileManager.default.isExecutableFile(atPath: python) && FileManager.default.fileExists(atPath: axe),
            "the browser test needs \(python) with selenium and \(axe): run `bash scripts/test`")
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        let port = 26_000 + Int(getpid() % 2_000)
        let base = "http://127.0.0.1:\(port)"
        let added = try yswd.ok(
            "user", "add", "officer@example.org", "--name", "Olive Officer", "--role", "admin", "--server", base)
        let link = try #require(added.split(separator: "\n").last.map(String.init))
        try yswd.ok(
            "activity", "add", "N-GP", "--title", "Getting a GP appointment", "--purpose",
            "Find out why booking is hard",
            "--can-influence", "The booking line", "--level", "consult", "--opens", "2026-01-05", "--closes",
            "2026-02-27", "--feedback-by", "2026-04-30", "--feedback-channel", "email",
            "--public-contact", "engagement@example.nhs.uk")
        for (ref, email) in [("P-OK", "ok@example.org"), ("P-BOUNCE", "bounce@example.org")] {
            try yswd.ok("participant", "add", ref, "--email", email, "--prefers", "email", "--wants-feedback")
            try yswd.ok("contribution", "add", "N-GP", "--text", "The phone queue is long", "--participant", ref)
        }
        try yswd.ok("theme", "add", "N-GP", "phone", "--said", "Phones are busy", "--contribution", "1-2")
        try yswd.ok(
            "decision", "add", "N-GP", "callback", "--text", "We added a call-back option", "--responds-to", "phone",
            "--status", "done")
        try yswd.ok("publish", "N-GP", "--format", "html", "--out", "update.html", "--record")
        try NotifyCommandTests.setUp(yswd, notify)
        try "receipt-token-0123456789abcdef".write(
            toFile: yswd.folder + "/token.txt", atomically: true, encoding: .utf8)
        try yswd.ok("config", "set", "notify-callback-token", "--from-file", "token.txt")
        await notify.state.sendReceipts(
            to: base + "/notify/delivery-receipts", token: "receipt-token-0123456789abcdef",
            bouncing: ["bounce@example.org"])

        let server = Process()
        server.executableURL = Yswd.binary
        server.arguments = ["serve", "--port", String(port), "--database", yswd.database]
        let log = yswd.folder + "/serve.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let logFile = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = logFile
        server.standardError = logFile
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
            // The server's own log never shows the key or the receipts token.
            let written = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            #expect(!written.contains(FakeNotify.secret) && !written.contains("receipt-token"), "\(written)")
        }
        try Self.waitForPort(port)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: python)
        browser.arguments = [
            AccessibilityTests.root.appending(path: "Tests/accessibility/web_notify.py").path, axe, base, link,
        ]
        let pipe = Pipe()
        browser.standardOutput = pipe
        browser.standardError = pipe
        try browser.run()
        // Waited for off Swift's shared threads: the fake Notify in this process answers meanwhile.
        let output = try await offThePool {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            browser.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(browser.terminationStatus == 0, "the browser test failed:\n\(output)")
        #expect(output.contains(" 0 violations"), "\(output)")
        #expect(await notify.state.countsByRecipient() == ["ok@example.org": 1, "bounce@example.org": 1])
    }

    /// Issue 24: translations through the web app, every page checked by axe at three widths.
    @Test func anOfficerUploadsTranslationsAndIsToldWhenOneIsOutOfDate() async throws {
        let python = AccessibilityTests.tool("YSWD_AXE_PYTHON", default: ".build/axe-venv/bin/python")
        let axe = AccessibilityTests.tool("YSWD_AXE_JS", default: ".build/axe/axe.min.js")
        try #require(
            FileManager.default.isExecutableFile(atPath: python) && FileManager.default.fileExists(atPath: axe),
            "the browser test needs \(python) with selenium and \(axe): run `bash scripts/test`")
        let yswd = try Yswd()
        defer { yswd.remove() }
        try yswd.ok("init")
        let port = 28_000 + Int(getpid() % 2_000)
        let base = "http://127.0.0.1:\(port)"
        let added = try yswd.ok(
            "user", "add", "officer@example.org", "--name", "Olive Officer", "--role", "admin", "--server", base)
        let link = try #require(added.split(separator: "\n").last.map(String.init))
        try yswd.ok(
            "activity", "add", "N-GP", "--title", "Getting a GP appointment", "--purpose",
            "Find out why booking is hard",
            "--can-influence", "The booking line", "--level", "consult", "--public-contact", "engagement@example.nhs.uk"
        )
        try yswd.ok("participant", "add", "P-1", "--email", "p1@example.org", "--prefers", "email", "--wants-feedback")
        try yswd.ok("contribution", "add", "N-GP", "--text", "The phone queue is long", "--participant", "P-1")
        try yswd.ok("theme", "add", "N-GP", "phone", "--said", "Phones are busy", "--contribution", "1")
        try yswd.ok("config", "set", "languages", "en,cy,ur")
        // A translator's file, and one translated from English that has since changed.
        try yswd.ok("translate", "export", "N-GP", "--language", "cy", "--out", "old.xlf")
        let old = try String(contentsOfFile: yswd.folder + "/old.xlf", encoding: .utf8)
        try Data(try TranslateCommandTests.translated(old) { "Cymraeg: \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/stale.xlf"))
        try yswd.ok("theme", "update", "N-GP", "phone", "--said", "Nobody answers the phone")
        try yswd.ok("translate", "export", "N-GP", "--language", "cy", "--out", "new.xlf")
        let new = try String(contentsOfFile: yswd.folder + "/new.xlf", encoding: .utf8)
        try Data(try TranslateCommandTests.translated(new) { "Cymraeg: \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/welsh.xlf"))

        let server = Process()
        server.executableURL = Yswd.binary
        server.arguments = ["serve", "--port", String(port), "--database", yswd.database]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        try Self.waitForPort(port)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: python)
        browser.arguments = [
            AccessibilityTests.root.appending(path: "Tests/accessibility/web_translate.py").path, axe, base, link,
            yswd.folder + "/welsh.xlf", yswd.folder + "/stale.xlf",
        ]
        let pipe = Pipe()
        browser.standardOutput = pipe
        browser.standardError = pipe
        try browser.run()
        let output = try await offThePool {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            browser.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(browser.terminationStatus == 0, "the browser test failed:\n\(output)")
        #expect(output.contains(" 0 violations"), "\(output)")
        #expect(try yswd.ok("translate", "status", "N-GP", "--language", "cy").contains("Welsh: all texts translated"))
    }

    /// Waits until the server accepts connections, up to 20 seconds.
    static func waitForPort(_ port: Int) throws {
        for _ in 0..<200 {
            let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(socket)
            if connected == 0 { return }
            usleep(100_000)
        }
        throw CocoaError(.fileReadUnknown)
    }
}
