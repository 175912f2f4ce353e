import FeedbackLoop
import Testing

private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, field: "date") }

/// A summary built from a short description of the record.
private func summary(
    opens: String? = "2026-01-05", closes: String? = "2026-02-27", cadence: Int? = nil, feedbackBy: String? = nil,
    contributions: Int = 10, unthemed: Int = 0, themes: [ThemeFacts] = [ThemeFacts(adopted: true)],
    commitments: [(String, String)] = [], owed: Int = 0, unreachable: Int = 0, update: UpdateFacts? = nil,
    lead: String? = "Sam Patel", level: EngagementLevel = .consult
) -> LoopSummary {
    LoopSummary(
        ref: "A", title: "An activity", lead: lead, level: level, opens: opens.map(day), closes: closes.map(day),
        cadenceWeeks: cadence, feedbackBy: feedbackBy.map(day), contributions: contributions, unthemed: unthemed,
        themes: themes, openCommitments: commitments.map { Commitment(decision: $0.0, due: day($0.1)) },
        owedFollowUps: owed, unreachable: unreachable, latestUpdate: update)
}

private let answered = ThemeFacts(adopted: true)
private let unanswered = ThemeFacts()

@Suite struct LoopStateTests {
    let rules = LoopRules()

    /// Every state, and the precedence between them (the first that applies wins).
    @Test(arguments: [
        // planned: not opened yet, whatever else is true.
        ("before opening", summary(contributions: 0), "2026-01-04", LoopState.planned),
        ("before opening, even with unanswered themes", summary(themes: [unanswered]), "2026-01-01", .planned),
        // collecting: open until and including the close date.
        ("on the opening day", summary(), "2026-01-05", .collecting),
        ("on the close date", summary(unthemed: 5), "2026-02-27", .collecting),
        ("no close date and no cadence", summary(closes: nil, contributions: 0), "2027-06-01", .collecting),
        ("no open date, before closing", summary(opens: nil), "2026-02-01", .collecting),
        // awaiting-response: collection ended and something is missing.
        ("day after closing, contributions unthemed", summary(unthemed: 1), "2026-02-28", .awaitingResponse),
        ("a theme unanswered", summary(themes: [answered, unanswered]), "2026-03-10", .awaitingResponse),
        (
            "partly adopted without explanation", summary(themes: [ThemeFacts(partly: true)]), "2026-03-10",
            .awaitingResponse
        ),
        ("no contributions at all", summary(contributions: 0, themes: []), "2026-03-10", .awaitingResponse),
        ("contributions but no theme", summary(contributions: 3, themes: []), "2026-03-10", .awaitingResponse),
        (
            "awaiting beats reopened",
            summary(unthemed: 2, update: UpdateFacts(published: day("2026-03-01"), uncoveredSince: day("2026-03-05"))),
            "2026-03-10", .awaitingResponse
        ),
        // reopened: an earlier update no longer covers the record.
        (
            "answered but changed since the update",
            summary(update: UpdateFacts(published: day("2026-03-01"), uncoveredSince: day("2026-03-05"))), "2026-03-10",
            .reopened
        ),
        // ready-to-publish: all answered, no update yet.
        ("all answered, nothing published", summary(), "2026-03-10", .readyToPublish),
        ("explained only", summary(themes: [ThemeFacts(explained: true)]), "2026-03-10", .readyToPublish),
        (
            "a theme with no contributions", summary(contributions: 4, themes: [answered, answered]), "2026-03-10",
            .readyToPublish
        ),
        // following-up: covered, but participants still owed a personal follow-up.
        (
            "covered, follow-ups owed", summary(owed: 3, update: UpdateFacts(published: day("2026-03-01"))),
            "2026-03-10", .followingUp
        ),
        // closed: covered and nobody owed.
        ("covered, nobody owed", summary(update: UpdateFacts(published: day("2026-03-01"))), "2026-03-10", .closed),
        // Unreachable participants are a warning, not a blocker.
        (
            "covered, only unreachable participants owed",
            summary(owed: 2, unreachable: 2, update: UpdateFacts(published: day("2026-03-01"))), "2026-03-10", .closed
        ),
    ])
    func state(_ case: String, summary: LoopSummary, today: String, expected: LoopState) {
        #expect(rules.status(of: summary, asOf: day(today)).state == expected, "\(`case`)")
    }

