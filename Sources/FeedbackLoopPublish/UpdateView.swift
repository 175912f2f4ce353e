import FeedbackLoop
import Foundation

/// An update's content as the values its templates show: dates as people write them, statuses
/// and reasons in words, counts in sentences.
enum UpdateView {
    static func context(_ content: UpdateContent) -> [String: Any] {
        let activity = content.activity
        var when: String
        switch (activity.opens.flatMap(spoken), activity.closes.flatMap(spoken)) {
        case let (opens?, closes?): when = "It ran from \(opens) to \(closes)."
        case let (nil, closes?): when = "It closed on \(closes)."
        case let (opens?, nil):
            when = activity.ongoing ? "It has been running since \(opens)." : "It opened on \(opens)."
        case (nil, nil): when = ""
        }
        if activity.ongoing { when += (when.isEmpty ? "" : " ") + "It is ongoing: you can still give your views." }
        let methods: [[String: Any]] = content.takingPart.byMethod.map {
            [
                "method": methodName($0.method), "contributions": $0.contributions,
                "text": count($0.contributions, "view"),
            ]
        }
        let themes: [[String: Any]] = content.themes.map { theme in
            let actions: [[String: Any]] = theme.weDid.map(action)
            let quotes: [[String: Any]] = theme.quotes.map { ["text": $0] }
            var part: [String: Any] = [
                "key": theme.key, "youSaid": theme.youSaid, "people": theme.people,
                "peopleText": theme.people == 1 ? "1 person said this" : "\(theme.people) people said this",
                "answer": theme.answer, "actions": actions, "hasActions": !actions.isEmpty,
                "quotes": quotes, "hasQuotes": !quotes.isEmpty,
                "partly": theme.answer == ThemeAnswer.partlyExplained.rawValue,
                "pending": !(ThemeAnswer(rawValue: theme.answer)?.isAnswered ?? false),
            ]
            if let reason = theme.weDidNot {
                part["weDidNot"] = ["because": sentence(reason.because), "reason": reasonText(reason.reason)]
            }
            return part
        }
        let nextSteps: [[String: Any]] = content.nextSteps.map { step in
            var part: [String: Any] = ["text": step.text, "status": statusText(step.status)]
            if let due = step.due.flatMap(spoken) { part["due"] = due }
            return part
        }
        var context: [String: Any] = [
            "lang": "en", "title": activity.title, "purpose": activity.purpose, "canInfluence": activity.canInfluence,
            "ref": activity.ref, "published": spoken(content.published) ?? content.published,
            "publishedISO": content.published, "when": when, "hasWhen": !when.isEmpty,
            "people": content.takingPart.people, "peopleText": count(content.takingPart.people, "person", "people"),
            "contributions": content.takingPart.contributions,
            "contributionsText": count(content.takingPart.contributions, "view"),
            "methods": methods, "hasMethods": !methods.isEmpty, "themes": themes,
            "nextSteps": nextSteps, "hasNextSteps": !nextSteps.isEmpty,
        ]
        context["organisation"] = content.organisation
        context["service"] = activity.service
        context["questions"] = content.questions
        context["nextUpdate"] = content.nextUpdate.flatMap(spoken)
        return context
    }

    static func action(_ action: UpdateContent.Action) -> [String: Any] {
        var part: [String: Any] = [
            "text": action.text, "done": action.status == DeliveryStatus.done.rawValue,
            "status": statusText(action.status), "partly": action.outcome == Outcome.partly.rawValue,
        ]
        if let due = action.due.flatMap(spoken) { part["due"] = due }
        if let impact = action.impact { part["impact"] = impact }
        return part
    }

    /// The text ending as a sentence does, so another sentence can follow it.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, !".!?…".contains(last) else { return trimmed }
        return trimmed + "."
    }

    static func spoken(_ iso: String) -> String? {
        (try? CalendarDate.parse(iso, option: "date"))?.spoken
    }

    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    static func statusText(_ status: String) -> String {
        switch DeliveryStatus(rawValue: status) {
        case .planned?: "planned"
        case .inProgress?: "in progress"
        case .done?: "done"
        case .dropped?: "stopped"
        case nil: status
        }
    }

    static func reasonText(_ reason: String) -> String {
        switch ReasonCategory(rawValue: reason) {
        case .outsideControl?: "It is outside our control."
        case .cost?: "We do not have the money or staff to do it."
        case .legal?: "The law or regulations do not allow it."
        case .clinicalSafety?: "It would not be clinically safe."
        case .conflictingViews?: "People told us different things, and we could not do both."
        case .other?, nil: ""
        }
    }

    static func methodName(_ method: String) -> String {
        switch EngagementMethod(rawValue: method) {
        case .survey?: "survey"
        case .focusGroup?: "focus groups"
        case .interview?: "interviews"
        case .dropIn?: "drop-in sessions"
        case .outreach?: "outreach"
        case .online?: "online"
        case .publicMeeting?: "public meetings"
        case .other?: "other ways"
        case nil: "not recorded"
        }
    }
}
