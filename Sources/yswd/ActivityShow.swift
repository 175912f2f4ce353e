import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore

extension Yswd.ActivityCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show everything recorded about an activity, including each theme and its answer.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd activity show GP-ACCESS-2026
                  yswd activity show GP-ACCESS-2026 --format json
                """))

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The activity's ref.")
        var ref: String
        @Option(help: "text (for reading) or json.")
        var format: Format = .text
        @OptionGroup var store: StoreOptions

        @OptionGroup var rules: RuleOptions

        func run() async throws {
            try rules.check()
            let store = try await store.open()
            let record = try await store.activityRecord(ref: ref)
            let (loopRules, today) = try await rules.resolve(store)
            let input = try await store.checkInputs(activity: ref)[0]
            let loop = loopRules.status(of: input.summary, asOf: today)
            let names = try await store.organisationNames()
            let organisation = record.activity.organisationId.flatMap { names[$0] }
            let report = ActivityReport(
                record: record, loop: loop,
                principles: PrincipleChecks(settings: loopRules.settings).verdicts(input.facts(loop)),
                organisation: organisation)
            switch format {
            case .json: print(Listing.json(report))
            case .text: print(report.text, terminator: "")
            }
        }
    }
}

/// The account of an activity that `activity show` prints: the record, its loop and its principles.
struct ActivityReport: Encodable {
    let record: ActivityRecord
    let loop: LoopRow
    let principles: [PrincipleVerdict]
    /// The name of the organisation that ran it.
    let organisation: String?

    init(record: ActivityRecord, loop: LoopStatus, principles: [PrincipleVerdict], organisation: String? = nil) {
        self.record = record
        self.loop = LoopRow(loop)
        self.principles = principles
        self.organisation = organisation
    }

    var text: String {
        let activity = record.activity
        var lines = ["\(activity.ref): \(activity.title)", ""]
        func field(_ label: String, _ value: String?) {
            lines.append("  " + label.padding(toLength: 16, withPad: " ", startingAt: 0) + (value ?? "not recorded"))
        }
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ", ") }
        field("Purpose", activity.purpose)
        field("Can influence", activity.canInfluence)
        field("Level", activity.level == .inform ? "inform (informing is not engagement)" : activity.level.rawValue)
        field("Constraints", activity.constraints)
        field("Public summary", activity.publicSummary)
        field("Methods", list(activity.methods.map(\.rawValue)))
        field("Audiences", list(activity.audiences))
        field("Organisation", organisation)
        field("Lead", activity.lead)
        field("Partners", list(activity.partners))
        field("Resources", activity.resources)
        field("Service", activity.service)
        field("Public contact", activity.publicContact)
        if let announced = activity.announced { field("Announced", announced.description) }
        field("Opens", activity.opens?.description)
        if let weeks = activity.cadenceWeeks {
            field("Ongoing", "an update every \(weeks) week\(weeks == 1 ? "" : "s")")
        } else {
            field("Closes", activity.closes?.description)
        }
        field("Feedback by", activity.feedbackBy?.description ?? "no date promised")
        field("Feedback via", list(activity.feedbackChannels.map(\.rawValue)))

        let counts = record.contributions
        lines += ["", "Contributions: \(counts.total) from \(counted(counts.participants, "named participant"))"]
        if counts.total > 0 {
            let methods = counts.byMethod.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("  by method: " + methods.joined(separator: ", "))
            lines.append("  not yet themed: \(counts.unthemed); out of scope: \(counts.outOfScope)")
        }

        lines += ["", "Themes (you said): \(record.themes.count)"]
        for theme in record.themes {
            lines.append("  [\(theme.key)] \(theme.said)")
            lines.append(
                "    raised by \(theme.people) (\(counted(theme.contributions, "contribution"))); answer: \(describe(theme.answer))"
            )
            for response in theme.responses {
                let due = response.due.map { ", due \($0)" } ?? ""
                let verb = response.outcome == .adopted ? "We did/will" : "Partly"
                lines.append("    \(verb): \(response.text) [\(response.decision): \(response.status.rawValue)\(due)]")
            }
            if let explanation = theme.explanation {
                lines.append("    We didn't, because (\(explanation.reason.rawValue)): \(explanation.why)")
            }
        }

        lines += ["", "Decisions (we did / we will): \(record.decisions.count)"]
        for decision in record.decisions {
            var facts = [decision.status.rawValue]
            if let due = decision.due { facts.append("due \(due)") }
            if let by = decision.decidedBy { facts.append("decided by \(by)") }
            if let on = decision.decidedOn { facts.append("on \(on)") }
            lines.append("  [\(decision.key)] \(decision.text) (\(facts.joined(separator: ", ")))")
            let answers = decision.responds.map { "\($0.theme) (\($0.outcome.rawValue))" }
            lines.append("    answers: " + (answers.isEmpty ? "no theme yet" : answers.joined(separator: ", ")))
            if let impact = decision.impact { lines.append("    impact: \(impact)") }
        }

        lines += ["", "Feedback loop: \(loop.state)" + (loop.due.map { ", due \($0.spoken)" } ?? ", no due date")]
        let when = loop.daysOverdue.map { "\($0) days overdue" } ?? loop.daysLeft.map { "\($0) days left" }
        if let when, loop.state != LoopState.closed.rawValue { lines.append("  \(when)") }
        if !loop.flags.isEmpty { lines.append("  flags: " + loop.flags.joined(separator: "; ")) }
        lines.append("  next: \(loop.nextStep)")

        lines += ["", "Principles:"]
        for verdict in principles {
            let label = "\(verdict.number) \(verdict.principle)".padding(toLength: 15, withPad: " ", startingAt: 0)
            lines.append(
                "  \(label) \(verdict.verdict.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(verdict.reason)"
            )
        }

        lines += ["", "Evaluation:"]
        if let evaluation = record.evaluation {
            lines.append("  What worked: \(evaluation.worked)")
            lines.append("  To improve: \(evaluation.improve)")
            lines.append("  Participants involved in the review: \(evaluation.participantsInvolved ? "yes" : "no")")
            if !evaluation.sharedWith.isEmpty {
                lines.append("  Shared with: \(evaluation.sharedWith.joined(separator: ", "))")
            }
        } else {
            lines.append("  not recorded")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ answer: ThemeAnswer) -> String {
        switch answer {
        case .adopted: "answered (adopted)"
        case .partlyExplained: "answered (partly adopted, rest explained)"
        case .explained: "answered (explained why not)"
        case .partlyUnexplained: "NOT ANSWERED: partly adopted, but the rest is not explained"
        case .unanswered: "NOT ANSWERED"
        }
    }
}
