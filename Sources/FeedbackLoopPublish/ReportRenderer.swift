import FeedbackLoop
import Foundation

/// Renders the yearly report (``YearlyReport``) as a self-contained web page with inline SVG charts,
/// as Markdown, and as open data (JSON and CSV). Touches no database and fetches nothing.
public enum ReportRenderer {
    public enum Format: String, RecordEnumeration {
        case html, md, json, csv
        public static let listName = "report format"
    }

    public static func render(_ report: YearlyReport, as format: Format, organisation: String? = nil) -> Data {
        switch format {
        case .html: Data(html(report, organisation: organisation).utf8)
        case .md: Data(markdown(report, organisation: organisation).utf8)
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
        "Informing people is counted apart: it is not engagement.",
        "Good practice lists activities that met all eight principles.",
    ]

    // MARK: HTML

    static func html(_ report: YearlyReport, organisation: String?) -> String {
        let x = safe
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>How engagement met the eight principles: \(x(periodText(report)))</title>
            <style>
            \(BuiltInTemplates.style)
            \(style)
            </style>
            </head>
            <body>
            <header>
            \(organisation.map { "<p class=\"meta\">\(x($0))</p>" } ?? "")
            <h1>How engagement met the eight principles</h1>
            <p>\(x(periodText(report))). Judged as at \(x(spoken(report.period.asOf))).\
             This report covers the \(x(counted(report.atAGlance.activities, "activity", plural: "activities"))) \
            that were open at any time in this period\(report.organisation.map { " and run by \(x($0))" } ?? "").</p>
            <nav aria-label="Contents"><ul>
            <li><a href="#glance">At a glance</a></li><li><a href="#principles">Principle by principle</a></li>
            <li><a href="#loop">Closing the loop</a></li><li><a href="#scorecards">Organisation scorecards</a></li>
            <li><a href="#good-practice">Good practice to share</a></li><li><a href="#activities">Every activity</a></li>
            <li><a href="#how">How this was judged</a></li></ul></nav>
            </header>
            <main>

            """
        let glance = report.atAGlance
        out += """
            <h2 id="glance">At a glance</h2>
            <p>\(x(counted(glance.activities, "activity", plural: "activities"))), of which \(glance.informing) \
            only informed people (not engagement). \(x(counted(glance.people, "person", plural: "people"))) gave \
            \(x(counted(glance.views, "view"))).</p>
            \(table(caption: "Activities by level", headers: ["Level", "Activities"], rows: glance.byLevel.map { [$0.name, String($0.activities)] }))
            \(table(caption: "Methods used", headers: ["Method", "Activities"], rows: glance.methods.map { [$0.name, String($0.activities)] }))
            \(table(caption: "Audiences reached", headers: ["Audience", "Activities"], rows: glance.audiences.map { [$0.name, String($0.activities)] }))

            """
        out += "<h2 id=\"principles\">Principle by principle</h2>\n<figure>\n" + principleChart(report)
        out +=
            "<figcaption>How many activities met each principle. The table below gives the same figures."
            + "</figcaption>\n</figure>\n"
        out += table(
            caption: "Verdicts for each principle",
            headers: ["Principle"] + Verdict.allCases.map { word($0).capitalisedFirst },
            rows: report.principles.map { principle in
                ["\(principle.number) \(principle.principle)"] + principle.verdicts.all.map { String($0.1) }
            })
        for principle in report.principles where !principle.notMetReasons.isEmpty {
            out += "<h3>\(principle.number) \(x(principle.principle)): the most common reasons for not met</h3>\n<ul>\n"
            out += principle.notMetReasons.map {
                "<li>\(x($0.name)) (\(x(counted($0.activities, "activity", plural: "activities"))))</li>\n"
            }.joined()
            out += "</ul>\n"
        }
        let loop = report.closingTheLoop
        out += """
            <h2 id="loop">Closing the loop</h2>
            <p>\(loop.onTime) of \(x(counted(loop.loopsDue, "loop"))) due by \(x(spoken(report.period.asOf))) had \
            an update recorded by the due date (\(x(share(loop.onTimeShare)))). The median time from closing to \
            the first update was \(x(days(loop.medianDaysToFirstUpdate))). \
            \(x(sentText(loop.followUpsSent)))</p>
            \(table(caption: "Loops overdue now, by organisation", headers: ["Organisation", "Loops overdue"], rows: loop.overdueNow.map { [$0.name, String($0.activities)] }))
            \(table(caption: "Commitments (\"we will\")", headers: ["Delivered on time", "Delivered late", "Delivered, date not recorded", "Outstanding", "Dropped"], rows: [[String(loop.commitments.onTime), String(loop.commitments.late), String(loop.commitments.doneUndated), String(loop.commitments.outstanding), String(loop.commitments.dropped)]]))
            <figure>
            \(monthChart(report))<figcaption>Updates published against updates due, month by month. The table \
            below gives the same figures.</figcaption>
            </figure>
            \(table(caption: "Updates by month", headers: ["Month", "Published", "Due"], rows: loop.months.map { [monthName($0.month), String($0.published), String($0.due)] }))

            """
        out += "<h2 id=\"scorecards\">Organisation scorecards</h2>\n"
        out += table(
            caption: "Each organisation's activities against each principle, and how many loops were on time",
            headers: ["Organisation", "Activities"] + report.principles.map { "\($0.number) \($0.principle)" } + [
                "On time"
            ],
            rows: report.scorecards.map { card in
                [card.name, String(card.activities)] + card.principles.map(verdictsText) + [
                    "\(card.onTime) of \(card.loopsDue)"
                ]
            })
        out += "<h2 id=\"good-practice\">Good practice to share</h2>\n"
        if report.goodPractice.isEmpty {
            out += "<p>No activity met all eight principles in this period.</p>\n"
        }
        for practice in report.goodPractice {
            out += "<section class=\"theme\">\n<h3 dir=\"auto\">\(x(practice.title)) (\(x(practice.ref)))</h3>\n"
            out += "<p class=\"meta\">\(x(practice.organisation))</p>\n"
            if !practice.highlights.isEmpty {
                out +=
                    "<ul>\n"
                    + practice.highlights.map {
                        "<li dir=\"auto\">You said: \(x($0.youSaid)) (\(x(counted($0.people, "person", plural: "people")))). "
                            + "Answer: \(x(answerWord($0.answer))).</li>\n"
                    }.joined() + "</ul>\n"
            }
            if let worked = practice.worked {
                out += "<p dir=\"auto\"><strong>What worked:</strong> \(x(worked))</p>\n"
            }
            if let improve = practice.improve {
                out += "<p dir=\"auto\"><strong>What to improve:</strong> \(x(improve))</p>\n"
            }
            out += "</section>\n"
        }
        out += "<h2 id=\"activities\">Every activity</h2>\n"
        out += table(
            caption: "Every activity in the period, with its eight verdicts and its loop",
            headers: ["Ref", "Title", "Organisation"] + (1...8).map { "P\($0)" } + ["Loop"],
            rows: report.activities.map { row in
                [row.ref, row.title, row.organisation] + row.verdicts.map(word) + [row.loopState]
            })
        out += "<h2 id=\"how\">How this was judged</h2>\n<ul>\n"
        out += rules.map { "<li>\(x($0.replacingOccurrences(of: "`", with: "")))</li>\n" }.joined()
        out += "</ul>\n</main>\n</body>\n</html>\n"
        return out
    }

    static func answerWord(_ answer: String) -> String {
        switch ThemeAnswer(rawValue: answer) {
        case .adopted?: "we did it"
        case .partlyExplained?: "we did part of it, and explained the rest"
        case .explained?: "we explained why not"
        default: answer
        }
    }

    static func table(caption: String, headers: [String], rows: [[String]]) -> String {
        let x = safe
        guard !rows.isEmpty else { return "<p>\(x(caption)): none.</p>\n" }
        var out = "<div class=\"table\"><table>\n<caption>\(x(caption))</caption>\n<thead><tr>"
        out += headers.map { "<th scope=\"col\">\(x($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map { index, cell in
                    index == 0 ? "<th scope=\"row\" dir=\"auto\">\(x(cell))</th>" : "<td dir=\"auto\">\(x(cell))</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// Okabe–Ito colours, safe for colour-blind readers, each with a pattern so nothing depends on colour.
    static func fill(_ verdict: Verdict) -> (colour: String, pattern: String?) {
        switch verdict {
        case .met: ("#009E73", nil)
        case .atRisk: ("#E69F00", "p-diagonal")
        case .notMet: ("#D55E00", "p-cross")
        case .notRecorded: ("#BBBBBB", "p-dots")
        case .notYetDue: ("#56B4E9", "p-lines")
        }
    }

    static let patterns = """
        <defs>
        <pattern id="p-diagonal" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 8 8 0" stroke="#000" stroke-width="1.5"/></pattern>
        <pattern id="p-cross" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0 8 8M0 8 8 0" stroke="#000" stroke-width="1.2"/></pattern>
        <pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.2" fill="#000"/></pattern>
        <pattern id="p-lines" width="8" height="6" patternUnits="userSpaceOnUse"><path d="M0 3h8" stroke="#000" stroke-width="1.2"/></pattern>
        </defs>
        """

    /// One stacked bar per principle, each segment labelled with its count; the legend names each
    /// verdict with its colour and pattern.
    static func principleChart(_ report: YearlyReport) -> String {
        let x = safe
        let total = max(report.atAGlance.activities, 1)
        let left = 150.0
        let width = 460.0
        let row = 30.0
        let height = Double(report.principles.count) * row + 60
        let description = report.principles.map { "\($0.number) \($0.principle): \(verdictsText($0.verdicts))" }
            .joined(separator: "; ")
        var out = """
            <svg class="chart" role="img" aria-labelledby="principles-title principles-desc" viewBox="0 0 640 \(Int(height))" \
            width="100%" xmlns="http://www.w3.org/2000/svg">
            <title id="principles-title">Verdicts for each principle</title>
            <desc id="principles-desc">\(x(description))</desc>
            \(patterns)

            """
        for (index, principle) in report.principles.enumerated() {
            let y = Double(index) * row + 5
            out +=
                "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(principle.number) \(x(principle.principle))</text>\n"
            var start = left
            for (verdict, count) in principle.verdicts.all where count > 0 {
                let w = width * Double(count) / Double(total)
                let (colour, pattern) = fill(verdict)
                out +=
                    "<rect x=\"\(format(start))\" y=\"\(y)\" width=\"\(format(w))\" height=\"22\" fill=\"\(colour)\" "
                    + "data-principle=\"\(principle.number)\" data-verdict=\"\(verdict.rawValue)\" data-count=\"\(count)\"/>\n"
                if let pattern {
                    out +=
                        "<rect x=\"\(format(start))\" y=\"\(y)\" width=\"\(format(w))\" height=\"22\" "
                        + "fill=\"url(#\(pattern))\" opacity=\"0.35\"/>\n"
                }
                if w >= 18 {
                    out +=
                        "<text x=\"\(format(start + w / 2))\" y=\"\(y + 16)\" font-size=\"12\" text-anchor=\"middle\" "
                        + "font-weight=\"bold\">\(count)</text>\n"
                }
                start += w
            }
        }
        var legendX = 0.0
        let legendY = Double(report.principles.count) * row + 20
        for verdict in Verdict.allCases {
            let (colour, pattern) = fill(verdict)
            out += "<rect x=\"\(format(legendX))\" y=\"\(legendY)\" width=\"14\" height=\"14\" fill=\"\(colour)\"/>\n"
            if let pattern {
                out +=
                    "<rect x=\"\(format(legendX))\" y=\"\(legendY)\" width=\"14\" height=\"14\" fill=\"url(#\(pattern))\" "
                    + "opacity=\"0.35\"/>\n"
            }
            out +=
                "<text x=\"\(format(legendX + 18))\" y=\"\(legendY + 12)\" font-size=\"12\">\(word(verdict))</text>\n"
            legendX += 120
        }
        return out + "</svg>\n"
    }

    /// Two bars per month: updates published (solid) and updates due (hatched), each labelled.
    static func monthChart(_ report: YearlyReport) -> String {
        let x = safe
        let months = report.closingTheLoop.months
        let top = max(months.map { max($0.published, $0.due) }.max() ?? 0, 1)
        let slot = 600.0 / Double(max(months.count, 1))
        let base = 170.0
        let description = months.map { "\(monthName($0.month)): \($0.published) published, \($0.due) due" }
            .joined(separator: "; ")
        var out = """
            <svg class="chart" role="img" aria-labelledby="months-title months-desc" viewBox="0 0 640 230" width="100%" \
            xmlns="http://www.w3.org/2000/svg">
            <title id="months-title">Updates published and due, month by month</title>
            <desc id="months-desc">\(x(description))</desc>
            \(patterns)

            """
        for (index, month) in months.enumerated() {
            let x0 = 20 + Double(index) * slot
            for (offset, series, count) in [(0.0, "published", month.published), (1.0, "due", month.due)] {
                let h = 140 * Double(count) / Double(top)
                let barX = x0 + offset * slot * 0.4
                out +=
                    "<rect x=\"\(format(barX))\" y=\"\(format(base - h))\" width=\"\(format(slot * 0.38))\" "
                    + "height=\"\(format(h))\" fill=\"\(series == "published" ? "#0072B2" : "#E69F00")\" "
                    + "data-month=\"\(month.month)\" data-series=\"\(series)\" data-count=\"\(count)\"/>\n"
                if series == "due" {
                    out +=
                        "<rect x=\"\(format(barX))\" y=\"\(format(base - h))\" width=\"\(format(slot * 0.38))\" "
                        + "height=\"\(format(h))\" fill=\"url(#p-diagonal)\" opacity=\"0.35\"/>\n"
                }
                out +=
                    "<text x=\"\(format(barX + slot * 0.19))\" y=\"\(format(base - h - 3))\" font-size=\"10\" "
                    + "text-anchor=\"middle\">\(count)</text>\n"
            }
            out +=
                "<text x=\"\(format(x0 + slot * 0.4))\" y=\"\(base + 14)\" font-size=\"10\" text-anchor=\"middle\">"
                + "\(x(monthName(month.month).prefix(3).description))</text>\n"
        }
        out += "<rect x=\"20\" y=\"205\" width=\"14\" height=\"14\" fill=\"#0072B2\"/>"
        out += "<text x=\"38\" y=\"217\" font-size=\"12\">published</text>\n"
        out += "<rect x=\"140\" y=\"205\" width=\"14\" height=\"14\" fill=\"#E69F00\"/>"
        out += "<rect x=\"140\" y=\"205\" width=\"14\" height=\"14\" fill=\"url(#p-diagonal)\" opacity=\"0.35\"/>"
        out += "<text x=\"158\" y=\"217\" font-size=\"12\">due</text>\n"
        return out + "</svg>\n"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static let style = """
        body{max-width:60rem}.chart{max-width:44rem;display:block}figure{margin:1rem 0}
        figcaption{font-size:1rem;color:#474747}caption{text-align:left;font-weight:600;padding:.5rem 0}
        .table{overflow-x:auto}td,th{border-bottom:1px solid #b1b4b6;vertical-align:top}
        nav ul{columns:2}
        @page{size:A4;margin:15mm}
        @media print{nav{display:none}.chart{max-width:100%}table{font-size:9pt}h2{break-before:page}
        h2#glance{break-before:auto}tr,figure,section{break-inside:avoid}}
        """

    // MARK: Markdown

    static func markdown(_ report: YearlyReport, organisation: String?) -> String {
        let m = { Escape.markdown(Escape.bidiSafe($0)) }
        func table(_ headers: [String], _ rows: [[String]]) -> String {
            guard !rows.isEmpty else { return "None.\n\n" }
            var out = "| " + headers.map(m).joined(separator: " | ") + " |\n"
            out += "|" + headers.map { _ in "---|" }.joined() + "\n"
            for row in rows {
                out +=
                    "| " + row.map { m($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
                    + " |\n"
            }
            return out + "\n"
        }
        let glance = report.atAGlance
        let loop = report.closingTheLoop
        var out = "# How engagement met the eight principles\n\n"
        if let organisation { out += "\(m(organisation))\n\n" }
        out +=
            "\(m(periodText(report))). Judged as at \(m(spoken(report.period.asOf))). This report covers the "
            + "\(counted(glance.activities, "activity", plural: "activities")) that were open at any time in this "
            + "period\(report.organisation.map { " and run by \(m($0))" } ?? "").\n\n"
        out += "## At a glance\n\n"
        out +=
            "\(counted(glance.activities, "activity", plural: "activities")), of which \(glance.informing) only "
            + "informed people (not engagement). \(counted(glance.people, "person", plural: "people")) gave "
            + "\(counted(glance.views, "view")).\n\n"
        out += table(["Level", "Activities"], glance.byLevel.map { [$0.name, String($0.activities)] })
        out += table(["Method", "Activities"], glance.methods.map { [$0.name, String($0.activities)] })
        out += table(["Audience", "Activities"], glance.audiences.map { [$0.name, String($0.activities)] })
        out += "## Principle by principle\n\n"
        out += table(
            ["Principle"] + Verdict.allCases.map { word($0).capitalisedFirst },
            report.principles.map { ["\($0.number) \($0.principle)"] + $0.verdicts.all.map { String($0.1) } })
        for principle in report.principles where !principle.notMetReasons.isEmpty {
            out += "### \(principle.number) \(m(principle.principle)): the most common reasons for not met\n\n"
            out +=
                principle.notMetReasons.map {
                    "- \(m($0.name)) (\(counted($0.activities, "activity", plural: "activities")))\n"
                }.joined() + "\n"
        }
        out += "## Closing the loop\n\n"
        out +=
            "\(loop.onTime) of \(counted(loop.loopsDue, "loop")) due by \(m(spoken(report.period.asOf))) had an "
            + "update recorded by the due date (\(share(loop.onTimeShare))). The median time from closing to the "
            + "first update was \(days(loop.medianDaysToFirstUpdate)). "
            + "\(sentText(loop.followUpsSent))\n\n"
        out += table(["Organisation", "Loops overdue"], loop.overdueNow.map { [$0.name, String($0.activities)] })
        let c = loop.commitments
        out += table(
            ["Delivered on time", "Delivered late", "Delivered, date not recorded", "Outstanding", "Dropped"],
            [[String(c.onTime), String(c.late), String(c.doneUndated), String(c.outstanding), String(c.dropped)]])
        out += table(
            ["Month", "Published", "Due"],
            loop.months.map { [monthName($0.month), String($0.published), String($0.due)] })
        out += "## Organisation scorecards\n\n"
        out += table(
            ["Organisation", "Activities"] + report.principles.map { "\($0.number) \($0.principle)" } + ["On time"],
            report.scorecards.map { card in
                [card.name, String(card.activities)] + card.principles.map(verdictsText) + [
                    "\(card.onTime) of \(card.loopsDue)"
                ]
            })
        out += "## Good practice to share\n\n"
        if report.goodPractice.isEmpty { out += "No activity met all eight principles in this period.\n\n" }
        for practice in report.goodPractice {
            out += "### \(m(practice.title)) (\(m(practice.ref)))\n\n\(m(practice.organisation))\n\n"
            for highlight in practice.highlights {
                out +=
                    "- You said: \(m(highlight.youSaid)) (\(counted(highlight.people, "person", plural: "people"))). "
                    + "Answer: \(answerWord(highlight.answer)).\n"
            }
            if !practice.highlights.isEmpty { out += "\n" }
            if let worked = practice.worked { out += "**What worked:** \(m(worked))\n\n" }
            if let improve = practice.improve { out += "**What to improve:** \(m(improve))\n\n" }
        }
        out += "## Every activity\n\n"
        out += table(
            ["Ref", "Title", "Organisation"] + (1...8).map { "P\($0)" } + ["Loop"],
            report.activities.map { [$0.ref, $0.title, $0.organisation] + $0.verdicts.map(word) + [$0.loopState] })
        out += "## How this was judged\n\n" + rules.map { "- \($0.replacingOccurrences(of: "`", with: ""))\n" }.joined()
        return out
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
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
