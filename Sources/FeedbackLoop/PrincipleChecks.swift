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

    func timely(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let activity = facts.activity
        let verdict: (Verdict, String)
        if let opens = activity.opens, let closes = activity.closes, opens.days(until: closes) < settings.minWindowDays
        {
            let open = counted(opens.days(until: closes), "day")
            verdict = (.notMet, "open for \(open), less than the \(counted(settings.minWindowDays, "day")) people need")
        } else if activity.opens == nil || (activity.closes == nil && activity.cadenceWeeks == nil) {
            verdict = (.notRecorded, "open and close dates (or a cadence) are not recorded")
        } else if activity.cadenceWeeks == nil, activity.feedbackBy == nil {
            verdict = (.atRisk, "no feedback date promised: tell people from the start when they will hear back")
        } else if case .added(let day) = facts.feedbackPromised, let opens = activity.opens, day > opens {
            verdict = (.atRisk, "the feedback date was promised on \(day.spoken), after it opened on \(opens.spoken)")
        } else if let weeks = activity.cadenceWeeks {
            verdict = (.met, "ongoing, with an update every \(counted(weeks, "week"))")
        } else if let opens = activity.opens, let closes = activity.closes {
            verdict = (.met, "open for \(counted(opens.days(until: closes), "day")); feedback promised from the start")
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

    func outcome(_ facts: PrincipleFacts) -> PrincipleVerdict {
        let loop = facts.loop
        let state = "loop \(loop.state.rawValue)" + (loop.due.map { ", due \($0.spoken)" } ?? "")
        let verdict: (Verdict, String)
        if !loop.missing.overdueCommitments.isEmpty {
            verdict = (.notMet, "\(state); \(counted(loop.missing.overdueCommitments.count, "commitment")) overdue")
        } else if loop.timing == .overdue || loop.timing == .dueSoon {
            verdict = (loop.timing == .overdue ? .notMet : .atRisk, "loop \(loop.state.rawValue), \(loop.timingPhrase)")
        } else if loop.summary.commitmentsWithoutDue > 0 {
            verdict = (.atRisk, "\(state); \(loop.summary.commitmentsWithoutDue) \"we will\" without a due date")
        } else if loop.due == nil, loop.state != .closed {
            verdict = (.atRisk, "\(state); no date by which people will hear back")
        } else {
            verdict = (.met, state)
        }
        return PrincipleVerdict(number: 7, principle: "Outcome", verdict: verdict.0, reason: verdict.1)
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
