import FeedbackLoop
import Foundation

/// Renders the yearly report (``YearlyReport``) as a self-contained web page with inline SVG charts
/// (`ReportRenderer+HTML`), as Markdown (`ReportRenderer+Markdown`), and as open data (JSON and
/// CSV). Both readable formats say the same sentences and show the same tables, built here once.
/// Touches no database and fetches nothing.
public enum ReportRenderer {
    public enum Format: String, RecordEnumeration {
        case html, md, txt, json, csv
        public static let listName = "report format"
    }

    public static func render(_ report: YearlyReport, as format: Format, organisation: String? = nil) -> Data {
        switch format {
        case .html: Data(html(report, organisation: organisation).utf8)
        case .md: Data(markdown(report, organisation: organisation).utf8)
        case .txt: Data(text(report, organisation: organisation).utf8)
        case .json: UpdateRenderer.json(report)
        case .csv: Data(csv(report).utf8)
        }
    }

    // MARK: Words

    static func word(_ verdict: Verdict) -> String {
        switch verdict {
        case .met: "met"
        case .atRisk: "at risk"
        case .notMet: "not met"
        case .notRecorded: "not recorded"
        case .notYetDue: "not yet due"
        }
    }

    static func spoken(_ iso: String) -> String { UpdateView.spoken(iso) ?? iso }

    /// Text from the record for HTML: escaped, with any unclosed direction control removed.
    static func safe(_ text: String) -> String { Escape.html(Escape.bidiSafe(text)) }

    /// Every text from the record the report publishes, with where it comes from, for the privacy
    /// guard: activity titles, organisations' names, and good practice's themes and evaluations.
    public static func texts(_ report: YearlyReport) -> [(activity: String?, location: String, text: String)] {
        var texts: [(String?, String, String)] = report.activities.map {
            ($0.ref, "activity \($0.ref), title", $0.title)
        }
        texts += report.scorecards.map { (nil, "organisation \($0.organisation), name", $0.name) }
        for practice in report.goodPractice {
            for (index, highlight) in practice.highlights.enumerated() {
                texts.append((practice.ref, "activity \(practice.ref), highlight \(index + 1)", highlight.youSaid))
            }
            if let worked = practice.worked {
                texts.append((practice.ref, "activity \(practice.ref), what worked", worked))
            }
            if let improve = practice.improve {
                texts.append((practice.ref, "activity \(practice.ref), what to improve", improve))
            }
        }
        return texts
    }

    static func periodText(_ report: YearlyReport) -> String {
        "\(spoken(report.period.from)) to \(spoken(report.period.to))"
    }

    static func verdictsText(_ verdicts: YearlyReport.Verdicts) -> String {
        verdicts.all.filter { $0.1 > 0 }.map { "\($0.1) \(word($0.0))" }.joined(separator: ", ").nonEmpty ?? "none"
    }

    static func share(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "no loops were due"
    }

    static func days(_ value: Double?) -> String {
        guard let value else { return "no updates yet" }
        return value == value.rounded() ? counted(Int(value), "day") : String(format: "%.1f days", value)
    }

    /// What became of the follow-ups given in the period, when any was: confirmed delivered, failed, or
    /// marked sent by hand and never confirmed.
    static func followUpsText(_ loop: YearlyReport.ClosingTheLoop) -> String {
        guard !loop.followUps.isEmpty else { return sentText(loop.followUpsSent) }
        let figures = loop.followUps.sentence
        return "Of the personal follow-ups given in the period, " + figures.prefix(1).lowercased() + figures.dropFirst()
    }

    static func sentText(_ count: Int) -> String {
        "\(counted(count, "personal follow-up")) \(count == 1 ? "was" : "were") sent in the period."
    }

