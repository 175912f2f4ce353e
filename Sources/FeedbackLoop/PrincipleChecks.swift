/// The eight Good Engagement Principles as checks on the record (`yswd check`).
public struct PrincipleChecks: Sendable {
    public var settings: TeamSettings

    public init(settings: TeamSettings = TeamSettings()) {
        self.settings = settings
    }

    /// The eight verdicts, in principle order.
    public func verdicts(_ facts: PrincipleFacts) -> [PrincipleVerdict] {
        [
            why(facts), transparent(facts), partnership(facts), inclusive(facts), timely(facts), resourced(facts),
            outcome(facts), learning(facts),
        ]
    }

    func why(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let verdict: (Verdict, String) =
            facts.activity.level == .inform
            ? (.notMet, "the level is inform: telling people is not engagement; give them something to influence")
            : (.met, "purpose and what people can influence are recorded; level \(facts.activity.level.rawValue)")
        return PrincipleVerdict(number: 1, principle: "Why", verdict: verdict.0, reason: verdict.1)
    }

    func transparent(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let verdict: (Verdict, String)
        switch (facts.activity.constraints, facts.activity.publicSummary) {
        case (nil, _): verdict = (.notRecorded, "no constraints recorded: say what cannot change, and why")
        case (_?, nil): verdict = (.met, "constraints are recorded (how the goal was explained is not)")
        case (_?, _?): verdict = (.met, "constraints and how the goal was explained are recorded")
        }
        return PrincipleVerdict(number: 2, principle: "Transparent", verdict: verdict.0, reason: verdict.1)
    }

    func partnership(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let activity = facts.activity
        let verdict: (Verdict, String)
        guard let lead = activity.lead else {
            return PrincipleVerdict(
                number: 3, principle: "Partnership", verdict: .notRecorded, reason: "no lead recorded: agree who leads")
        }
        if !facts.similarEarlier.isEmpty {
            verdict = (
                .atRisk,
                "earlier activities asked similar things (\(facts.similarEarlier.joined(separator: ", "))): "
                    + "reuse what they heard before asking people again"
            )
        } else if activity.partners.isEmpty {
            verdict = (.atRisk, "led by \(lead), but no partners recorded")
        } else {
            verdict = (.met, "led by \(lead) with \(activity.partners.joined(separator: ", "))")
        }
        return PrincipleVerdict(number: 3, principle: "Partnership", verdict: verdict.0, reason: verdict.1)
    }

    func inclusive(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let activity = facts.activity
        let verdict: (Verdict, String)
        if activity.methods.isEmpty {
            verdict = (.notRecorded, "no methods recorded")
        } else if activity.methods.count < 2 {
            verdict = (
                .notMet, "only one method (\(activity.methods[0].rawValue)): offer several accessible ways to take part"
            )
        } else if activity.audiences.isEmpty {
            verdict = (.atRisk, "\(activity.methods.count) methods, but no audiences recorded: who is being reached?")
        } else if facts.loop.summary.contributions > 0, facts.contributionMethods < 2 {
            verdict = (
                .atRisk, "\(activity.methods.count) methods planned, but contributions came in by one method only"
            )
        } else {
            verdict = (.met, "\(activity.methods.count) methods for \(activity.audiences.joined(separator: ", "))")
        }
        return PrincipleVerdict(number: 4, principle: "Inclusive", verdict: verdict.0, reason: verdict.1)
    }

    /// Principle 5. Windows count days inclusively (a one-day workshop is open for 1 day), from
    /// when people were told about the activity (`announced`) when that is recorded.
    func timely(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let activity = facts.activity
        let verdict: (Verdict, String)
        let start = activity.announced ?? activity.opens
        let from = activity.announced != nil ? "announced" : "open"
        if let start, let closes = activity.closes, start.days(until: closes) + 1 < settings.minWindowDays {
            let open = start.days(until: closes) + 1
            return PrincipleVerdict(
                number: 5, principle: "Timely", verdict: .notMet,
                reason: "\(from) for \(counted(open, "day")) before it closed, less than the "
                    + "\(counted(settings.minWindowDays, "day")) people need",
                kind: "open for less than \(counted(settings.minWindowDays, "day"))", amount: open)
        } else if activity.opens == nil || (activity.closes == nil && activity.cadenceWeeks == nil) {
            verdict = (.notRecorded, "open and close dates (or a cadence) are not recorded")
        } else if activity.cadenceWeeks == nil, activity.feedbackBy == nil {
            verdict = (.atRisk, "no feedback date promised: tell people from the start when they will hear back")
        } else if case .added(let day) = facts.feedbackPromised, let opens = activity.opens, day > opens {
            verdict = (.atRisk, "the feedback date was promised on \(day.spoken), after it opened on \(opens.spoken)")
        } else if let weeks = activity.cadenceWeeks {
            verdict = (.met, "ongoing, with an update every \(counted(weeks, "week"))")
        } else if let start, let closes = activity.closes {
            verdict = (
                .met,
                "\(from) for \(counted(start.days(until: closes) + 1, "day")) before it closed; feedback promised from the start"
            )
        } else {
            verdict = (.notRecorded, "open and close dates (or a cadence) are not recorded")
        }
        return PrincipleVerdict(number: 5, principle: "Timely", verdict: verdict.0, reason: verdict.1)
    }

