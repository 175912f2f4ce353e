import Foundation
import Testing

/// DOMAIN.md "When an answer changes", through the command line: every change to a published answer
/// carries its reason, the next update says what changed and why, people hear about the change,
/// replaced pages say so, and the loop is due by the reopened date.
@Suite struct ReopeningTests {
    static let moved = "The new phone system arrives in February, not June"
    static let dropped = "The phone company could not give us more lines"
    static let explained = "We wanted to say why there are no extra lines"

    /// Today in the team's time zone, as the command line dates the changes, plus `days`.
    static func today(plus days: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let day = calendar.date(byAdding: .day, value: days, to: Date()) ?? Date()
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// GP's loop, as `loops --format json` reports it.
    func loop(_ yswd: Yswd) throws -> [String: Any] {
        let states = ["planned", "collecting", "awaiting-response", "reopened", "ready-to-publish", "following-up"]
        let json = try yswd.ok(
            ["loops", "--format", "json", "--state", "closed"] + states.flatMap { ["--state", $0] })
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        return try #require(rows.first { $0["ref"] as? String == "GP" })
    }

    @Test func aWholeReopeningIsToldWithItsReasons() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        let today = Self.today()
        try yswd.ok(
            "decision", "add", "GP", "extra-lines", "--text", "We will open two more phone lines", "--responds-to",
            "phone", "--due", "2026-05-31")
        try yswd.ok("publish", "GP", "--format", "html", "--record", "--as-of", today, "--out", "update-1.html")
        try yswd.ok("followups", "GP", "--out", "first", "--mark-sent")
        #expect(try loop(yswd)["state"] as? String == "closed")

        // Three changes to published answers, each with its reason; without one, nothing changes.
        let before = try yswd.fingerprint()
        let refused = try yswd.run(["decision", "update", "GP", "callback", "--due", "2027-02-26"])
        #expect(refused.status == 2 && refused.stderr.contains("add --reason"))
        #expect(try yswd.fingerprint() == before)
        try yswd.ok("decision", "update", "GP", "callback", "--due", "2027-02-26", "--reason", Self.moved)
        try yswd.ok("decision", "update", "GP", "extra-lines", "--status", "dropped", "--reason", Self.dropped)
        let unexplained = try yswd.run([
            "explain", "GP", "phone", "--why", "We cannot add lines until the new system is in", "--reason", "other",
        ])
        #expect(unexplained.status == 2 && unexplained.stderr.contains("add --change-reason"))
        #expect(unexplained.stderr.contains("in explain, --reason is the kind of reason"), "\(unexplained.stderr)")

        try yswd.ok(
            "explain", "GP", "phone", "--why", "We cannot add lines until the new system is in", "--reason", "other",
            "--change-reason", Self.explained)
        #expect(try yswd.ok("theme", "reasons", "GP", "phone").contains(Self.dropped), "queryable per theme")

        // Reopened, due reopen-days after the first change (the original date is earlier).
        var loop = try loop(yswd)
        #expect(loop["state"] as? String == "reopened")
        #expect(loop["due"] as? String == Self.today(plus: 28))

        // Update 2 says exactly what changed, and why, in every format.
        try yswd.ok("publish", "GP", "--format", "html", "--record", "--out", "update-2.html")
        for format in ["html", "md", "txt", "easy-read", "json", "csv"] {
            let text = try yswd.ok("publish", "GP", "--format", format)
            for reason in [Self.moved, Self.dropped, Self.explained] {
                #expect(text.contains(reason.replacingOccurrences(of: "\"", with: "")), "\(format): \(reason)")
            }
            #expect(text.contains("30 June 2026") && text.contains("26 February 2027"), "\(format): was and now")
        }
        let json = try yswd.ok("publish", "GP", "--format", "json")
        let content = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let kinds = (content?["changes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds == ["changed-decision", "dropped-decision", "new-explanation"], "exactly the three changes")
        let html = try String(contentsOfFile: yswd.folder + "/update-2.html", encoding: .utf8)
        #expect(html.contains("What has changed since"))

        // Only those whose themes changed hear again, about the change.
        let owed = try yswd.ok("followups", "GP", "--out", "again")
        #expect(owed.contains("Wrote 1 follow-up"), "P-1 (phone); P-2's parking answer did not change")
        let email = try String(contentsOfFile: yswd.folder + "/again/P-1-email.txt", encoding: .utf8)
        #expect(email.hasPrefix("Subject: Update: what we told you about getting a GP appointment has changed"))
        #expect(email.contains("It was: We will add a call-back option, by 30 June 2026"))
        #expect(email.contains("It is now: We will add a call-back option, by 26 February 2027"))
        #expect(email.contains(Self.moved) && email.contains("something we told you on \(Self.spoken(today))"))

        // Following up, by the reopened due date: not overdue against the original one.
        loop = try self.loop(yswd)
        #expect(loop["state"] as? String == "following-up")
        #expect(loop["due"] as? String == Self.today(plus: 28))
        #expect(loop["timing"] as? String != "overdue")

        // The site keeps update 1, marked as replaced, and links to update 2.
        try yswd.ok("site", "--out", "site")
        let first = try String(contentsOfFile: yswd.folder + "/site/updates/GP-1.html", encoding: .utf8)
        #expect(first.contains("This update was replaced on \(Self.spoken(today))."))
        #expect(first.contains("href=\"GP-2.html\""))
        let feed = try String(contentsOfFile: yswd.folder + "/site/feed.atom", encoding: .utf8)
        let entry = try #require(feed.components(separatedBy: "<entry>").first { $0.contains("(update 2)") })
        #expect(
            entry.contains("What has changed since") && entry.contains("we stopped: We will open two more phone lines"))

        // Staff see the same list of changes before the lines that changed.
        let diff = try yswd.ok("updates", "GP", "--diff", "1", "2")
        let changes = try #require(diff.range(of: "What has changed, and why"))
        let lines = try #require(diff.range(of: "Lines ("))
        #expect(changes.lowerBound < lines.lowerBound)
        for reason in [Self.moved, Self.dropped, Self.explained] { #expect(diff.contains(reason)) }
    }

    static func spoken(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    @Test(arguments: [
        (["--reason", " "], "--reason cannot be empty"),
        (["--reason", String(repeating: "x", count: 1001)], "--reason is 1001 characters long"),
        ([], "add --reason"),
    ])
    func aChangeToAPublishedAnswerNeedsAGoodReason(extra: [String], mentions: String) throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("publish", "GP", "--record")
        let before = try yswd.fingerprint()
        for command in [
            ["decision", "update", "GP", "callback", "--due", "2027-01-31"], ["theme", "remove", "GP", "parking"],
            ["theme", "update", "GP", "parking", "--said", "Parking is very hard"],
            ["decision", "remove", "GP", "callback"],
            ["theme", "add", "GP", "new", "--said", "Something new"],
            ["theme", "link", "GP", "parking", "--contribution", "1"],
            ["contribution", "update", "GP", "2", "--out-of-scope", "About parking", "--unlink"],
        ] {
            let result = try yswd.run(command + extra)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(mentions), "\(result.stderr)")
        }
        #expect(try yswd.fingerprint() == before, "nothing changed")
    }
}

/// Issue 19, finding 3: a decision changed twice keeps each change's own reason.
@Suite struct ChangeReasonTests {
    @Test func twoChangesToOneDecisionEachKeepTheirReason() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        let today = ReopeningTests.today()
        try yswd.ok("publish", "GP", "--format", "html", "--record", "--as-of", today, "--out", "update-1.html")
        try yswd.ok(
            "decision", "update", "GP", "callback", "--due", "2027-05-31", "--reason", "Building work is running late")
        try yswd.ok(
            "decision", "update", "GP", "callback", "--easy-read", "We will phone you back.", "--reason",
            "An easy read version was asked for")
        let text = try yswd.ok("publish", "GP", "--format", "txt", "--as-of", today)
        #expect(text.contains("Building work is running late (the due date)."), "\(text)")
        #expect(text.contains("An easy read version was asked for (the easy read wording)."), "\(text)")
    }
}

