import FeedbackLoop
import Foundation

/// What an update's templates (and a follow-up's) show: an update's content with dates as people
/// write them, statuses and reasons in words, counts in sentences. Each property is a name the
/// templates use (`{{title}}`, `{{#themes}}`); nil and empty values count as absent.
struct UpdatePage {
    struct MethodLine {
        var method: String
        var contributions: Int
        var text: String
    }

    struct ThemeSection {
        var key: String
        var youSaid: String
        var people: Int
        var peopleText: String
        var answer: String
        var actions: [ActionLine]
        var hasActions: Bool
        var quotes: [QuoteLine]
        var hasQuotes: Bool
        var partly: Bool
        var pending: Bool
        var weDidNot: ReasonLine?
    }

    struct ActionLine {
        var text: String
        var done: Bool
        var status: String
        var partly: Bool
        var due: String?
        var impact: String?
    }

    struct QuoteLine {
        var text: String
    }

    struct ReasonLine {
        var because: String
        var reason: String
    }

    struct NextStepLine {
        var text: String
        var status: String
        var due: String?
    }

    var lang = "en"
    var title: String
    var purpose: String
    var canInfluence: String
    var ref: String
    var published: String
    var publishedISO: String
    var when: String
    var hasWhen: Bool
    var people: Int
    var peopleText: String
    var contributions: Int
    var contributionsText: String
    var methods: [MethodLine]
    var hasMethods: Bool
    var themes: [ThemeSection]
    var nextSteps: [NextStepLine]
    var hasNextSteps: Bool
    var organisation: String?
    var service: String?
    var questions: String?
    var nextUpdate: String?
    /// A follow-up's own: the email subject, the letter's address lines and the phone number.
    var subject: String?
    var addressLines: [String] = []
    var phone: String?
}

enum UpdateView {
    static func page(_ content: UpdateContent) -> UpdatePage {
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
        let methods = content.takingPart.byMethod.map {
            UpdatePage.MethodLine(
                method: methodName($0.method), contributions: $0.contributions, text: counted($0.contributions, "view"))
        }
        let themes = content.themes.map { theme in
            let actions = theme.weDid.map(action)
            let quotes = theme.quotes.map { UpdatePage.QuoteLine(text: $0) }
            return UpdatePage.ThemeSection(
                key: theme.key, youSaid: theme.youSaid, people: theme.people,
                peopleText: theme.people == 1 ? "1 person said this" : "\(theme.people) people said this",
                answer: theme.answer, actions: actions, hasActions: !actions.isEmpty, quotes: quotes,
                hasQuotes: !quotes.isEmpty, partly: theme.answer == ThemeAnswer.partlyExplained.rawValue,
                pending: !(ThemeAnswer(rawValue: theme.answer)?.isAnswered ?? false),
                weDidNot: theme.weDidNot.map {
                    UpdatePage.ReasonLine(because: sentence($0.because), reason: reasonText($0.reason))
                })
        }
        let nextSteps = content.nextSteps.map { step in
            UpdatePage.NextStepLine(text: step.text, status: statusText(step.status), due: step.due.flatMap(spoken))
        }
        return UpdatePage(
            title: activity.title, purpose: activity.purpose, canInfluence: activity.canInfluence, ref: activity.ref,
            published: spoken(content.published) ?? content.published, publishedISO: content.published, when: when,
            hasWhen: !when.isEmpty, people: content.takingPart.people,
            peopleText: counted(content.takingPart.people, "person", plural: "people"),
            contributions: content.takingPart.contributions,
            contributionsText: counted(content.takingPart.contributions, "view"), methods: methods,
            hasMethods: !methods.isEmpty, themes: themes, nextSteps: nextSteps, hasNextSteps: !nextSteps.isEmpty,
            organisation: content.organisation, service: activity.service, questions: content.questions,
            nextUpdate: content.nextUpdate.flatMap(spoken))
    }

    static func action(_ action: UpdateContent.Action) -> UpdatePage.ActionLine {
        UpdatePage.ActionLine(
            text: action.text, done: action.status == DeliveryStatus.done.rawValue, status: statusText(action.status),
            partly: action.outcome == Outcome.partly.rawValue, due: action.due.flatMap(spoken), impact: action.impact)
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
