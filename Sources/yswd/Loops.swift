import ArgumentParser
import FeedbackLoop
import FeedbackLoopPostgres
import FeedbackLoopPublish
import FeedbackLoopSQLite
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

/// What `loops --fail-on` fails on.
enum FailOn: String, RecordEnumeration {
    /// A loop or a commitment is overdue.
    case overdue
    /// A loop is due soon, or worse.
    case dueSoon = "due-soon"
    /// Any loop is open.
    case open
    static let listName = "fail-on"

    func matches(_ status: LoopStatus) -> Bool {
        switch self {
        case .overdue: status.isOverdue
        case .dueSoon: status.isOverdue || status.timing == .dueSoon
        case .open: true
        }
    }
}

extension Yswd {
    struct Loops: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every activity that still owes participants an answer: how late, and whose.",
            discussion: HelpText.reflowed(
                """
                One row per activity whose loop is not closed (or that has an overdue commitment), most overdue
                first. With --fail-on it exits 1 when any row matches, for cron jobs and CI.

                States: \(LoopState.allowedValues).

                Examples:
                  yswd loops
                  yswd loops --lead "Sam Patel" --overdue
                  yswd loops --digest
                  yswd loops --format json --fail-on overdue
                """))

        @OptionGroup var rules: RuleOptions
        @Option(help: "Only activities this person leads.")
        var lead: String?
        @Option(help: "Only activities of this service.")
        var service: String?
        @Option(help: "Only activities this organisation ran (its key).")
        var organisation: String?
        @Option(help: "Only loops in this state; repeat for several.")
        var state: [LoopState] = []
        @Flag(help: "Only loops or commitments that are overdue.")
        var overdue = false
        @Flag(help: "Print one plain-English message per lead instead of a table.")
        var digest = false
        @Option(help: "Exit with status 1 when any row is overdue, due soon (or overdue), or open (any row).")
        var failOn: FailOn?
        @Flag(
            name: .customLong("print-sql"), help: ArgumentHelp("Print the summary query and stop.", visibility: .hidden)
        )
        var printSQL = false
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            if printSQL {
                // The dialect of the engine --database names (it is not opened).
                let postgres = if case .postgres = try store.address { true } else { false }
                print((postgres ? PostgresStore.loopSummarySQL : SQLiteStore.loopSummarySQL) + ";")
                return
            }
            try rules.check()
            let states = state
            let store = try await store.open()
            let (rules, today) = try await rules.resolve(store)
            // Open loops by default; the loops in the states asked for, closed ones included, with --state.
            let summaries = try await store.loopSummaries(
                LoopFilter(lead: lead, service: service, organisation: organisation))
            let statuses = rules.statuses(summaries, asOf: today) { status in
                (states.isEmpty ? status.isOutstanding : states.contains(status.state))
                    && (!overdue || status.isOverdue)
            }

            if digest {
                let messages = LoopDigest(statuses).messages
                print(
                    messages.isEmpty
                        ? "No activity is overdue or due soon as of \(today.spoken)."
                        : messages.map(\.text).joined(separator: "\n----------------------------------------\n\n"),
                    terminator: messages.isEmpty ? "\n" : "")
            } else {
                let rows = statuses.map(LoopRow.init)
                let empty =
                    states.isEmpty
                    ? "No open feedback loops"
                    : "No feedback loops are \(states.map(\.rawValue).joined(separator: " or "))"
                Listing.print(rows, as: listing.format, empty: "\(empty) as of \(today.spoken).")
                // Follow-ups sent through Notify: who was told, and whose message failed.
                if listing.format == .table, !rows.isEmpty {
                    let sent = try await store.latestDeliveries(refs: rows.map(\.ref))
                    let lines = rows.compactMap { row in
                        sent[row.ref].map { "\(row.ref): " + DeliveryTally($0).sentence }
                    }
                    if !lines.isEmpty {
                        print("\nFollow-ups sent through GOV.UK Notify:\n" + lines.joined(separator: "\n"))
                    }
                }
                // Translations whose source has changed, or that are still to do, for each language begun.
                if listing.format == .table, !rows.isEmpty {
                    let lines = try await translationLines(store, refs: rows.map(\.ref))
                    if !lines.isEmpty { print("\nTranslations:\n" + lines.joined(separator: "\n")) }
                }
            }
            if let failOn, statuses.contains(where: failOn.matches) { throw ExitCode(1) }
        }
    }
}

extension Yswd.Loops {
    /// "GP: Welsh: 2 texts out of date" for each activity with translations not all current.
    func translationLines(_ store: any RecordStore, refs: [String]) async throws -> [String] {
        var lines: [String] = []
        for (ref, tags) in try await store.translationLanguages(refs: refs).sorted(by: { $0.key < $1.key }) {
            // The activity's texts are read once, then set against each language's translations.
            let texts = try await Translating.texts(store: store, ref: ref)
            for tag in tags {
                guard let language = try? LanguageTag(parsing: tag) else { continue }
                let coverage = TranslationCoverage(
                    texts, try await store.translations(ref: ref, language: language), language: language)
                if !coverage.isComplete { lines.append("\(ref): \(coverage.summary)") }
            }
        }
        return lines
    }
}

/// One row of `yswd loops`.
struct LoopRow: ListingRow {
    var ref: String
    var title: String
    var lead: String?
    var service: String?
    var state: String
    var due: CalendarDate?
    var daysOverdue: Int?
    var daysLeft: Int?
    var timing: String
    var flags: [String]
    var missing: Missing
    var nextStep: String

    struct Missing: Encodable {
        var unthemedContributions: Int
        var unansweredThemes: Int
        var followUpsOwed: Int
        var overdueCommitments: [Commitment]
    }

    init(_ status: LoopStatus) {
        ref = status.summary.ref
        title = status.summary.title
        lead = status.summary.lead
        service = status.summary.service
        state = status.state.rawValue
        due = status.due
        daysOverdue = status.daysOverdue.flatMap { $0 > 0 ? $0 : nil }
        daysLeft = status.daysOverdue.flatMap { $0 <= 0 ? -$0 : nil }
        timing = status.timing.rawValue
        flags = status.flags.map { flag in
            guard flag == .unreachableParticipants else { return flag.rawValue }
            let count = status.summary.unreachable
            return count == 1 ? "1 participant unreachable" : "\(count) \(flag.rawValue)"
        }
        missing = Missing(
            unthemedContributions: status.missing.unthemed, unansweredThemes: status.missing.unansweredThemes,
            followUpsOwed: status.missing.followUps, overdueCommitments: status.missing.overdueCommitments)
        nextStep = status.nextStep
    }

    static let headers = ["ref", "title", "state", "due", "when", "lead", "missing", "flags"]
    var cells: [String] {
        var missed: [String] = []
        if missing.unthemedContributions > 0 { missed.append("\(missing.unthemedContributions) unthemed") }
        if missing.unansweredThemes > 0 { missed.append("\(counted(missing.unansweredThemes, "theme")) unanswered") }
        if missing.followUpsOwed > 0 { missed.append(counted(missing.followUpsOwed, "follow-up")) }

        if !missing.overdueCommitments.isEmpty {
            missed.append("\(counted(missing.overdueCommitments.count, "commitment")) overdue")
        }
        let when = daysOverdue.map { "\($0)d overdue" } ?? daysLeft.map { $0 == 0 ? "due today" : "\($0)d left" } ?? ""
        return [
            ref, title, state, due?.description ?? "", when, lead ?? "", missed.joined(separator: ", "),
            flags.joined(separator: "; "),
        ]
    }
}
