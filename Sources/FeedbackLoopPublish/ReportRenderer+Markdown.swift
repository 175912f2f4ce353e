import FeedbackLoop

extension ReportRenderer {
    /// The report in Markdown: the same sentences and tables as the web page, without the charts.
    static func markdown(_ report: YearlyReport, organisation: String?) -> String {
        let m = { Escape.markdown(Escape.bidiSafe($0)) }
        var out = "# How engagement met the eight principles\n\n"
        if let organisation { out += "\(m(organisation))\n\n" }
        out += intro(report, m) + "\n\n"
        out += "## At a glance\n\n" + glance(report) + "\n\n"
        out += glanceTables(report).map(markdownTable).joined()
        out += "## Principle by principle\n\n" + markdownTable(principleTable(report))
        for principle in report.principles where !principle.notMetReasons.isEmpty {
            out += "### \(reasonsHeading(principle, m))\n\n"
            out += principle.notMetReasons.map { "- \(reason($0, m))\n" }.joined() + "\n"
        }
        let tables = loopTables(report)
        out += "## Closing the loop\n\n" + loop(report, m) + "\n\n"
        out += markdownTable(tables.overdue) + markdownTable(tables.commitments) + markdownTable(tables.months)
        out += "## How people's views changed decisions\n\n" + influence(report, m, bullet: "- ")
        out += markdownTable(influenceTable(report))
        out += "## Organisation scorecards\n\n" + principleKey(report) + "\n\n" + markdownTable(scorecardTable(report))
        out += "## Good practice to share\n\n"
        if report.goodPractice.isEmpty { out += noGoodPractice + "\n\n" }
        for practice in report.goodPractice {
            out += "### \(m(practice.title)) (\(m(practice.ref)))\n\n\(m(practice.organisation))\n\n"
            out += practice.highlights.map { "- \(highlight($0, m))\n" }.joined()
            if !practice.highlights.isEmpty { out += "\n" }
            if let worked = practice.worked { out += "**What worked:** \(m(worked))\n\n" }
            if let improve = practice.improve { out += "**What to improve:** \(m(improve))\n\n" }
        }
        out += "## Every activity\n\n" + markdownTable(activitiesTable(report))
        out += "## How this was judged\n\n" + rules.map { "- \($0.replacingOccurrences(of: "`", with: ""))\n" }.joined()
        return out
    }

    /// A table in Markdown (no caption: the heading above says what it is).
    static func markdownTable(_ table: Table) -> String {
        let m = { Escape.markdown(Escape.bidiSafe($0)) }
        guard !table.rows.isEmpty else { return "None.\n\n" }
        var out = "| " + table.headers.map(m).joined(separator: " | ") + " |\n"
        out += "|" + table.headers.map { _ in "---|" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map { m($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }
}
