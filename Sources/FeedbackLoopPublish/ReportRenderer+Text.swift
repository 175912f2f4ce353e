import FeedbackLoop

extension ReportRenderer {
    /// The report as plain text for pasting into a word processor: the same sentences, headings in
    /// capitals, and each table as tab-separated lines under its caption (a word processor turns them
    /// into a table: in Word, Insert > Table > Convert Text to Table).
    static func text(_ report: YearlyReport, organisation: String?) -> String {
        let t = { (text: String) in Escape.bidiSafe(text) }
        var out = "HOW ENGAGEMENT MET THE EIGHT PRINCIPLES\n\n"
        if let organisation { out += "\(t(organisation))\n\n" }
        out += intro(report, t) + "\n\n"
        out += "AT A GLANCE\n\n" + glance(report) + "\n\n"
        out += glanceTables(report).map(textTable).joined()
        out += "PRINCIPLE BY PRINCIPLE\n\n" + textTable(principleTable(report))
        for principle in report.principles where !principle.notMetReasons.isEmpty {
            out += reasonsHeading(principle, t) + "\n"
            out += principle.notMetReasons.map { "  * \(reason($0, t))\n" }.joined() + "\n"
        }
        let tables = loopTables(report)
        out += "CLOSING THE LOOP\n\n" + loop(report, t) + "\n\n"
        out += textTable(tables.overdue) + textTable(tables.commitments) + textTable(tables.months)
        out += "HOW PEOPLE'S VIEWS CHANGED DECISIONS\n\n" + influence(report, t, bullet: "  * ")
        out += "ORGANISATION SCORECARDS\n\n" + principleKey(report) + "\n\n" + textTable(scorecardTable(report))
        out += "GOOD PRACTICE TO SHARE\n\n"
        if report.goodPractice.isEmpty { out += noGoodPractice + "\n\n" }
        for practice in report.goodPractice {
            out += "\(t(practice.title)) (\(t(practice.ref)))\n\(t(practice.organisation))\n"
            out += practice.highlights.map { "  * \(highlight($0, t))\n" }.joined()
            if let worked = practice.worked { out += "What worked: \(t(worked))\n" }
            if let improve = practice.improve { out += "What to improve: \(t(improve))\n" }
            out += "\n"
        }
        out += "EVERY ACTIVITY\n\n" + principleKey(report) + "\n\n" + textTable(activitiesTable(report))
        out += "HOW THIS WAS JUDGED\n\n" + rules.map { "  * \($0.replacingOccurrences(of: "`", with: ""))\n" }.joined()
        return out
    }

    /// A table as its caption, then one tab-separated line per row after the headers.
    static func textTable(_ table: Table) -> String {
        let t = { (text: String) in
            Escape.bidiSafe(text).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        guard !table.rows.isEmpty else { return "\(table.caption): none.\n\n" }
        var out = table.caption + "\n" + table.headers.map(t).joined(separator: "\t") + "\n"
        for row in table.rows { out += row.map(t).joined(separator: "\t") + "\n" }
        return out + "\n"
    }

    /// The section on how people's views changed decisions, each organisation's in turn: its
    /// figures, the reasons themes were not adopted, and its strongest examples.
    static func influence(_ report: YearlyReport, _ e: (String) -> String, bullet: String) -> String {
        var out =
            "What an integrated care board must show under section 14Z58 of the NHS Act 2006: how the views people "
            + "gave changed decisions.\n\n"
        for influence in report.influence {
            out += "\(e(influence.name)): \(influenceText(influence))\n"
            if !influence.reasons.isEmpty {
                out +=
                    "Why themes were not adopted: "
                    + influence.reasons.map { "\(reasonWord($0.name)) (\($0.activities))" }.joined(separator: ", ")
                    + ".\n"
            }
            out += influence.examples.map { bullet + example($0, e) + "\n" }.joined()
            out += "\n"
        }
        return out
    }
}
