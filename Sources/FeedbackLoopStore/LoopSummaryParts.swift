import FeedbackLoop
import Foundation

/// A loop summary from the aggregate query's columns, on any engine: each engine's query gives the
/// same JSON lists (numbers 0 and 1 for yes and no), and this reads them into the summary.
package enum LoopSummaryParts {
    /// The JSON columns of one row: themes, open commitments, follow-up groups and the latest update.
    package struct Columns {
        var themes: String?
        var commitments: String?
        var followUps: String?
        var latestUpdate: String?

        package init(themes: String?, commitments: String?, followUps: String?, latestUpdate: String?) {
            self.themes = themes
            self.commitments = commitments
            self.followUps = followUps
            self.latestUpdate = latestUpdate
        }
    }

    /// `summary` with the facts the JSON columns hold; times are dated in `timeZone`.
    package static func completing(_ summary: LoopSummary, with columns: Columns, timeZone: TimeZone)
        throws(StoreError) -> LoopSummary
    {
        var summary = summary
        // Theme facts: [adopted, partly, explained] per theme in key order, each 0 or 1.
        summary.themes = try decode([[Int]].self, columns.themes, column: "themes").compactMap { facts in
            facts.count == 3 ? ThemeFacts(adopted: facts[0] != 0, partly: facts[1] != 0, explained: facts[2] != 0) : nil
        }
        // Open commitments: {due, decision}, in one order whatever order the engine aggregated them in.
        summary.openCommitments = try decode([Commitment].self, columns.commitments, column: "commitments").sorted {
            ($0.due, $0.decision) < ($1.due, $1.decision)
        }
        // Follow-ups: [prefers, email, address, phone, people] per group with the same details on file.
        for group in try decode([FollowUpGroup].self, columns.followUps, column: "followUps") {
            summary.owedFollowUps += group.people
            if !group.contact.isReachable { summary.unreachable += group.people }
        }
        // The latest update: [published, uncovered at, reopened at].
        let update = try decode([String?].self, columns.latestUpdate, column: "latestUpdate").map {
            $0.flatMap { day($0, in: timeZone) }
        }
        if let published = update.first ?? nil {
            summary.latestUpdate = UpdateFacts(
                published: published, uncoveredSince: update.count > 1 ? update[1] : nil,
                reopenedSince: update.count > 2 ? update[2] : nil)
        }
        return summary
    }

    private static func decode<T: Decodable & RangeReplaceableCollection>(
        _ type: T.Type, _ json: String?, column: String
    ) throws(StoreError) -> T {
        guard let json else { return T() }
        do { return try JSONDecoder().decode(T.self, from: Data(json.utf8)) } catch {
            throw .unreadable(column: column)
        }
    }

    /// A date (`YYYY-MM-DD`), or the day of a UTC time as history records it, in `timeZone`.
    package static func day(_ text: String, in timeZone: TimeZone) -> CalendarDate? {
        if text.count == 10 { return try? CalendarDate.parse(text, field: "date") }
        guard let instant = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) else {
            return nil
        }
        return CalendarDate(instant, in: timeZone)
    }

    /// Participants owed a follow-up who share a preferred format and the kinds of contact on file.
    private struct FollowUpGroup: Decodable {
        var contact: FollowUpContact
        var people: Int

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            let prefers = try fields.decodeIfPresent(String.self).flatMap(PreferredFormat.init(rawValue:))
            contact = FollowUpContact(
                prefers: prefers, hasEmail: try fields.decode(Int.self) != 0,
                hasAddress: try fields.decode(Int.self) != 0, hasPhone: try fields.decode(Int.self) != 0)
            people = try fields.decode(Int.self)
        }
    }
}
