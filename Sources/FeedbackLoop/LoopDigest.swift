/// The `loops --digest` messages: one per lead, ready to paste into an email, listing their
/// activities that are overdue or due soon and the next thing to do on each.
public struct LoopDigest: Sendable, Equatable {
    public struct Message: Sendable, Equatable {
        /// The lead, or nil for activities with no lead recorded.
        public var lead: String?
        public var items: [LoopStatus]

        /// The email-ready text.
        public var text: String {
            let count = items.count
            var lines = [
                "To: \(lead ?? "(no lead recorded: please assign one)")",
                "Subject: \(count) engagement activit\(count == 1 ? "y needs" : "ies need") a response",
                "",
                lead.map { "Hello \($0)," } ?? "Hello,",
                "",
                count == 1
                    ? "This activity owes participants an answer:" : "These activities owe participants an answer:",
                "",
            ]
            for status in items {
                lines.append("- \(status.summary.ref) (\(status.summary.title)): \(status.timingPhrase).")
                lines.append("  Next: \(status.nextStep).")
                for commitment in status.missing.overdueCommitments {
                    lines.append("  Commitment '\(commitment.decision)' was due on \(commitment.due.spoken).")
                }
            }
            lines += ["", "People would rather hear why something was not done than hear nothing. Thank you."]
            return lines.joined(separator: "\n") + "\n"
        }
    }

    public var messages: [Message]

    /// Groups the overdue and due-soon loops by lead, leads in alphabetical order and activities
    /// with no lead last; within a message, most overdue first.
    public init(_ statuses: [LoopStatus]) {
        let pressing = statuses.filter { $0.isOverdue || $0.timing == .dueSoon }
        let byLead = Dictionary(grouping: pressing) { $0.summary.lead }
        messages = byLead.keys.sorted { a, b in
            switch (a, b) {
            case let (a?, b?): a < b
            case (_?, nil): true
            default: false
            }
        }.map { Message(lead: $0, items: byLead[$0] ?? []) }
    }
}

extension LoopStatus {
    /// "5 days overdue (due 22 November 2026)", "due in 3 days (30 November 2026)", "due today".
    public var timingPhrase: String {
        guard let due, let days = daysOverdue else {
            return missing.overdueCommitments.isEmpty ? "no due date yet" : "a commitment is overdue"
        }
        switch days {
        case 1...: return "\(days) day\(days == 1 ? "" : "s") overdue (due \(due.spoken))"
        case 0: return "due today (\(due.spoken))"
        default: return "due in \(-days) day\(days == -1 ? "" : "s") (\(due.spoken))"
        }
    }
}

extension CalendarDate {
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The date as people write it: 27 November 2026.
    public var spoken: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }
}
