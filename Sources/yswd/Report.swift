import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The yearly report on how engagement met the eight principles, across every organisation.",
            discussion: HelpText.reflowed(
                """
                Covers every activity open at any time in the period: the financial year April to March
                (--year 2026 is 1 April 2026 to 31 March 2027), or --from and --to. Judged as at the period's
                end, or today if that is earlier (--as-of to override). Sections: at a glance; principle by
                principle (a chart and a table); closing the loop; organisation scorecards; good practice to
                share; every activity; how this was judged. html is one self-contained page (charts drawn
                in SVG, nothing fetched, prints on A4); md has the tables; json and csv are the open data.
                The privacy guard of `yswd publish` checks every text first (--allow ID to waive a finding).

                Examples:
                  yswd report --year 2026 --out report-2026.html
                  yswd report --year 2026 --organisation uhcw --format md --out uhcw-2026.md
                  yswd report --from 2026-01-01 --to 2026-12-31 --format json
                """))

        @Option(help: "The financial year starting in April of this year (2000 to 2100).")
        var year: Int?
        @Option(help: "The first day of the period (YYYY-MM-DD), with --to.")
        var from: String?
        @Option(help: "The last day of the period (YYYY-MM-DD), with --from.")
        var to: String?
        @Option(help: "Only activities this organisation ran (its key).")
        var organisation: String?
        @Option(
            help: "The format to write.")
        var format = ReportRenderer.Format.html
        @Option(help: "The file to write (default: standard output).")
        var out: String?
        @Option(help: "Judge as at this date (YYYY-MM-DD; default: the period's end, or today if earlier).")
        var asOf: String?
        @Option(name: .customLong("allow"), help: "Publish despite this privacy finding, after checking it (repeat).")
        var allowed: [String] = []
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if year != nil, from != nil || to != nil {
                throw ValidationError("give --year, or --from and --to, not both")
            }
            if year == nil, from == nil || to == nil {
                throw ValidationError("give --year YEAR (a financial year), or both --from DATE and --to DATE")
            }
        }

        func run() async throws {
            let period: ReportPeriod
            if let year {
                period = try ReportPeriod.financialYear(year)
            } else {
                let from = try Parse.date(from, field: .entry("from")) ?? .distantFuture
                let to = try Parse.date(to, field: .entry("to")) ?? .distantFuture
                guard from <= to else {
                    throw CommandError("--from \(from) is after --to \(to); give the earlier date first")
                }
                guard from.days(until: to) < 366 * 5 else {
                    throw CommandError(
                        "--from \(from) to --to \(to) is more than five years; a report covers a year or so, so give "
                            + "a shorter period (or --year YEAR)")
                }
                period = ReportPeriod(from: from, to: to)
            }
            let asOf = try Parse.date(asOf, field: .entry("as-of"))
            if let out { try OutputPaths.checkFile(out) }
            let store = try await self.store.open()
            let settings = try await store.settings()
            let judged = asOf ?? min(period.to, settings.today())
            let (inputs, extras, organisations) = try await store.reportFacts(
                period: period, organisation: organisation)
            let rules = LoopRules(settings: settings)
            let given = try await store.followUpFigures(from: period.from, to: period.to)
            let facts = inputs.map { input in
                let extra = extras[input.activity.ref] ?? ReportExtras()
                var facts = ReportActivityFacts(
                    principles: input.facts(rules.status(of: input.summary, asOf: judged)),
                    organisation: input.organisation, views: extra.views, people: extra.people,
                    commitments: extra.commitments, followUpsSent: extra.followUpsSent, themes: extra.themes,
                    example: extra.example)
                facts.followUps = given[input.activity.ref] ?? FollowUpFigures()
                facts.followUps.owed = input.summary.owedFollowUps
                return facts
            }
            var report = YearlyReport(
                period: period, asOf: judged, organisation: organisation, organisations: organisations,
                activities: facts, settings: settings)
            for practice in report.goodPractice {
                await report.setHighlights(ref: practice.ref, themes: try store.themes(activity: practice.ref))
            }
            // The same privacy guard as `publish`: contact details and names stop the report until waived.
            let texts = ReportRenderer.texts(report)
            let findings = texts.flatMap { PrivacyGuard.findings(in: $0.text, at: $0.location) }
            let waived = try PrivacyGuard.review(findings, allowing: allowed)
            let byActivity = Dictionary(grouping: waived) { finding in
                texts.first { $0.location == finding.location }?.activity
            }
            for case let (ref?, findings) in byActivity {
                try await store.recordWaivers(
                    ref: ref, findings.map { PrivacyWaiver(id: $0.id, kind: $0.kind.rawValue, location: $0.location) })
            }
            let bytes = ReportRenderer.render(report, as: format, organisation: settings.organisation)
            if let out {
                try OutputPaths.write(bytes, to: out)
                note("Wrote \(out): \(counted(report.atAGlance.activities, "activity", plural: "activities")).")
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        }
    }
}
