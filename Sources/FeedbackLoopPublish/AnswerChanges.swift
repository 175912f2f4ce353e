import FeedbackLoop
import Foundation

extension UpdateContent {
    /// One change to what a theme's answer is or says since the update before, with its reason.
    public struct Change: Sendable, Equatable, Codable {
        /// The theme's key, and what people said.
        public var theme: String
        public var youSaid: String
        /// `new-theme`, `removed-theme`, `changed-theme`, `new-decision`, `changed-decision`,
        /// `dropped-decision`, `removed-decision`, `new-explanation`, `changed-explanation` or
        /// `withdrawn-explanation`; in a personal follow-up, `view-moved`: the person's view is now
        /// part of a theme they were not told about before.

        public var kind: String
        /// The decision's key, for a decision's change.
        public var decision: String?
        /// What it said before, and what it says now, in words.
        public var was: String?
        public var now: String?
        /// The same in easy read, where easy-read wordings were recorded (what people said too);
        /// absent when not.
        public var youSaidEasyRead: String?
        public var wasEasyRead: String?
        public var nowEasyRead: String?
        /// Why it changed, as given with `--reason`.
        public var reason: String?
    }
}

/// The answers an update reported, as its open data records them: enough to tell what changed
/// between two updates (older updates' data has these fields too).
struct ReportedAnswers: Decodable, Equatable {
    struct Theme: Decodable, Equatable {
        var key: String
        var youSaid: String
        var easyRead: String?
        var weDid: [Action]
        var weDidNot: Reason?
    }

    struct Action: Decodable, Equatable {
        var decision: String
        var text: String
        var status: String
        var due: String?
        var easyRead: String?

        /// Whether it says the same as `other` in the standard wording (an easy-read wording alone
        /// changing is not a change people reading either version need told again).
        func says(_ other: Action) -> Bool {
            (decision, text, status, due) == (other.decision, other.text, other.status, other.due)
        }
    }

    struct Reason: Decodable, Equatable {
        var because: String
        var reason: String
        var easyRead: String?
    }

    var published: String
    var themes: [Theme]

    init(_ content: UpdateContent) {
        published = content.published
        themes = content.themes.map { theme in
            Theme(
                key: theme.key, youSaid: theme.youSaid, easyRead: theme.easyRead,
                weDid: theme.weDid.map {
                    Action(decision: $0.decision, text: $0.text, status: $0.status, due: $0.due, easyRead: $0.easyRead)
                },
                weDidNot: theme.weDidNot.map { Reason(because: $0.because, reason: $0.reason, easyRead: $0.easyRead) })
        }
    }

    init(published: String, themes: [Theme]) {
        self.published = published
        self.themes = themes
    }

    /// The answers in an update's open data; nil when it cannot be read.
    static func decode(_ data: Data) -> ReportedAnswers? {
        try? JSONDecoder().decode(ReportedAnswers.self, from: data)
    }
}

