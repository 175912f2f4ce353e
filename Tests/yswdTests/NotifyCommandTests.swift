import FeedbackLoopPostgres
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation
import Testing
import YswdTestSupport

@testable import FeedbackLoopWeb

/// Issue 23: follow-ups sent through GOV.UK Notify (a fake that follows its documented API), each
/// exactly once, with Notify's refusals in words.
@Suite(.serialized) struct NotifyCommandTests {
    /// The published record of PublishCommandTests, with people who prefer each channel, set up to send
    /// to `notify`.
    static func prepared(_ notify: FakeNotify, people: Int = 0) throws -> Yswd {
        let yswd = try PublishCommandTests.prepared()
        try yswd.ok("publish", "GP", "--format", "html", "--out", "update.html", "--record")
        try yswd.ok(
            "participant", "add", "P-T", "--phone", "07700 900123", "--prefers", "text", "--wants-feedback")
        try yswd.ok(
            "participant", "update", "P-2", "--name", "Mrs Amina Khan", "--address", "2 Elm Road, Coventry CV1 2AB")
        try yswd.ok("contribution", "add", "GP", "--text", "Text me", "--participant", "P-T")
        for index in 0..<people {
            try yswd.ok(
                "participant", "add", "E-\(index)", "--email", "e\(index)@example.org", "--prefers", "email",
                "--wants-feedback")
            try yswd.ok("contribution", "add", "GP", "--text", "Views \(index)", "--participant", "E-\(index)")
        }
        try yswd.ok("theme", "link", "GP", "parking", "--contribution", "5-\(5 + people)")
        try setUp(yswd, notify)
        return yswd
    }

    static func setUp(_ yswd: Yswd, _ notify: FakeNotify) throws {
        try FakeNotify.apiKey.write(toFile: yswd.folder + "/key.txt", atomically: true, encoding: .utf8)
        try yswd.ok("config", "set", "notify-api-key", "--from-file", "key.txt")
        try FileManager.default.removeItem(atPath: yswd.folder + "/key.txt")
        try yswd.ok("config", "set", "notify-base-url", notify.baseURL)
        try yswd.ok("config", "set", "notify-email-template", FakeNotify.emailTemplate)
        try yswd.ok("config", "set", "notify-sms-template", FakeNotify.smsTemplate)
        try yswd.ok("config", "set", "notify-letter-template", FakeNotify.letterTemplate)
    }