    @Test(arguments: [
        // An ongoing activity: an update is due one cadence after opening, then after each update.
        (
            "before the first update is due", summary(closes: nil, cadence: 4), "2026-02-01", LoopState.collecting,
            "2026-02-02"
        ),
        (
            "first update due, all answered", summary(closes: nil, cadence: 4), "2026-02-02", .readyToPublish,
            "2026-02-02"
        ),
        (
            "first update due, a theme unanswered", summary(closes: nil, cadence: 4, themes: [unanswered]),
            "2026-02-10", .awaitingResponse, "2026-02-02"
        ),
        (
            "after an update, up to date until the next period",
            summary(closes: nil, cadence: 4, themes: [unanswered], update: UpdateFacts(published: day("2026-02-05"))),
            "2026-03-01", .collecting, "2026-03-05"
        ),
        (
            "the next period's update is due",
            summary(closes: nil, cadence: 4, update: UpdateFacts(published: day("2026-02-05"))),
            "2026-03-06", .readyToPublish, "2026-03-05"
        ),
        ("before opening", summary(opens: "2026-06-01", closes: nil, cadence: 6), "2026-05-01", .planned, "2026-07-13"),
    ])
    func ongoing(_ case: String, summary: LoopSummary, today: String, state: LoopState, due: String) {
        let status = rules.status(of: summary, asOf: day(today))
        #expect(status.state == state, "\(`case`)")
        #expect(status.due == day(due), "\(`case`)")
        #expect(!status.flags.contains(.noFeedbackDate) && !status.flags.contains(.noCloseDate))
    }

    @Test func anOngoingActivityWithNoOpenDateHasNoDueDateYet() {
        let status = rules.status(of: summary(opens: nil, closes: nil, cadence: 4), asOf: day("2026-05-01"))
        #expect(status.state == .collecting)
        #expect(status.due == nil)
        #expect(status.timing == .noDueDate)
    }
}

@Suite struct DueDateTests {
    @Test(arguments: [
        // The promised date when there is one; else close + feedback-weeks (12), flagged.
        (summary(feedbackBy: "2026-04-30"), TeamSettings(), "2026-04-30", false),
        (summary(feedbackBy: nil), TeamSettings(), "2026-05-22", true),
        (
            summary(feedbackBy: nil),
            {
                var s = TeamSettings(); s.feedbackWeeks = 6; return s
            }(), "2026-04-10", true
        ),
    ])
    func dueDate(summary: LoopSummary, settings: TeamSettings, expected: String, flagged: Bool) {
        let status = LoopRules(settings: settings).status(of: summary, asOf: day("2026-03-01"))
        #expect(status.due == day(expected))
        #expect(status.flags.contains(.noFeedbackDate) == flagged)
    }

    @Test(arguments: [
        // A reopened loop is due reopen-days (28) after the change, or at the original due date if later.
        ("2026-04-30", "2026-04-20", 28, "2026-05-18"),
        ("2026-04-30", "2026-03-05", 28, "2026-04-30"),
        ("2026-04-30", "2026-04-20", 7, "2026-04-30"),
        ("2026-04-30", "2026-04-28", 7, "2026-05-05"),
    ])
    func reopenedDue(promised: String, changed: String, reopenDays: Int, expected: String) {
        var settings = TeamSettings()
        settings.reopenDays = reopenDays
        let status = LoopRules(settings: settings).status(
            of: summary(
                feedbackBy: promised, update: UpdateFacts(published: day("2026-03-01"), uncoveredSince: day(changed))),
            asOf: day("2026-04-29"))
        #expect(status.state == .reopened)
        #expect(status.due == day(expected))
    }