/// What changed in the answers between two updates (DOMAIN.md, "When an answer changes").
enum AnswerChanges {
    /// The changes from `old` to `new`, in the order of `new`'s themes (removed themes last), each
    /// with the latest reason given for it. `decisions` tells a dropped decision from a removed one.
    static func between(
        _ old: ReportedAnswers, _ new: ReportedAnswers, decisions: [Decision], reasons: [ChangeReason]
    ) -> [UpdateContent.Change] {
        var changes: [UpdateContent.Change] = []
        func add(
            _ theme: ReportedAnswers.Theme, _ kind: String, subject: String, decision: String? = nil,
            was: String? = nil, now: String? = nil, wasEasyRead: String? = nil, nowEasyRead: String? = nil
        ) {
            let own = reasons.filter { $0.theme == theme.key }
            let mine = own.filter { $0.subject == subject }
            // Several changes to one thing since the last update: each reason beside its own change.
            let reason =
                mine.count > 1
                ? mine.map { reason in
                    UpdateView.sentence(reason.reason, beside: Self.changedWords(reason.changed ?? []))
                }.joined(separator: " ")
                : (mine.last ?? own.last)?.reason

            changes.append(
                UpdateContent.Change(
                    theme: theme.key, youSaid: theme.youSaid, kind: kind, decision: decision, was: was, now: now,
                    youSaidEasyRead: theme.easyRead, wasEasyRead: wasEasyRead, nowEasyRead: nowEasyRead,
                    reason: reason.map(Escape.bidiSafe)))
        }
        let before = Dictionary(old.themes.map { ($0.key, $0) }) { first, _ in first }
        for theme in new.themes {
            guard let earlier = before[theme.key] else {
                add(theme, "new-theme", subject: "theme", now: theme.youSaid, nowEasyRead: theme.easyRead)
                continue
            }
            if earlier.youSaid != theme.youSaid {
                add(
                    theme, "changed-theme", subject: "theme", was: earlier.youSaid, now: theme.youSaid,
                    wasEasyRead: earlier.easyRead, nowEasyRead: theme.easyRead)
            }
            let was = Dictionary(earlier.weDid.map { ($0.decision, $0) }) { first, _ in first }
            for action in theme.weDid {
                let subject = "decision \(action.decision)"
                if let previous = was[action.decision] {
                    if !previous.says(action) {
                        add(
                            theme, "changed-decision", subject: subject, decision: action.decision,
                            was: describe(previous), now: describe(action),
                            wasEasyRead: describe(previous, easyRead: true),
                            nowEasyRead: describe(action, easyRead: true))
                    }
                } else {
                    add(
                        theme, "new-decision", subject: subject, decision: action.decision, now: describe(action),
                        nowEasyRead: describe(action, easyRead: true))
                }
            }
            for action in earlier.weDid where !theme.weDid.contains(where: { $0.decision == action.decision }) {
                let dropped = decisions.first { $0.key == action.decision }?.status == .dropped
                add(
                    theme, dropped ? "dropped-decision" : "removed-decision", subject: "decision \(action.decision)",
                    decision: action.decision, was: describe(action), wasEasyRead: describe(action, easyRead: true))
            }
            switch (earlier.weDidNot, theme.weDidNot) {
            case (nil, let now?):
                add(theme, "new-explanation", subject: "explanation", now: now.because, nowEasyRead: now.easyRead)
            case (let was?, let now?) where (was.because, was.reason) != (now.because, now.reason):
                add(
                    theme, "changed-explanation", subject: "explanation", was: was.because, now: now.because,
                    wasEasyRead: was.easyRead, nowEasyRead: now.easyRead)
            case (let was?, nil):
                add(
                    theme, "withdrawn-explanation", subject: "explanation", was: was.because,
                    wasEasyRead: was.easyRead)
            default: break
            }
        }
        for theme in old.themes where !new.themes.contains(where: { $0.key == theme.key }) {
            add(theme, "removed-theme", subject: "theme", was: theme.youSaid, wasEasyRead: theme.easyRead)
        }
        return changes
    }

    /// The changes one person hears about: those to the themes they were told about, as they were
    /// told them (a theme since removed included), then each theme their view is in now that they
    /// were not told about, as where their view went.
    static func forPerson(
        _ changes: [UpdateContent.Change], toldAbout: [String], now themes: [String], answers: ReportedAnswers,
        reasons: [ChangeReason]
    ) -> [UpdateContent.Change] {
        var mine = changes.filter { toldAbout.contains($0.theme) }
        for key in themes where !toldAbout.contains(key) {
            guard let theme = answers.themes.first(where: { $0.key == key }) else { continue }
            let reason = reasons.last { $0.theme == key && $0.subject == "links" }?.reason
            mine.append(
                UpdateContent.Change(
                    theme: theme.key, youSaid: theme.youSaid, kind: "view-moved", now: theme.youSaid,
                    nowEasyRead: theme.easyRead, reason: reason.map(Escape.bidiSafe)))
        }
        return mine
    }

    /// What a change changed, in words ("the due date and the status"); empty when not known.
    static func changedWords(_ fields: [String]) -> String {
        let words: [String] = fields.compactMap { field in
            switch field {
            case "due": "the due date"
            case "text": "what we said"
            case "status": "where it stands"
            case "easyRead": "the easy read wording"
            case "impact": "the difference it made"
            case "responds", "outcome": "which themes it answers"
            case "why": "the explanation"
            case "reason": "the kind of reason"
            case "said": "how we describe what you told us"
            case "added": "adding it"
            case "removed": "removing it"
            default: nil
            }
        }
        switch words.count {
        case 0: return ""
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " and " + (words.last ?? "")
        }
    }

    /// A decision as people read it: its text, when it is due, and where it stands.
    static func describe(_ action: ReportedAnswers.Action) -> String {
        let due = action.due.flatMap(UpdateView.spoken).map { ", by \($0)" } ?? ""
        return "\(action.text)\(due) (\(UpdateView.statusText(action.status)))"
    }