    @Test func aWholeSendGoesByEmailTextAndLetterOnceEach() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify)
        defer { yswd.remove() }
        let dry = try await yswd.okRunning("notify", "send", "GP", "--dry-run")
        #expect(dry.contains("Would send 1 email, 1 text message, 1 letter"), "\(dry)")
        #expect(await notify.state.messages.isEmpty)

        let sent = try await yswd.running(["notify", "send", "GP"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Sent 3 follow-ups"), "\(sent.stdout)")
        let counts = await notify.state.countsByRecipient()
        #expect(counts == ["p1@example.org": 1, "+447700900123": 1, "Mrs Amina Khan": 1])
        let letter = try #require(await notify.state.messages.first { $0.type == "letter" })
        #expect(letter.personalisation["address_line_2"] == "2 Elm Road")
        #expect(letter.personalisation["address_line_4"] == "CV1 2AB")
        #expect(letter.personalisation["body"]?.contains("You are receiving this letter") == true)
        // P-3 prefers a phone call but has no number: listed, not a failure of the run.
        #expect(sent.stderr.contains("not sent: P-3: no contact details for their format"), "\(sent.stderr)")
        let again = try await yswd.running(["notify", "send", "GP"])
        #expect(again.status == 2, "\(again.stdout)")
        #expect(await notify.state.messages.count == 3)
        let status = try await yswd.okRunning("notify", "status", "GP", "--format", "csv")
        #expect(status.components(separatedBy: ",accepted,").count == 4, "\(status)")

        // Notify delivers two and posts the letter; --refresh asks it, and principle 7 counts them.
        for message in await notify.state.messages {
            await notify.state.setStatus(id: message.id, message.type == "letter" ? "received" : "delivered")
        }
        let refreshed = try await yswd.okRunning("notify", "status", "GP", "--refresh", "--format", "csv")
        #expect(refreshed.components(separatedBy: ",delivered,").count == 3, "\(refreshed)")
        #expect(refreshed.contains(",received,"), "\(refreshed)")
        let figures = "3 follow-ups were confirmed delivered (1 by email, 1 by text message, 1 by letter)"
        #expect(try await yswd.okRunning("check", "GP").contains(figures))
        let report = try await yswd.okRunning("report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "md")
        #expect(report.contains("Of the personal follow-ups given in the period, \(figures)"), "\(report)")
        try await yswd.okRunning("site", "--out", "site")
        let data = try String(contentsOfFile: yswd.folder + "/site/data/follow-ups.json", encoding: .utf8)
        #expect(data.contains(#""delivered" : {"#) && data.contains(#""letter" : 1"#), "\(data)")
        #expect(data.contains(#""stillOwed" : 0"#) || data.contains(#""stillOwed" : 1"#), "\(data)")
        #expect(!data.contains("p1@example.org") && !data.contains("7700"), "counts only, never who")
    }

    /// Without Notify's API: the spreadsheets Notify's upload page takes, one per channel.
    @Test func notifyCSVWritesTheSpreadsheetsNotifysUploadPageTakes() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify)
        defer { yswd.remove() }
        try yswd.ok("config", "set", "postal-address", "Engagement team, 1 High Street, Coventry CV1 1AA")
        let out = try await yswd.okRunning("followups", "GP", "--format", "notify-csv", "--out", "sheets")
        #expect(out.contains("Wrote email.csv, text-messages.csv, letters.csv"), "\(out)")
        let email = try String(contentsOfFile: yswd.folder + "/sheets/email.csv", encoding: .utf8)
        #expect(email.hasPrefix("email address,subject,body\r\np1@example.org,What happened to your views"), "\(email)")
        let text = try String(contentsOfFile: yswd.folder + "/sheets/text-messages.csv", encoding: .utf8)
        #expect(text.hasPrefix("phone number,body\r\n07700900123,"), "\(text)")
        let letters = try String(contentsOfFile: yswd.folder + "/sheets/letters.csv", encoding: .utf8)
        #expect(
            letters.hasPrefix(
                "address line 1,address line 2,address line 3,address line 4,address line 5,address line 6,"
                    + "address line 7,subject,body,reference\r\nMrs Amina Khan,2 Elm Road,Coventry,CV1 2AB,,,,"),
            "\(letters)")
        let mode = try FileManager.default.attributesOfItem(atPath: yswd.folder + "/sheets/email.csv")[
            .posixPermissions]
        #expect(mode as? Int == 0o600, "the sheets hold contact details: owner only")
        #expect(await notify.state.messages.isEmpty, "nothing is sent")
    }

    @Test func retriesAfterRateLimitAndServerErrorsAndRecordsOneRefusal() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify)
        defer { yswd.remove() }
        await notify.state.fail(next: [429, 500, 503])
        await notify.state.refuse("+447700900123")
        let sent = try await yswd.running(["notify", "send", "GP"])
        #expect(sent.status == 3, "\(sent.stdout) \(sent.stderr)")
        #expect(sent.stdout.contains("Not sent: P-T: Notify refused it"), "\(sent.stdout)")
        #expect(!sent.stdout.contains("+447700900123"), "the number is never shown")
        #expect(await notify.state.messages.count == 2)
        let loops = try await yswd.okRunning("loops")
        #expect(
            loops.contains("GP: 0 told · 2 on their way · 1 text message refused by Notify: check their details"),
            "\(loops)")
        // P-T is unreachable by text until their number changes; then owed again.
        let unreachable = try await yswd.running(["notify", "send", "GP", "--channel", "text", "--dry-run"])
        #expect(unreachable.status == 2 && unreachable.stderr.contains("not sent: P-T"), "\(unreachable.stderr)")
        try yswd.ok("participant", "update", "P-T", "--phone", "07700 900456")
        let owed = try await yswd.okRunning("notify", "send", "GP", "--channel", "text", "--dry-run")
        #expect(owed.contains("Would send 1 text message"), "\(owed)")
    }

    /// Beyond Notify's rate (the fake's, set to 3 a minute), yswd waits longer each time, then stops:
    /// the rest stay queued, and the next run sends them, nobody twice.
    @Test func beyondNotifysRateTheRestStayQueuedForTheNextRun() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify, people: 3)
        defer { yswd.remove() }
        await notify.state.setRate(3)
        let first = try await yswd.running(["notify", "send", "GP", "--channel", "email"])
        #expect(first.status == 3, "\(first.stdout) \(first.stderr)")
        #expect(first.stderr.contains("answered 429"), "\(first.stdout) \(first.stderr)")
        #expect(first.stderr.contains("stay queued"), "\(first.stdout) \(first.stderr)")
        #expect(await notify.state.messages.count == 3)
        #expect(await notify.state.rateLimited > 0)
        await notify.state.setRate(nil)
        let second = try await yswd.running(["notify", "send", "GP", "--channel", "email"])
        #expect(second.status == 0, "\(second.stderr)")
        let counts = await notify.state.countsByRecipient()
        #expect(counts.count == 4 && counts.values.allSatisfy { $0 == 1 }, "\(counts)")
    }

    @Test func aRefusedKeyOrClockStopsTheRunAtOnceAndSendsNothing() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify)
        defer { yswd.remove() }
        let wrong = "yswd_test-\(FakeNotify.serviceId)-00000000-0000-4000-8000-000000000000"
        try wrong.write(toFile: yswd.folder + "/wrong.txt", atomically: true, encoding: .utf8)
        try yswd.ok("config", "set", "notify-api-key", "--from-file", "wrong.txt")
        let sent = try await yswd.running(["notify", "send", "GP"])
        #expect(sent.status == 2)
        #expect(sent.stderr.contains("refused the API key"), "\(sent.stderr)")
        #expect(await notify.state.messages.isEmpty)
        let check = try await yswd.running(["notify", "check"])
        #expect(check.status == 2 && check.stderr.contains("refused the API key"), "\(check.stderr)")
    }

    @Test func checkNamesEachMisconfiguration() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify)
        defer { yswd.remove() }
        #expect(
            try await yswd.okRunning("notify", "check").contains(
                "Letter: template \(FakeNotify.letterTemplate) is ready"))
        await notify.state.removeTemplate(FakeNotify.emailTemplate)
        await notify.state.setTemplate(FakeNotify.smsTemplate, type: "email", subject: "s", body: "((body))")
        await notify.state.setTemplate(FakeNotify.letterTemplate, type: "letter", subject: "Hello", body: "((body))")
        let check = try await yswd.running(["notify", "check"])
        #expect(check.status == 2)
        #expect(
            check.stdout.contains("Email: the email template \(FakeNotify.emailTemplate) is not in this Notify service")
        )
        #expect(check.stdout.contains("is an email template in Notify; set a text message template"), "\(check.stdout)")
        #expect(check.stdout.contains("lacks ((subject)), ((reference))"), "\(check.stdout)")
        try yswd.ok("config", "unset", "notify-api-key")
        let none = try await yswd.running(["notify", "check"])
        #expect(none.status == 2 && none.stderr.contains("no GOV.UK Notify API key is set"))
        try "not-a-key".write(toFile: yswd.folder + "/bad.txt", atomically: true, encoding: .utf8)
        let bad = try await yswd.running(["config", "set", "notify-api-key", "--from-file", "bad.txt"])
        #expect(bad.status == 2 && bad.stderr.contains("that is not a GOV.UK Notify API key"))
        let template = try yswd.run(["config", "set", "notify-email-template", "abc"])
        #expect(template.status == 2 && template.stderr.contains("'abc' is not a Notify template id"))
    }

    /// Text messages go to mobile numbers: a landline is refused for someone who prefers text, and
    /// kept for a phone call.
    @Test func aLandlineIsRefusedForTextMessagesOnly() async throws {
        let yswd = try Yswd.withActivity("GP")
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let refused = try yswd.run(["participant", "add", "P-L", "--phone", "024 7622 0381", "--prefers", "text"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--phone '024 7622 0381' cannot receive text messages"), "\(refused.stderr)")
        #expect(try yswd.fingerprint() == before)
        try yswd.ok("participant", "add", "P-L", "--phone", "024 7622 0381", "--prefers", "phone")
        #expect(try yswd.run(["participant", "update", "P-L", "--prefers", "text"]).status == 2)
        try yswd.ok("participant", "update", "P-L", "--prefers", "text", "--phone", "+48 601 234 567")
    }

    /// An address Notify would not print a letter to is refused when it is recorded, with the rule.
    @Test(arguments: [
        ("2 Elm Road, Coventry", "its last line, 'Coventry', is neither a UK postcode nor a country outside the UK"),
        ("No fixed abode, Coventry, CV1 2AB", "it says the person has no fixed abode"),
        ("2 Elm Road, =Coventry, CV1 2AB", "the line '=Coventry' starts with '='"),
    ])
    func anAddressNotifyWouldRefuseIsRefusedWhenRecorded(address: String, rule: String) async throws {
        let yswd = try Yswd.withActivity("GP")
        defer { yswd.remove() }
        let before = try yswd.fingerprint()
        let refused = try yswd.run(["participant", "add", "P-A", "--name", "Jo Bloggs", "--address", address])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--address cannot be used for letters: \(rule)"), "\(refused.stderr)")
        #expect(try yswd.fingerprint() == before)
        let added = try yswd.ok(
            "participant", "add", "P-A", "--name", "Jo Bloggs", "--address", "2 Elm Road, Coventry CV1 2AB")
        #expect(
            added.contains("Letters go to: Jo Bloggs / 2 Elm Road / Coventry / CV1 2AB."),
            "shown for checking: \(added)")
    }

    @Test func theKeyIsInNoHistoryExportOrOutput() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify)
        defer { yswd.remove() }
        try await yswd.okRunning("notify", "send", "GP")
        try FileManager.default.createDirectory(atPath: yswd.folder + "/open", withIntermediateDirectories: true)
        var outputs = [
            try yswd.ok("history", "--format", "json"), try yswd.ok("config", "list", "--format", "json"),
            try yswd.ok("export", "openconsult", "--out", "open"),
            try await yswd.okRunning("notify", "status", "GP", "--format", "json"),
        ]
        outputs.append(try await yswd.running(["notify", "check"]).stdout)
        for output in outputs { #expect(!output.contains(FakeNotify.secret)) }
        for file in try FileManager.default.contentsOfDirectory(atPath: yswd.folder + "/open") {
            let text = try String(contentsOfFile: yswd.folder + "/open/" + file, encoding: .utf8)
            #expect(!text.contains(FakeNotify.secret), "\(file)")
        }
        #expect(try yswd.ok("config", "list").contains("set (…22b0)"))
    }

    /// `yswd notify send` killed at random moments, then resumed: everyone gets exactly one message.
    @Test func killedAtRandomMomentsEveryoneGetsExactlyOneMessage() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify, people: 40)
        defer { yswd.remove() }
        try yswd.ok("config", "set", "notify-rate-limit", "1200")
        for round in 0..<10 {
            let process = Process()
            process.executableURL = Yswd.binary
            process.arguments = ["notify", "send", "GP"]
            process.currentDirectoryURL = URL(fileURLWithPath: yswd.folder)
            process.environment = yswd.processEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...600) + round * 20))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let last = try await yswd.running(["notify", "send", "GP"])
        #expect([0, 2].contains(last.status), "\(last.stderr)")
        let counts = await notify.state.countsByRecipient()
        #expect(counts.count == 43, "everyone owed got a message: \(counts.count)")
        #expect(counts.values.allSatisfy { $0 == 1 }, "\(counts.filter { $0.value > 1 })")
        let status = try await yswd.okRunning("notify", "status", "GP", "--format", "csv")
        #expect(status.components(separatedBy: ",accepted,").count == 44, "\(status)")
        #expect(!status.contains(",sending,") && !status.contains(",queued,"))
    }

    /// The record `yswd` works on, opened here as the web app opens it.
    static func open(_ yswd: Yswd) async throws -> any RecordStore {
        switch try DatabaseAddress.parse(yswd.database) {
        case .sqlite(let path): try SQLiteStore.open(path: path, mode: .existing, actor: "web").store
        case .postgres(let server): try await PostgresStore.open(server, mode: .existing, actor: "web").store
        }
    }

    /// Two senders at once: `yswd notify send` and the web app's background job, on one activity.
    @Test func theCommandLineAndTheWebAppsJobAtOnceSendEachPersonOneMessage() async throws {
        let notify = try await FakeNotify()
        defer { notify.stop() }
        let yswd = try Self.prepared(notify, people: 60)
        defer { yswd.remove() }
        let store = try await Self.open(yswd)
        let jobs = NotifyJobs(store: store)
        let process = Process()
        process.executableURL = Yswd.binary
        process.arguments = ["notify", "send", "GP"]
        process.currentDirectoryURL = URL(fileURLWithPath: yswd.folder)
        process.environment = yswd.processEnvironment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        jobs.start("GP")
        try await offThePool { process.waitUntilExit() }
        for _ in 0..<300 where jobs.isRunning("GP") { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!jobs.isRunning("GP") && jobs.stopReason("GP") == nil, "\(jobs.stopReason("GP") ?? "")")
        let counts = await notify.state.countsByRecipient()
        #expect(counts.count == 63, "everyone owed got a message: \(counts.count)")
        #expect(counts.values.allSatisfy { $0 == 1 }, "\(counts.filter { $0.value > 1 })")
        let accepted = try await store.deliveries(ref: "GP").filter { $0.status == .accepted }
        #expect(accepted.count == 63)
    }
}
