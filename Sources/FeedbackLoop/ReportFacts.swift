/// The period a yearly report covers: a UK financial year (1 April to 31 March) or any two dates.
public struct ReportPeriod: Sendable, Equatable, Codable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// The financial year starting in April of `year`.
    public static func financialYear(_ year: Int) throws(RecordError) -> ReportPeriod {
        guard (2000...2100).contains(year) else {
            throw .outOfRange(field: .entry("year"), value: String(year), range: 2000...2100)
        }
        return ReportPeriod(
            from: CalendarDate(validYear: year, month: 4, day: 1),
            to: CalendarDate(validYear: year + 1, month: 3, day: 31))
    }

    /// The period's months, as `YYYY-MM`.
    public var months: [String] {
        var months: [String] = []
        var year = from.year
        var month = from.month
        while (year, month) <= (to.year, to.month) {
            months.append(String(CalendarDate(validYear: year, month: month, day: 1).description.prefix(7)))
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return months
    }

    /// Whether an activity open from `opens` to `closes` (nil: still open) was open at any time in it.
    public func overlaps(opens: CalendarDate?, closes: CalendarDate?) -> Bool {
        guard let opens else { return false }
        return opens <= to && (closes.map { $0 >= from } ?? true)
    }
}

/// What the yearly report reads about one activity.
public struct ReportActivityFacts: Sendable {
    public var principles: PrincipleFacts
    /// The key of the organisation that ran it.
    public var organisation: String?
    /// In-scope views and the distinct people who gave them.
    public var views: Int
    public var people: Int
    /// Its "we will" decisions: status, due date and, when done, the day it was marked done.
    public var commitments: [CommitmentFacts]
    /// Follow-ups sent in the period.
    public var followUpsSent: Int
    /// Those follow-ups by what became of them (confirmed delivered by channel, failed, marked sent by
    /// hand), and the people owed one as the report is judged.
    public var followUps = FollowUpFigures()
    /// Its themes' answers, and its theme with the most views that changed a decision: how
    /// people's views changed decisions.
    public var themes: [ReportThemeFacts]
    public var example: ReportExample?

    public init(
        principles: PrincipleFacts, organisation: String?, views: Int, people: Int, commitments: [CommitmentFacts],
        followUpsSent: Int, themes: [ReportThemeFacts] = [], example: ReportExample? = nil
    ) {
        self.themes = themes
        self.example = example
        self.principles = principles
        self.organisation = organisation
        self.views = views
        self.people = people
        self.commitments = commitments
        self.followUpsSent = followUpsSent
    }
}

/// A decision as the report counts commitments.
public struct CommitmentFacts: Sendable, Equatable {
    public var status: DeliveryStatus
    public var due: CalendarDate?
    /// When history first recorded it as done; nil when it came in done, or is not done.
    public var doneOn: CalendarDate?

    public init(status: DeliveryStatus, due: CalendarDate?, doneOn: CalendarDate?) {
        self.status = status
        self.due = due
        self.doneOn = doneOn
    }
}

/// A theme as the yearly report counts how views changed decisions: its answer and, when it was not
/// (wholly) adopted, the kind of reason.
public struct ReportThemeFacts: Sendable, Equatable {
    public var answer: ThemeAnswer
    public var reason: ReasonCategory?

    public init(answer: ThemeAnswer, reason: ReasonCategory?) {
        self.answer = answer
        self.reason = reason
    }
}

/// A theme whose views changed a decision, to quote: what people said, how many views it gathered,
/// and what was done (the decisions' texts, dropped ones left out).
public struct ReportExample: Sendable, Equatable {
    public var said: String
    public var views: Int
    public var weDid: [String]

    public init(said: String, views: Int, weDid: [String]) {
        self.said = said
        self.views = views
        self.weDid = weDid
    }
}
