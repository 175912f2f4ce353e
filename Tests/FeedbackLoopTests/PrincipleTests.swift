import Testing

@testable import FeedbackLoop

private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, field: "date") }

/// An activity that meets every principle; each case changes one thing.
private func good() -> Activity {
    Activity(
        ref: "GP", title: "GP access", purpose: "Understand booking", canInfluence: "The booking line", level: .consult,
        constraints: "Hours are national", publicSummary: "Fix what we control", methods: [.survey, .dropIn],
        audiences: ["carers"], lead: "Sam Patel", partners: ["Healthwatch"], resources: "Two officers",
        opens: day("2026-01-05"), closes: day("2026-02-27"), feedbackBy: day("2026-04-30"))
}

private func facts(
    _ change: (inout Activity) -> Void = { _ in }, methodsUsed: Int = 2, promised: FeedbackPromise = .whenRecorded,
    similar: [String] = [], evaluation: Evaluation? = nil, today: String = "2026-03-10", update: UpdateFacts? = nil,
    commitments: [Commitment] = [], undated: Int = 0, updates: [UpdateTiming] = []
) -> PrincipleFacts {
    var activity = good()
    change(&activity)
    let summary = LoopSummary(
        ref: activity.ref, title: activity.title, lead: activity.lead, level: activity.level, opens: activity.opens,
        closes: activity.closes, cadenceWeeks: activity.cadenceWeeks, feedbackBy: activity.feedbackBy, contributions: 5,
        themes: [ThemeFacts(adopted: true)], openCommitments: commitments, commitmentsWithoutDue: undated,
        latestUpdate: update)
    return PrincipleFacts(
        activity: activity, loop: LoopRules().status(of: summary, asOf: day(today)), contributionMethods: methodsUsed,
        feedbackPromised: promised, similarEarlier: similar, evaluation: evaluation, updates: updates)
}

private func first(_ published: String) -> [UpdateTiming] { [UpdateTiming(number: 1, published: day(published))] }

private let evaluation = Evaluation(
    activityId: 1, worked: "Drop-ins", improve: "Start earlier", participantsInvolved: true)

@Suite struct PrincipleTests {
    @Test func aGoodActivityMeetsEveryPrincipleItCanBeforeClosing() {
        let verdicts = PrincipleChecks().verdicts(
            facts(evaluation: evaluation, today: "2026-03-01", updates: first("2026-03-01")))
        #expect(verdicts.map(\.number) == Array(1...8))
        #expect(verdicts.allSatisfy { $0.verdict == .met }, "\(verdicts.filter { $0.verdict != .met })")
    }