    static func monthName(_ month: String) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return month }
        return "\(names[parts[1] - 1]) \(parts[0])"
    }

    static let rules = [
        "Activities are included when they were open at any time in the period, and judged as at its end (or "
            + "today, if that is earlier).",
        "Each activity is held to the eight principles exactly as `yswd check` holds it: met, at risk, not met, "
            + "not recorded or, for principle 7, not yet due.",
        "Principle 5 counts the days people had to take part, inclusively, from when they were first told "
            + "(or from opening).",
        "Principle 7 judges the first update against the original due date: the promised feedback date, or the "
            + "close date plus the feedback-weeks setting. Reopenings are counted apart.",
        "A loop is on time when its first update was recorded by its due date. Days to first update run from "
            + "the close date.",
        "A commitment (\"we will\") is on time when it was marked done by its due date; outstanding while "
            + "planned or in progress; dropped when stopped.",
        "Informing people is counted apart: it is not engagement. Activities that only informed people are held "
            + "to principle 1, and left out of principles 2 to 8 and the figures for closing the loop.",
        "Views are counted when they were given in the period (or on a day not recorded).",
        "A theme's views changed a decision when a decision adopts it, fully or in part, and is not dropped.",
        "Good practice lists activities that met all eight principles.",
    ]

    static func answerWord(_ answer: String) -> String {
        switch ThemeAnswer(rawValue: answer) {
        case .adopted?: "we did it"
        case .partlyExplained?: "we did part of it, and explained the rest"
        case .explained?: "we explained why not"
        default: answer
        }
    }

    // MARK: Sentences, each with the record's texts escaped by `e` for its format

    static func intro(_ report: YearlyReport, _ e: (String) -> String) -> String {
        let runBy = report.organisation.map { key in report.scorecards.first { $0.organisation == key }?.name ?? key }
        return "\(e(periodText(report))). Judged as at \(e(spoken(report.period.asOf))). This report covers the "
            + "\(counted(report.atAGlance.activities, "activity", plural: "activities")) that were open at any time "
            + "in this period\(runBy.map { " and run by \(e($0))" } ?? "")."
    }

    static func glance(_ report: YearlyReport) -> String {
        let glance = report.atAGlance
        let informing =
            switch glance.informing {
            case 0: "None only informed people."
            case 1: "1 only informed people: it is counted apart, as informing is not engagement."
            default: "\(glance.informing) only informed people: they are counted apart, as informing is not engagement."
            }
        return "\(counted(glance.activities, "activity", plural: "activities")). \(informing) "
            + "\(counted(glance.people, "person", plural: "people").capitalisedFirst) gave "
            + "\(counted(glance.views, "view")) in the period."
    }

    static func loop(_ report: YearlyReport, _ e: (String) -> String) -> String {
        let loop = report.closingTheLoop
        return "\(loop.onTime) of \(counted(loop.loopsDue, "loop")) due by \(e(spoken(report.period.asOf))) had an "
            + "update recorded by the due date (\(share(loop.onTimeShare))). The median time from closing to the "
            + "first update was \(days(loop.medianDaysToFirstUpdate)). \(followUpsText(loop)) "
            + reopeningsText(loop)
    }

    static func reasonsHeading(_ principle: YearlyReport.Principle, _ e: (String) -> String) -> String {
        "\(principle.number) \(e(principle.principle)): why it was not met"
    }

    /// "no update by the due date: 3 activities, 59 to 136 days late".
    static func reason(_ reason: YearlyReport.Count, _ e: (String) -> String) -> String {
        var text = "\(e(reason.name)): \(counted(reason.activities, "activity", plural: "activities"))"
        if let from = reason.from, let to = reason.to, let unit = reason.unit {
            text += from == to ? ", \(from) \(unit)" : ", \(from) to \(to) \(unit)"
        }
        return text
    }

    static func highlight(_ highlight: YearlyReport.Highlight, _ e: (String) -> String) -> String {
        let views = counted(highlight.views, "view").capitalisedFirst
        let from = highlight.people == 0 ? "" : ", from \(counted(highlight.people, "person", plural: "people"))"
        var text = "You said: \(e(unstopped(highlight.youSaid))) (\(views)\(from))."
        if !highlight.weDid.isEmpty {
            text += " We did: " + highlight.weDid.map { e(sentence($0)) }.joined(separator: " ")
        }
        if let because = highlight.because {
            text +=
                (highlight.weDid.isEmpty ? " We did not, because: " : " What we did not do, and why: ")
                + e(sentence(because))
        }
        return text
    }

    static func sentence(_ text: String) -> String { UpdateView.sentence(text) }

    /// A text without the full stop it ends with, so a bracket can follow it.
    static func unstopped(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
    }

    static let noGoodPractice = "No activity met all eight principles in this period."

    // MARK: Tables

    struct Table {
        var caption: String
        var headers: [String]
        var rows: [[String]]
    }

    static func glanceTables(_ report: YearlyReport) -> [Table] {
        let glance = report.atAGlance
        func counts(_ counts: [YearlyReport.Count]) -> [[String]] { counts.map { [$0.name, String($0.activities)] } }
        return [
            Table(caption: "Activities by level", headers: ["Level", "Activities"], rows: counts(glance.byLevel)),
            Table(caption: "Methods used", headers: ["Method", "Activities"], rows: counts(glance.methods)),
            Table(
                caption: "Audiences the activities set out to reach", headers: ["Audience", "Activities"],
                rows: counts(glance.audiences)),
        ]
    }

    static func principleTable(_ report: YearlyReport) -> Table {
        Table(
            caption: "Verdicts for each principle",
            headers: ["Principle"] + Verdict.allCases.map { word($0).capitalisedFirst },
            rows: report.principles.map { ["\($0.number) \($0.principle)"] + $0.verdicts.all.map { String($0.1) } })
    }

    static func loopTables(_ report: YearlyReport) -> (overdue: Table, commitments: Table, months: Table) {
        let loop = report.closingTheLoop
        let c = loop.commitments
        return (
            Table(
                caption: "Loops overdue now, by organisation", headers: ["Organisation", "Loops overdue"],
                rows: loop.overdueNow.map { [$0.name, String($0.activities)] }),
            Table(
                caption: "Commitments (\"we will\")",
                headers: [
                    "Delivered on time", "Delivered late", "Delivered, date not recorded", "Late, not yet done",
                    "Not yet due", "Dropped",
                ],
                rows: [
                    [
                        String(c.onTime), String(c.late), String(c.doneUndated), String(c.overdue),
                        String(c.outstanding), String(c.dropped),
                    ]
                ]),
            Table(
                caption: "Updates by month", headers: ["Month", "Published", "Due"],
                rows: loop.months.map { [monthName($0.month), String($0.published), String($0.due)] })
        )
    }

    static func scorecardTable(_ report: YearlyReport) -> Table {
        Table(
            caption: "Each organisation's activities against each principle, and how many loops were on time",
            headers: ["Organisation", "Activities"] + report.principles.map { "P\($0.number)" } + ["On time"],
            rows: report.scorecards.map { card in
                [
                    card.name,
                    card.informing == 0 ? String(card.activities) : "\(card.activities) (\(card.informing) informing)",
                ]
                    + card.principles.map(verdictsText) + ["\(card.onTime) of \(card.loopsDue)"]
            })
    }

    static func activitiesTable(_ report: YearlyReport) -> Table {
        Table(
            caption: "Every activity in the period, with its eight verdicts and its loop",
            headers: ["Ref", "Title", "Organisation"] + (1...8).map { "P\($0)" } + ["Loop"],
            rows: report.activities.map { row in
                // Informing is held to principle 1 only.
                let verdicts = row.verdicts.enumerated().map { index, verdict in
                    row.informing && index > 0 ? "not counted" : word(verdict)
                }
                return [row.ref, row.title, row.organisationName] + verdicts + [row.loopState]
            })
    }

    /// The key to the principles' short names (P1 to P8) in the wide tables.
    static func principleKey(_ report: YearlyReport) -> String {
        "P1 to P8 are the principles: "
            + report.principles.map { "P\($0.number) \($0.principle)" }.joined(separator: ", ")
            + "."
    }

    // MARK: CSV

    /// One row per activity: its organisation, its eight verdicts (as their values) and its loop.
    static func csv(_ report: YearlyReport) -> String {
        var out =
            "\u{FEFF}"
            + Escape.csvLine(["ref", "title", "organisation"] + (1...8).map { "principle\($0)" } + ["loopState"])
        for row in report.activities {
            out += Escape.csvLine(
                [row.ref, row.title, row.organisation] + row.verdicts.map(\.rawValue) + [row.loopState])
        }
        return out
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
