import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore
import Foundation

/// The options of commands that apply the loop rules: the day to judge on, and one-run overrides
/// of the team's settings.
struct RuleOptions: ParsableArguments {
    @Option(help: "Judge as of this date (YYYY-MM-DD; default: today in the team's time zone).")
    var asOf: String?
    @Option(help: "Override the due-soon-days setting for this run.")
    var dueSoonDays: Int?
    @Option(help: "Override the feedback-weeks setting for this run.")
    var feedbackWeeks: Int?

    /// The stored settings with this run's overrides, and the date to judge on.
    func resolve(_ store: any RecordStore) async throws -> (rules: LoopRules, today: CalendarDate) {
        var settings = try await store.settings()
        if let dueSoonDays { try settings.set(.dueSoonDays, to: String(dueSoonDays)) }
        if let feedbackWeeks { try settings.set(.feedbackWeeks, to: String(feedbackWeeks)) }
        let today = try Parse.date(asOf, field: .entry("as-of")) ?? settings.today()
        return (LoopRules(settings: settings), today)
    }

    /// Checks the values before the database is opened.
    func check() throws {
        _ = try Parse.date(asOf, field: .entry("as-of"))
        var settings = TeamSettings()
        if let dueSoonDays { try settings.set(.dueSoonDays, to: String(dueSoonDays)) }
        if let feedbackWeeks { try settings.set(.feedbackWeeks, to: String(feedbackWeeks)) }
    }
}
