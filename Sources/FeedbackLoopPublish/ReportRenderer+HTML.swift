import FeedbackLoop
import Foundation

extension ReportRenderer {
    /// The report as one self-contained web page: charts drawn as inline SVG, each with the same
    /// figures in a table beside it, a print stylesheet for A4, nothing fetched.
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
            <p>\(intro(report, x))</p>
            <nav aria-label="Contents"><ul>
            <li><a href="#glance">At a glance</a></li><li><a href="#principles">Principle by principle</a></li>
            <li><a href="#loop">Closing the loop</a></li><li><a href="#influence">How people's views changed decisions</a></li>
            <li><a href="#scorecards">Organisation scorecards</a></li>
            <li><a href="#good-practice">Good practice to share</a></li><li><a href="#activities">Every activity</a></li>
            <li><a href="#how">How this was judged</a></li></ul></nav>
            </header>
            <main>

            """
        out += "<h2 id=\"glance\">At a glance</h2>\n<p>\(glance(report))</p>\n"
        out += glanceTables(report).map(table).joined(separator: "\n") + "\n"
        out += "<h2 id=\"principles\">Principle by principle</h2>\n<figure>\n" + principleChart(report)
        out +=
            "<figcaption>How many activities met each principle. The table below gives the same figures."
            + "</figcaption>\n</figure>\n"
        out += table(principleTable(report))
        for principle in report.principles where !principle.notMetReasons.isEmpty {
            out += "<h3>\(reasonsHeading(principle, x))</h3>\n<ul>\n"
            out += principle.notMetReasons.map { "<li>\(reason($0, x))</li>\n" }.joined()
            out += "</ul>\n"
        }
        let tables = loopTables(report)
        out += "<h2 id=\"loop\">Closing the loop</h2>\n<p>\(loop(report, x))</p>\n"
        out += table(tables.overdue) + "\n" + table(tables.commitments) + "\n"
        out += "<figure>\n\(monthChart(report))<figcaption>Updates published against updates due, month by month. "
        out += "The table below gives the same figures.</figcaption>\n</figure>\n"
        out += table(tables.months) + "\n"
        out += "<h2 id=\"influence\">How people's views changed decisions</h2>\n"
        out +=
            influence(report, x, bullet: "").split(separator: "\n", omittingEmptySubsequences: true)
            .map { "<p dir=\"auto\">\($0)</p>\n" }.joined()
        out += table(influenceTable(report))
        out += "<h2 id=\"scorecards\">Organisation scorecards</h2>\n<p>\(x(principleKey(report)))</p>\n"
        out += table(scorecardTable(report))
        out += "<h2 id=\"good-practice\">Good practice to share</h2>\n"
        if report.goodPractice.isEmpty { out += "<p>\(noGoodPractice)</p>\n" }
        for practice in report.goodPractice {
            out += "<section class=\"theme\">\n<h3 dir=\"auto\">\(x(practice.title)) (\(x(practice.ref)))</h3>\n"
            out += "<p class=\"meta\">\(x(practice.organisation))</p>\n"
            if !practice.highlights.isEmpty {
                out += "<ul>\n" + practice.highlights.map { "<li dir=\"auto\">\(highlight($0, x))</li>\n" }.joined()
                out += "</ul>\n"
            }
            if let worked = practice.worked {
                out += "<p dir=\"auto\"><strong>What worked:</strong> \(x(worked))</p>\n"
            }
            if let improve = practice.improve {
                out += "<p dir=\"auto\"><strong>What to improve:</strong> \(x(improve))</p>\n"
            }
            out += "</section>\n"
        }
        out += "<h2 id=\"activities\">Every activity</h2>\n" + table(activitiesTable(report))
        out += "<h2 id=\"how\">How this was judged</h2>\n<ul>\n"
        out += rules.map { "<li>\(x($0.replacingOccurrences(of: "`", with: "")))</li>\n" }.joined()
        out += "</ul>\n</main>\n</body>\n</html>\n"
        return out
    }

    static func table(_ table: Table) -> String {
        let x = safe
        guard !table.rows.isEmpty else { return "<p>\(x(table.caption)): none.</p>\n" }
        // A table wider than the screen scrolls in its own region, which the keyboard can reach.
        var out =
            "<div class=\"table\" tabindex=\"0\" role=\"region\" aria-label=\"\(x(table.caption))\"><table>\n"
            + "<caption>\(x(table.caption))</caption>\n<thead><tr>"
        out += table.headers.map { "<th scope=\"col\">\(x($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
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
        td,th{overflow-wrap:normal;word-break:normal;hyphens:manual}
        nav ul{columns:2}
        @page{size:A4;margin:15mm}
        @media print{nav{display:none}.chart{max-width:100%}table{font-size:7.5pt}h2{break-before:page}
        .table{overflow:visible}td,th{padding:.1rem .25rem .1rem 0}
        h2#glance{break-before:auto}tr,figure,section{break-inside:avoid}}
        """

}