/// Issue 19, finding 9: moving a contribution between themes, and taking it out of one.
@Suite struct MovingTests {
    func themes(_ yswd: Yswd, _ id: String) throws -> String {
        let rows = try yswd.ok("contribution", "list", "GP", "--format", "csv").split(separator: "\r\n")
        return rows.first { $0.hasPrefix("\(id),") }.map {
            String($0.split(separator: ",", omittingEmptySubsequences: false)[5])
        } ?? ""
    }

    @Test func aContributionMovesWithItsReasonAndCanBeTakenOutOfOneTheme() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("publish", "GP", "--format", "html", "--record", "--out", "update-1.html")
        let before = try yswd.fingerprint()
        let unexplained = try yswd.run(["theme", "link", "GP", "parking", "--contribution", "1", "--move"])
        #expect(unexplained.status == 2 && unexplained.stderr.contains("add --reason"))
        #expect(try yswd.fingerprint() == before)
        let moved = try yswd.ok(
            "theme", "link", "GP", "parking", "--contribution", "1", "--move", "--reason", "It was about parking")
        #expect(moved.contains("Moved 1 contribution into theme parking."))
        #expect(try themes(yswd, "1") == "parking", "one theme, not a second link")
        #expect(try yswd.ok("theme", "reasons", "GP", "phone").contains("It was about parking"))