    /// The same in easy read: its easy-read wording, and the date as a sentence of its own; nil
    /// when no easy-read wording was recorded.
    static func describe(_ action: ReportedAnswers.Action, easyRead: Bool) -> String? {
        guard let text = action.easyRead else { return nil }
        let due = action.due.flatMap(UpdateView.spoken).map { " We will do it by \($0)." } ?? ""
        return UpdateView.sentence(text) + (action.status == DeliveryStatus.done.rawValue ? "" : due)
    }
}

extension UpdateView {
    /// A change as one sentence a participant can read; in easy read, short sentences with the
    /// easy-read wordings where they were recorded.
    static func changeLine(_ change: UpdateContent.Change, easyRead: Bool) -> UpdatePage.ChangeLine {
        guard easyRead else { return changeLine(change) }
        let was = change.wasEasyRead ?? change.was.map(sentence) ?? ""
        let now = change.nowEasyRead ?? change.now.map(sentence) ?? ""
        let youSaid = sentence(change.youSaidEasyRead ?? change.youSaid)
        let values: KeyValuePairs<String, String> = ["youSaid": youSaid, "was": was, "now": now]
        let text: String
        switch change.kind {
        case "new-theme": text = t("You told us something new. {{now}}", values)
        case "removed-theme": text = t("We took this out. {{was}}", values)
        case "changed-theme": text = t("We changed this. Before: {{was}} Now: {{now}}", values)
        case "changed-decision", "changed-explanation":
            text = t("You told us: {{youSaid}} We changed our answer. Before: {{was}} Now: {{now}}", values)
        case "new-decision": text = t("You told us: {{youSaid}} We will do something new. {{now}}", values)
        case "dropped-decision": text = t("You told us: {{youSaid}} We stopped doing this. {{was}}", values)
        case "removed-decision": text = t("You told us: {{youSaid}} We took this back. {{was}}", values)
        case "new-explanation": text = t("You told us: {{youSaid}} We said why we could not do it. {{now}}", values)
        case "withdrawn-explanation": text = t("You told us: {{youSaid}} We took back what we said. {{was}}", values)
        case "view-moved": text = t("Your view is now part of this. {{now}}", values)
        default: text = t("We changed our answer.")
        }
        return UpdatePage.ChangeLine(text: sentence(text), reason: change.reason.map(sentence))
    }

    /// A change as one sentence a participant can read.
    static func changeLine(_ change: UpdateContent.Change) -> UpdatePage.ChangeLine {
        let values: KeyValuePairs<String, String> = [
            "youSaid": change.youSaid, "was": change.was ?? "", "now": change.now ?? "",
        ]
        let text: String
        switch change.kind {
        case "new-theme": text = t("We added something you told us: {{now}}", values)
        case "view-moved": text = t("Your view is now part of: {{now}}", values)
        case "removed-theme": text = t("We removed something we had reported: {{was}}", values)
        case "changed-theme":
            text = t("We changed how we describe what you told us. It was: {{was}}. It is now: {{now}}", values)
        case "new-decision": text = t("On “{{youSaid}}”, we added: {{now}}", values)
        case "changed-decision":
            text = t("On “{{youSaid}}”, we changed what we said. It was: {{was}}. It is now: {{now}}", values)
        case "dropped-decision": text = t("On “{{youSaid}}”, we stopped: {{was}}", values)
        case "removed-decision": text = t("On “{{youSaid}}”, we withdrew: {{was}}", values)
        case "new-explanation": text = t("On “{{youSaid}}”, we explained what we could not do: {{now}}", values)
        case "changed-explanation":
            text = t("On “{{youSaid}}”, we changed our explanation. It was: {{was}}. It is now: {{now}}", values)
        case "withdrawn-explanation": text = t("On “{{youSaid}}”, we withdrew our explanation: {{was}}", values)
        default: text = t("On “{{youSaid}}”, we changed our answer", values)
        }
        return UpdatePage.ChangeLine(text: sentence(text), reason: change.reason.map(sentence))
    }

    /// A reason as a sentence, with what it was given for beside it: "Building work was delayed
    /// (the due date)."
    static func sentence(_ reason: String, beside what: String) -> String {
        guard !what.isEmpty else { return sentence(reason) }
        var trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if let last = trimmed.last, ".!?…".contains(last) { trimmed.removeLast() }
        return "\(trimmed) (\(what))."
    }

}