    @Test(arguments: [
        // 1 Why: level not inform.
        (1, facts { $0.level = .inform }, Verdict.notMet, "inform"),
        (1, facts { $0.level = .coProduce }, .met, "co-produce"),
        // 2 Transparent: constraints recorded.
        (2, facts { $0.constraints = nil }, .notRecorded, "no constraints"),
        (2, facts(), .met, "constraints"),
        // 3 Partnership: lead and partners recorded; earlier similar activities listed.
        (3, facts { $0.lead = nil }, .notRecorded, "no lead"),
        (3, facts { $0.partners = [] }, .atRisk, "no partners"),
        (3, facts(similar: ["GP-2024", "GP-2025"]), .atRisk, "GP-2024, GP-2025"),
        (3, facts(), .met, "Healthwatch"),
        // 4 Inclusive: two or more methods, an audience, contributions by more than one method.
        (4, facts { $0.methods = [] }, .notRecorded, "no methods"),
        (4, facts { $0.methods = [.survey] }, .notMet, "only one method"),
        (4, facts { $0.audiences = [] }, .atRisk, "no audiences"),
        (4, facts(methodsUsed: 1), .atRisk, "one method only"),
        (4, facts(), .met, "2 methods"),
        // 5 Timely: a window of min-window-days, counted inclusively from when people were told (or
        // it opened); feedback promised no later than opening.
        (5, facts { $0.closes = day("2026-01-31") }, .notMet, "open for 27 days"),
        (5, facts { $0.closes = day("2026-02-01") }, .met, "open for 28 days"),
        (
            5,
            facts {
                $0.opens = day("2026-09-15"); $0.closes = day("2026-09-15")
            }, .notMet, "open for 1 day"
        ),
        (
            5,
            facts {
                $0.opens = day("2026-09-15"); $0.closes = day("2026-09-15"); $0.announced = day("2026-08-19")
            }, .met, "announced for 28 days"
        ),
        (
            5,
            facts {
                $0.opens = day("2026-09-15"); $0.closes = day("2026-09-15"); $0.announced = day("2026-08-20")
            }, .notMet, "announced for 27 days"
        ),
        (5, facts { $0.opens = nil }, .notRecorded, "not recorded"),
        (5, facts { $0.feedbackBy = nil }, .atRisk, "no feedback date"),
        (5, facts(promised: .added(day("2026-01-20"))), .atRisk, "after it opened"),
        (5, facts(promised: .added(day("2026-01-05"))), .met, "promised from the start"),
        (
            5,
            facts {
                $0.closes = nil; $0.cadenceWeeks = 6
            }, .met, "every 6 weeks"
        ),
        // 6 Resourced.
        (6, facts { $0.resources = nil }, .notRecorded, "no resources"),
        (6, facts(), .met, "Two officers"),
        // 7 Outcome: the first update against the original due date (30 April 2026).
        (7, facts(today: "2026-04-30"), .notYetDue, "no update recorded yet; due 30 April 2026"),
        (7, facts(today: "2026-05-01"), .notMet, "no update recorded, and the loop is 1 day overdue"),
        (7, facts(today: "2026-05-01", updates: first("2026-04-30")), .met, "by its due date 30 April 2026"),
        (7, facts(today: "2026-05-02", updates: first("2026-05-01")), .atRisk, "came 1 day late"),
        (7, facts(undated: 2, updates: first("2026-03-01")), .atRisk, "2 \"we will\" decisions have no due date"),
        (7, facts(undated: 1, updates: first("2026-03-01")), .atRisk, "1 \"we will\" has no due date"),
        (
            7,
            facts(
                commitments: [Commitment(decision: "callback", due: day("2026-03-01"))], updates: first("2026-03-01")),
            .met, "1 commitment overdue"
        ),
        // Reopenings are reported apart: due reopen-days after the change, or the original date if later.
        (
            7,
            facts(
                today: "2026-07-01",
                updates: first("2026-04-01") + [
                    UpdateTiming(number: 2, published: day("2026-06-02"), reopenedSince: day("2026-05-05")),
                    UpdateTiming(number: 3, published: day("2026-06-29"), reopenedSince: day("2026-06-01")),
                ]), .met, "reopened 2 times; each new update came by its reopened due date"
        ),
        (
            7,
            facts(
                today: "2026-07-01",
                updates: first("2026-04-01") + [
                    UpdateTiming(number: 2, published: day("2026-06-03"), reopenedSince: day("2026-05-05"))
                ]), .met, "reopened once; the new update came after its reopened due date"
        ),
        // 8 Learning: an evaluation once closed.
        (8, facts(update: UpdateFacts(published: day("2026-03-05"))), .notMet, "no evaluation"),
        (
            8, facts(evaluation: evaluation, update: UpdateFacts(published: day("2026-03-05"))), .met,
            "with participants"
        ),
        (8, facts(), .notRecorded, "once the loop closes"),
    ])
    func verdict(principle: Int, facts: PrincipleFacts, expected: Verdict, reasonMentions: String) {
        let verdict = PrincipleChecks().verdicts(facts)[principle - 1]
        #expect(verdict.verdict == expected, "principle \(principle): \(verdict.reason)")
        #expect(verdict.reason.contains(reasonMentions), "principle \(principle): \(verdict.reason)")
    }

    @Test func minWindowDaysIsASetting() {
        var settings = TeamSettings()
        settings.minWindowDays = 60
        #expect(PrincipleChecks(settings: settings).verdicts(facts())[4].verdict == .notMet)
    }

    @Test(arguments: [
        ("Getting a GP appointment", "Getting a GP appointment in Coventry booking", true),
        ("Getting a GP appointment", "Maternity care for new parents", false),
        ("Mental health crisis support", "Crisis support for mental health at night", true),
        ("Mental health crisis support", "Mental wellbeing walks", false),
    ])
    func similarity(title: String, candidate: String, similar: Bool) {
        #expect(Similarity.isSimilar(title: title, text: title, to: candidate) == similar)
    }
}

/// Issue 19, finding 12: the yearly report groups reasons for "not met" by kind.
@Suite struct ReportReasonTests {
    @Test func reasonsWithANumberAreGroupedByKindWithTheirRange() {
        func late(_ days: Int) -> PrincipleVerdict {
            PrincipleVerdict(
                number: 7, principle: "Outcome", verdict: .notMet,
                reason: "no update recorded, and the loop is \(days) days overdue", kind: "no update by the due date",
                amount: days)
        }
        let reasons = YearlyReport.reasons([
            late(59), late(136), late(80),
            PrincipleVerdict(
                number: 7, principle: "Outcome", verdict: .met, reason: "the first update came on time"),
        ])
        #expect(reasons.count == 1)
        #expect(reasons.first?.name == "no update by the due date" && reasons.first?.activities == 3)
        #expect(reasons.first?.from == 59 && reasons.first?.to == 136 && reasons.first?.unit == "days late")
    }
}