    /// A theme added after an update leaves it unanswered: the loop waits for a response, and is due
    /// by the reopened date, not long overdue against the original promise (issue 19, finding 5).
    @Test func aNewUnansweredThemeAfterAnUpdateIsDueByTheReopenedDate() {
        let status = LoopRules().status(
            of: summary(
                feedbackBy: "2026-05-15", themes: [answered, unanswered],
                update: UpdateFacts(published: day("2026-05-01"), uncoveredSince: day("2026-11-20"))),
            asOf: day("2026-12-02"))
        #expect(status.state == .awaitingResponse)
        #expect(status.due == day("2026-12-18"))
        #expect(status.timing == .onTrack)
    }

    /// The loop keeps the reopened due date while the new update's follow-ups are owed (issue 10:
    /// reopened on 27 Nov, due 25 Dec, published 28 Nov, is not "12 days overdue" against 30 Apr).
    @Test(arguments: [
        ("2026-11-27", 3, "2026-12-25", LoopState.followingUp, LoopTiming.onTrack),
        ("2026-03-05", 3, "2026-04-30", .followingUp, .overdue),
        ("2026-11-27", 0, "2026-04-30", .closed, .onTrack),
    ])
    func aNewUpdateKeepsTheReopenedDueDate(
        changed: String, owed: Int, expected: String, state: LoopState, timing: LoopTiming
    ) {
        let status = LoopRules().status(
            of: summary(
                feedbackBy: "2026-04-30", owed: owed,
                update: UpdateFacts(published: day("2026-11-28"), reopenedSince: day(changed))),
            asOf: day("2026-12-10"))
        #expect(status.state == state)
        if state == .followingUp { #expect(status.due == day(expected)) }
        #expect(status.timing == timing)
    }

    @Test(arguments: [
        // Overdue from the day after the due date; due soon with 0 to 14 days left.
        ("2026-05-01", LoopTiming.overdue, 1),
        ("2026-06-30", .overdue, 61),
        ("2026-04-30", .dueSoon, 0),
        ("2026-04-16", .dueSoon, -14),
        ("2026-04-15", .onTrack, -15),
    ])
    func timing(today: String, expected: LoopTiming, daysOverdue: Int) {
        let status = LoopRules().status(of: summary(feedbackBy: "2026-04-30"), asOf: day(today))
        #expect(status.timing == expected)
        #expect(status.daysOverdue == daysOverdue)
    }

    @Test func dueSoonDaysIsASetting() {
        var settings = TeamSettings()
        settings.dueSoonDays = 30
        let status = LoopRules(settings: settings).status(
            of: summary(feedbackBy: "2026-04-30"), asOf: day("2026-04-01"))
        #expect(status.timing == .dueSoon)
    }

    @Test func aClosedLoopIsNeverLate() {
        let status = LoopRules().status(
            of: summary(feedbackBy: "2026-04-30", update: UpdateFacts(published: day("2026-04-01"))),
            asOf: day("2026-09-01"))
        #expect(status.state == .closed)
        #expect(status.timing == .onTrack)
        #expect(!status.isOutstanding)
    }
}

@Suite struct FlagAndCommitmentTests {
    @Test(arguments: [
        (summary(closes: nil), "2026-03-01", [LoopFlag.noFeedbackDate, .noCloseDate]),
        (summary(feedbackBy: "2026-04-30"), "2026-03-01", []),
        (summary(feedbackBy: "2026-04-30", contributions: 0, themes: []), "2026-03-01", [.noContributions]),
        (summary(feedbackBy: "2026-04-30", contributions: 0, themes: []), "2026-02-01", []),  // still collecting
        (summary(feedbackBy: "2026-04-30", owed: 4, unreachable: 2), "2026-03-01", [.unreachableParticipants]),
        (summary(feedbackBy: "2026-04-30", level: .inform), "2026-03-01", [.informOnly]),
    ])
    func flags(summary: LoopSummary, today: String, expected: [LoopFlag]) {
        #expect(LoopRules().status(of: summary, asOf: day(today)).flags == expected)
    }