        let notIn = try yswd.run(["theme", "unlink", "GP", "phone", "--contribution", "1", "--reason", "x"])
        #expect(notIn.status == 2 && notIn.stderr.contains("contribution 1 is not in theme phone"))
        try yswd.ok("theme", "unlink", "GP", "parking", "--contribution", "1", "--reason", "It was not about parking")
        #expect(try themes(yswd, "1") == "")
        #expect(try yswd.ok("contribution", "list", "GP", "--unthemed").contains("1"))
    }
}

/// Issue 19, finding 7: a change follow-up tells each person about their own themes as they were
/// told them, a theme removed included, and where their view went.
@Suite struct PersonalChangeTests {
    @Test func someoneWhoseThemeWasRemovedHearsWhatHappenedToItAndWhereTheirViewWent() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        let today = ReopeningTests.today()
        try yswd.ok("publish", "GP", "--format", "html", "--record", "--as-of", today, "--out", "update-1.html")
        try yswd.ok("followups", "GP", "--out", "first", "--mark-sent")
        // P-2 was told about parking only. Their view moves to phone; parking goes; phone's answer changes.
        try yswd.ok(
            "theme", "link", "GP", "phone", "--contribution", "2", "--move", "--reason", "Parking was about phones")
        try yswd.ok("theme", "remove", "GP", "parking", "--reason", "We joined it to the phone theme")
        try yswd.ok("decision", "update", "GP", "callback", "--due", "2027-01-31", "--reason", "The supplier is late")
        try yswd.ok("publish", "GP", "--format", "html", "--record", "--as-of", today, "--out", "update-2.html")
        try yswd.ok("followups", "GP", "--out", "again")
        let letter = try String(contentsOfFile: yswd.folder + "/again/P-2-letter.html", encoding: .utf8)
        #expect(letter.contains("We removed something we had reported: Parking is hard"), "\(letter)")
        #expect(letter.contains("We joined it to the phone theme"))
        #expect(letter.contains("Your view is now part of: Phones are busy at 8am"))
        #expect(letter.contains("Parking was about phones"))
        #expect(!letter.contains("It was: We will add a call-back option"), "never told about the call-back")
        // P-1 was told about phone, and hears how its answer changed.
        let email = try String(contentsOfFile: yswd.folder + "/again/P-1-email.txt", encoding: .utf8)
        #expect(email.contains("It was: We will add a call-back option, by 30 June 2026"))
        #expect(!email.contains("Parking is hard"))
    }
}

/// Issue 19, finding 10: `publish --strict` checks every sentence of the easy read page.
@Suite struct StrictEasyReadTests {
    @Test func aLongSummaryIsRefusedUnderStrict() async throws {
        let yswd = try PublishCommandTests.prepared()
        defer { yswd.remove() }
        let summary = "We asked what makes booking a GP appointment hard so that we can fix the parts we control"
        try yswd.ok("activity", "update", "GP", "--public-summary", summary)
        let before = try yswd.fingerprint()
        let strict = try yswd.run(["publish", "GP", "--format", "easy-read", "--strict", "--record", "--out", "e.html"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("the easy read page: a sentence of 18 words"), "\(strict.stderr)")
        #expect(try yswd.fingerprint() == before)
    }
}
