import FeedbackLoop

/// The yearly report's sentences and table on reopenings and on how people's views changed decisions.
extension ReportRenderer {
    static func reopeningsText(_ loop: YearlyReport.ClosingTheLoop) -> String {
        switch (loop.reopenings, loop.reopeningsOnTime) {
        case (0, _): "No loop was reopened by a changed answer."
        case (1, 1): "1 loop was reopened by a changed answer, and its new update came by its reopened due date."
        case (1, _): "1 loop was reopened by a changed answer, and its new update came after its reopened due date."
        case let (count, onTime):
            "Loops were reopened \(count) times by a changed answer; \(onTime) of the \(count) new updates came by "
                + "their reopened due date."
        }
    }

    static func influenceText(_ influence: YearlyReport.Influence) -> String {
        guard influence.themes > 0 else { return "No themes were recorded." }
        return
            "Of \(counted(influence.themes, "theme")) people raised, \(influence.adopted) changed a decision in full "
            + "and \(influence.partlyAdopted) in part; \(influence.notAdopted) \(influence.notAdopted == 1 ? "was" : "were") "
            + "not adopted, with the reasons given; \(influence.unanswered) \(influence.unanswered == 1 ? "has" : "have") "
            + "no answer yet."
    }

    static func example(_ example: YearlyReport.Example, _ e: (String) -> String) -> String {
        "\(e(example.activity)). You said: \(e(unstopped(example.youSaid))) (\(counted(example.views, "view"))). We did: "
            + example.weDid.map { e(sentence($0)) }.joined(separator: " ")
    }

    static func influenceTable(_ report: YearlyReport) -> Table {
        Table(
            caption: "Themes by how they changed decisions, by organisation",
            headers: ["Organisation", "Themes", "Adopted", "Partly adopted", "Not adopted", "No answer yet"],
            rows: report.influence.map {
                [
                    $0.name, String($0.themes), String($0.adopted), String($0.partlyAdopted), String($0.notAdopted),
                    String($0.unanswered),
                ]
            })
    }

    static func reasonWord(_ reason: String) -> String {
        UpdateView.reasonLabel(reason) ?? "other reasons"
    }
}