    @Test(arguments: [
        // A commitment is overdue from the day after its due date.
        ("2026-06-30", "2026-06-30", false),
        ("2026-06-30", "2026-07-01", true),
        ("2026-06-30", "2026-05-01", false),
    ])
    func overdueCommitment(due: String, today: String, overdue: Bool) {
        let status = LoopRules().status(
            of: summary(feedbackBy: "2026-12-31", commitments: [("callback", due)]), asOf: day(today))
        #expect(status.missing.overdueCommitments.map(\.decision) == (overdue ? ["callback"] : []))
        #expect(status.isOverdue == overdue)
    }

    @Test func anOverdueCommitmentKeepsAClosedActivityListed() {
        let rules = LoopRules()
        let closed = summary(
            commitments: [("callback", "2026-06-30")], update: UpdateFacts(published: day("2026-04-01")))
        #expect(rules.outstanding([closed], asOf: day("2026-06-01")).isEmpty)
        let listed = rules.outstanding([closed], asOf: day("2026-07-01"))
        #expect(listed.map(\.state) == [.closed])
        #expect(listed.first?.nextStep == "deliver the overdue commitments")
    }

    @Test(
        arguments: [
            (PreferredFormat.email, 4, true), (.email, 3, false),
            (.letter, 2, true), (.letter, 5, false),
            (.easyRead, 2, true), (.easyRead, 4, true), (.easyRead, 1, false),
            (.phone, 1, true), (.phone, 6, false),
            (nil, 1, true), (nil, 0, false),
        ] as [(PreferredFormat?, Int, Bool)])
    func reachability(prefers: PreferredFormat?, contactCode: Int, reachable: Bool) {
        #expect(FollowUpContact(prefers: prefers, code: contactCode).isReachable == reachable)
    }

    @Test func outstandingLoopsAreMostOverdueFirst() {
        var late = summary(feedbackBy: "2026-03-01")
        late.ref = "LATE"
        var later = summary(feedbackBy: "2026-02-01")
        later.ref = "LATER"
        var soon = summary(feedbackBy: "2026-04-10")
        soon.ref = "SOON"
        var undated = summary(closes: nil)
        undated.ref = "UNDATED"
        let order = LoopRules().outstanding([soon, undated, late, later], asOf: day("2026-04-01")).map(\.summary.ref)
        #expect(order == ["LATER", "LATE", "SOON", "UNDATED"])
    }
}

@Suite struct DigestTests {
    @Test func oneMessagePerLeadWithOnlyOverdueAndDueSoonLoops() {
        func status(_ ref: String, lead: String?, due: String) -> LoopStatus {
            var value = summary(feedbackBy: due, lead: lead)
            value.ref = ref
            return LoopRules().status(of: value, asOf: day("2026-04-01"))
        }
        let digest = LoopDigest([
            status("B1", lead: "Priya Shah", due: "2026-03-20"),
            status("A1", lead: "Alex Morgan", due: "2026-04-10"),
            status("A2", lead: "Alex Morgan", due: "2026-09-01"),  // on track: left out
            status("N1", lead: nil, due: "2026-03-01"),
            status("B2", lead: "Priya Shah", due: "2026-04-01"),
        ])
        #expect(digest.messages.map(\.lead) == ["Alex Morgan", "Priya Shah", nil])
        #expect(digest.messages.map { $0.items.map(\.summary.ref) } == [["A1"], ["B1", "B2"], ["N1"]])
        let priya = digest.messages[1].text
        #expect(priya.contains("Subject: 2 engagement activities need a response"))
        #expect(priya.contains("- B1 (An activity): 12 days overdue (due 20 March 2026)."))
        #expect(priya.contains("- B2 (An activity): due today (1 April 2026)."))
        #expect(priya.contains("Next: publish the \"you said, we did\" update."))
        #expect(digest.messages[2].text.contains("no lead recorded"))
    }

    @Test func nothingPressingMeansNoMessages() {
        #expect(
            LoopDigest([LoopRules().status(of: summary(feedbackBy: "2026-09-01"), asOf: day("2026-04-01"))]).messages
                .isEmpty)
    }
}
