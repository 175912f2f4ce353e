/// The feedback-loop rules of DOMAIN.md ("The feedback loop, as rules"), as one pure function of an
/// activity's summary, the team's settings and the date.
public struct LoopRules: Sendable {
    public var settings: TeamSettings

    public init(settings: TeamSettings = TeamSettings()) {
        self.settings = settings
    }

    /// The loop's state, due date, timing, flags and what is missing, as of `today`.
    public func status(of summary: LoopSummary, asOf today: CalendarDate) -> LoopStatus {
        let answers = summary.themes.map(\.answer)
        let unanswered = answers.filter { !$0.isAnswered }.count
        let incomplete = summary.contributions == 0 || summary.unthemed > 0 || unanswered > 0 || summary.themes.isEmpty
        let ongoing = summary.cadenceWeeks.map { weeks in
            // An update is due one cadence after the last update, or after opening when there is none.
            (summary.latestUpdate?.published ?? summary.opens).map { $0.adding(days: weeks * 7) }
        }

        var due: CalendarDate?
        let state: LoopState
        if let opens = summary.opens, today < opens {
            state = .planned
            due = summary.cadenceWeeks == nil ? baseDue(summary) : ongoing ?? nil
        } else if let ongoing {
            due = ongoing
            if ongoing.map({ today < $0 }) ?? true {
                state = .collecting
            } else {
                // The period's update is due: what was recorded so far must be answered, then published.
                state = incomplete ? .awaitingResponse : .readyToPublish
            }
        } else if summary.closes.map({ today <= $0 }) ?? true {
            state = .collecting
            due = baseDue(summary)
        } else {
            due = baseDue(summary)
            if incomplete {
                state = .awaitingResponse
                // A change after an update (a new theme, say) reopens the loop in every state: the
                // reopening, not the original promise, sets when people must hear.
                if let changed = summary.latestUpdate?.uncoveredSince {
                    due = reopenedDue(base: due, changed: changed)
                }
            } else if let update = summary.latestUpdate {
                if let changed = update.uncoveredSince {
                    state = .reopened
                    due = reopenedDue(base: due, changed: changed)
                } else {
                    // Unreachable participants are a warning, not a blocker.
                    state = summary.reachableFollowUps > 0 ? .followingUp : .closed
                    // An update that answered a reopening keeps the reopened due date for its follow-ups.
                    if state == .followingUp, let changed = update.reopenedSince {
                        due = reopenedDue(base: due, changed: changed)
                    }
                }
            } else {
                state = .readyToPublish
            }
        }

        var flags: [LoopFlag] = []
        if summary.level == .inform { flags.append(.informOnly) }
        if summary.feedbackBy == nil, summary.cadenceWeeks == nil { flags.append(.noFeedbackDate) }
        if summary.closes == nil, summary.cadenceWeeks == nil { flags.append(.noCloseDate) }
        if summary.contributions == 0, state > .collecting { flags.append(.noContributions) }
        if summary.unreachable > 0 { flags.append(.unreachableParticipants) }

        // A closed loop kept its promise: only an open one can be late.
        let daysOverdue = state == .closed ? nil : due.map { $0.days(until: today) }
        let timing: LoopTiming
        switch daysOverdue {
        case nil: timing = state == .closed ? .onTrack : .noDueDate
        case let days? where days > 0: timing = .overdue
        case let days? where -days <= settings.dueSoonDays: timing = .dueSoon
        default: timing = .onTrack
        }

        return LoopStatus(
            summary: summary, state: state, due: due, timing: timing, daysOverdue: daysOverdue, flags: flags,
            missing: LoopStatus.Missing(
                unthemed: summary.unthemed, unansweredThemes: unanswered,
                followUps: state == .followingUp ? summary.reachableFollowUps : 0,
                overdueCommitments: summary.openCommitments.filter { $0.due < today }))
    }

    /// A reopened loop's due date: `reopen-days` after the first change since the latest update, or
    /// the original due date if that is later.
    public func reopenedDue(base: CalendarDate?, changed: CalendarDate) -> CalendarDate {
        let reopened = changed.adding(days: settings.reopenDays)
        return base.map { max($0, reopened) } ?? reopened
    }

    /// The promised feedback date; without one, the close date plus `feedback-weeks`.
    public func baseDue(_ summary: LoopSummary) -> CalendarDate? {
        baseDue(feedbackBy: summary.feedbackBy, closes: summary.closes)
    }

    /// The same, from an activity's dates.
    public func baseDue(feedbackBy: CalendarDate?, closes: CalendarDate?) -> CalendarDate? {
        feedbackBy ?? closes?.adding(days: settings.feedbackWeeks * 7)
    }

    /// Outstanding loops, most overdue first, then fewest days left, then those without a due date.
    public func outstanding(_ summaries: [LoopSummary], asOf today: CalendarDate) -> [LoopStatus] {
        statuses(summaries, asOf: today, where: \.isOutstanding)
    }

    /// Every loop that `include` lets through, in the order of ``outstanding(_:asOf:)``.
    public func statuses(
        _ summaries: [LoopSummary], asOf today: CalendarDate, where include: (LoopStatus) -> Bool = { _ in true }
    ) -> [LoopStatus] {
        var statuses: [LoopStatus] = []
        for summary in summaries {
            let status = status(of: summary, asOf: today)
            if include(status) { statuses.append(status) }
        }
        return statuses.sorted(by: Self.comesBefore)
    }

    /// Whether `a` is listed before `b`: the most overdue first, then by ref.
    public static func comesBefore(_ a: LoopStatus, _ b: LoopStatus) -> Bool {
        switch (a.daysOverdue, b.daysOverdue) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.summary.ref < b.summary.ref
        }
    }
}