    func resourced(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let verdict: (Verdict, String) =
            facts.activity.resources.map { (.met, "resources recorded: \($0)") }
            ?? (.notRecorded, "no resources recorded: what time, money and skills are set aside?")
        return PrincipleVerdict(number: 6, principle: "Resourced", verdict: verdict.0, reason: verdict.1)
    }

    /// Principle 7, judged by the first update against the original due date: `not-yet-due` while
    /// none is recorded and the loop is not overdue, `not-met` once it is overdue with none, `met`
    /// when the first came by the original due date, `at-risk` when it came late. Reopenings are
    /// reported apart: how many, and how many new updates came by their reopened due date.
    func outcome(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let loop = facts.loop
        let rules = LoopRules(settings: settings)
        let due =
            rules.baseDue(loop.summary)
            ?? facts.activity.cadenceWeeks.flatMap { weeks in facts.activity.opens?.adding(days: weeks * 7) }
        var notes: [String] = []
        if !loop.missing.overdueCommitments.isEmpty {
            notes.append("\(counted(loop.missing.overdueCommitments.count, "commitment")) overdue")
        }
        let undated = loop.summary.commitmentsWithoutDue
        if undated > 0 {
            notes.append(
                undated == 1
                    ? "1 \"we will\" has no due date: say when it will be done"
                    : "\(undated) \"we will\" decisions have no due date: say when they will be done")
        }
        let verdict: (Verdict, String)
        var reopenings: Reopenings?
        if let first = facts.updates.first {
            if let due, first.published > due {
                let late = counted(due.days(until: first.published), "day")
                verdict = (
                    .atRisk,
                    "the first update came \(late) late (due \(due.spoken), published \(first.published.spoken))"
                )
            } else {
                // Met, but a promise with no date is one nobody can be held to: at risk (DOMAIN.md).
                verdict = (
                    undated > 0 ? .atRisk : .met,
                    "the first update came on \(first.published.spoken)"
                        + (due.map { ", by its due date \($0.spoken)" } ?? "")
                )
            }
            let later = facts.updates.dropFirst().compactMap { update in
                update.reopenedSince.map { (update, rules.reopenedDue(base: due, changed: $0)) }
            }
            if !later.isEmpty {
                let onTime = later.filter { $0.0.published <= $0.1 }.count
                reopenings = Reopenings(count: later.count, onTime: onTime)
                let late = later.count - onTime
                let timing: String
                switch (later.count, late) {
                case (1, 0): timing = "the new update came by its reopened due date"
                case (1, _): timing = "the new update came after its reopened due date"
                case (_, 0): timing = "each new update came by its reopened due date"
                default: timing = "\(late) of the \(later.count) new updates came after their reopened due date"
                }
                notes.append("reopened \(later.count == 1 ? "once" : "\(later.count) times"); \(timing)")
            }
        } else if loop.timing == .overdue, let days = loop.daysOverdue {
            verdict = (.notMet, "no update recorded, and the loop is \(counted(days, "day")) overdue")
            let reason = ([verdict.1] + notes).joined(separator: "; ")
            return PrincipleVerdict(
                number: 7, principle: "Outcome", verdict: .notMet, reason: reason,
                kind: "no update by the due date", amount: days)
        } else {
            verdict = (.notYetDue, "no update recorded yet" + (due.map { "; due \($0.spoken)" } ?? ""))
        }
        let reason = ([verdict.1] + notes).joined(separator: "; ")
        return PrincipleVerdict(
            number: 7, principle: "Outcome", verdict: verdict.0, reason: reason, reopenings: reopenings)
    }

    func learning(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let verdict: (Verdict, String)
        switch (facts.evaluation, facts.loop.state == .closed) {
        case (let evaluation?, _):
            verdict = (
                .met,
                "evaluation recorded" + (evaluation.participantsInvolved ? ", with participants" : "")
                    + (evaluation.sharedWith.isEmpty
                        ? "" : ", shared with \(evaluation.sharedWith.joined(separator: ", "))")
            )
        case (nil, true): verdict = (.notMet, "the loop is closed but no evaluation is recorded")
        case (nil, false): verdict = (.notRecorded, "no evaluation yet; record one once the loop closes")
        }
        return PrincipleVerdict(number: 8, principle: "Learning", verdict: verdict.0, reason: verdict.1)
    }
}
