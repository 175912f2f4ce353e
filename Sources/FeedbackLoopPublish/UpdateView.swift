import FeedbackLoop
import Foundation

/// What an update's templates (and a follow-up's) show: an update's content with dates as people
/// write them, statuses and reasons in words, counts in sentences. Each property is a name the
/// templates use (`{{title}}`, `{{#themes}}`); nil and empty values count as absent.
///
/// Staff texts are shown as written, under headings ("What we did", "What we will do") rather
/// than after labels, so a decision that already begins "We will" never reads "We will: We will".
struct UpdatePage {
    struct MethodLine {
        var method: String
        var contributions: Int
        var text: String
    }

    struct ThemeSection {
        var key: String
        var youSaid: String
        var views: Int
        var people: Int
        var countText: String
        var answer: String
        var did: [ActionLine]
        var hasDid: Bool
        var will: [ActionLine]
        var hasWill: Bool
        var quotes: [QuoteLine]
        var hasQuotes: Bool
        var weDidNot: ReasonLine?
        var pending: Bool
        var pendingText: String?
    }

    struct ActionLine {
        var text: String
        var done: Bool
        var status: String
        var partly: Bool
        var due: String?
        var impact: String?
        /// For a commitment past its due date and not done: that it is late, in words.
        var late: String?
    }

    struct QuoteLine {
        var text: String
        /// Its translation into the page's language, when there is one.
        var translation: String? = nil
    }

    struct ReasonLine {
        /// "Why we did not do this", or "What we did not do, and why" when it was partly done.
        var heading: String
        var because: String
        /// A short label for the reason's category ("outside our control"); nil for `other`.
        var reason: String?
    }

    struct NextStepLine {
        var text: String
        var status: String
        var due: String?
        var late: String?
    }

    struct UnansweredLine {
        var youSaid: String
    }

    /// One change since the update before, in words, with why.
    struct ChangeLine {
        var text: String
        var reason: String?
    }

    var lang = "en"
    /// The page's language is written right to left: `dir="rtl"` on the page.
    var rtl = false
    /// In a translation that leaves some texts in the source language: a line saying so.
    var untranslated: String?
    /// "What has changed since DATE, and why": the date of the update before, and the changes.
    var changedSince: String?
    var changes: [ChangeLine] = []
    var hasChanges = false
    var title: String
    var purpose: String
    var canInfluence: String
    var couldNotChange: String?
    var ref: String
    var published: String
    var publishedISO: String
    var when: String
    var hasWhen: Bool
    var takingPartText: String
    var methods: [MethodLine]
    var hasMethods: Bool
    var themes: [ThemeSection]
    var unanswered: [UnansweredLine]
    var hasUnanswered: Bool
    var answersDueText: String?
    var nextSteps: [NextStepLine]
    var hasNextSteps: Bool
    /// Only when every commitment is done and every theme answered.
    var allDone: Bool
    var organisation: String?
    var service: String?
    var questions: String?
    /// A phone number found in the public contact, for "call us" in easy read.
    var questionsPhone: String?
    var nextUpdate: String?
    /// Views not yet grouped into themes, and when we will report on them (an update published early).
    var unthemedText: String?
    /// A follow-up's own: the email subject, the greeting, the letter's addresses, the reference,
    /// the phone number to call and the link to the full update.
    var subject: String?
    /// What a follow-up's text comes as: "email", or "letter" when Notify prints the email's words.
    var medium = "email"
    /// The title as it reads inside a sentence ("your views on your experience of maternity care").
    var titleInSentence: String?
    var salutation: String?
    var signOff: String?
    var addressLines: [String] = []
    var senderLines: [String] = []
    var reference: String?
    var phone: String?
    var updateURL: String?
    var isChange = false
}

enum UpdateView {
    /// The page of `content`; with `easyRead`, each text's easy-read wording where one was recorded.
    static func page(_ content: UpdateContent, easyRead: Bool = false) -> UpdatePage {
        let activity = content.activity
        let published = spoken(content.published) ?? content.published
        let catalogue = MessageCatalogue.current
        let themes = content.themes.map {
            section($0, easyRead: easyRead, answersDue: content.answersDue, on: content.published)
        }
        let nextSteps = content.nextSteps.map { step in
            let late = lateText(due: step.due, status: step.status, on: content.published, easyRead: easyRead)
            return UpdatePage.NextStepLine(
                text: easyRead ? step.easyRead ?? step.text : step.text, status: statusText(step.status),
                due: late == nil ? step.due.flatMap(spoken) : nil, late: late)
        }
        // "Everything we said we would do is done" needs something we said we would do.
        let promised =
            !content.nextSteps.isEmpty
            || content.themes.contains { $0.weDid.contains { $0.status != DeliveryStatus.dropped.rawValue } }
        let unanswered = themes.filter(\.pending).map { UpdatePage.UnansweredLine(youSaid: $0.youSaid) }
        let changes = (content.changes ?? []).map { changeLine($0, easyRead: easyRead) }
        return UpdatePage(
            lang: catalogue.language.code, rtl: catalogue.language.isRightToLeft,
            untranslated: content.hasUntranslatedText
                ? t("Some parts of this page are not translated yet, so they are shown in English.") : nil,
            changedSince: content.changedSince.flatMap(spoken), changes: changes, hasChanges: !changes.isEmpty,
            title: activity.title, purpose: activity.purpose, canInfluence: activity.canInfluence,
            couldNotChange: activity.couldNotChange, ref: activity.ref, published: published,
            publishedISO: content.published, when: when(activity), hasWhen: !when(activity).isEmpty,
            takingPartText: takingPart(content.takingPart),
            methods: content.takingPart.byMethod.map {
                UpdatePage.MethodLine(
                    method: EngagementMethod(rawValue: $0.method) == nil
                        ? ($0.contributions == 1
                            ? t("we did not record how it was given") : t("we did not record how they were given"))
                        : methodName($0.method), contributions: $0.contributions,
                    text: views($0.contributions))
            }, hasMethods: !content.takingPart.byMethod.isEmpty, themes: themes, unanswered: unanswered,
            hasUnanswered: !unanswered.isEmpty,
            answersDueText: unanswered.isEmpty ? nil : answersDue(content.answersDue, on: content.published),
            nextSteps: nextSteps, hasNextSteps: !nextSteps.isEmpty,
            allDone: promised && nextSteps.isEmpty && unanswered.isEmpty && content.unthemed == nil,
            organisation: content.organisation, service: activity.service, questions: content.questions,
            questionsPhone: content.questions.flatMap(phoneNumber), nextUpdate: content.nextUpdate.flatMap(spoken),
            unthemedText: content.unthemed.map {
                unthemedText($0, due: content.answersDue, on: content.published, easyRead: easyRead)
            })
    }

    static func section(
        _ theme: UpdateContent.ThemePart, easyRead: Bool, answersDue due: String?, on published: String
    ) -> UpdatePage.ThemeSection {
        let actions = theme.weDid.map { action($0, easyRead: easyRead, on: published) }
        let pending = !(ThemeAnswer(rawValue: theme.answer)?.isAnswered ?? false)
        let did = actions.filter(\.done)
        let will = actions.filter { !$0.done }
        return UpdatePage.ThemeSection(
            key: theme.key, youSaid: easyRead ? theme.easyRead ?? theme.youSaid : theme.youSaid,
            views: theme.views ?? 0,
            people: theme.people, countText: easyRead ? easyCount(theme) : count(theme), answer: theme.answer,
            did: did, hasDid: !did.isEmpty, will: will, hasWill: !will.isEmpty,
            quotes: theme.quotes.enumerated().map { index, quote in
                // A quote in another language than the page's is marked with its own.
                let language = theme.quoteLanguages?[index].flatMap { try? LanguageTag(parsing: $0) }
                let translation = index < theme.quoteTranslations.count ? theme.quoteTranslations[index] : nil
                return UpdatePage.QuoteLine(
                    text: language.map {
                        $0 == MessageCatalogue.current.language ? quote : Escape.marked(quote, as: $0)
                    }
                        ?? quote,
                    translation: language == MessageCatalogue.current.language ? nil : translation)
            }, hasQuotes: !theme.quotes.isEmpty,
            weDidNot: theme.weDidNot.map {
                UpdatePage.ReasonLine(
                    heading: theme.answer == ThemeAnswer.partlyExplained.rawValue
                        ? t("What we did not do, and why") : t("Why we did not do this"),
                    because: easyRead ? $0.easyRead ?? $0.because : $0.because, reason: reasonLabel($0.reason))
            }, pending: pending,
            pendingText: pending
                ? t("We have not decided what to do about this yet.") + " " + answersDue(due, on: published) : nil)
    }

    static func action(_ action: UpdateContent.Action, easyRead: Bool = false, on published: String? = nil)
        -> UpdatePage.ActionLine
    {
        let late = published.flatMap {
            lateText(due: action.due, status: action.status, on: $0, easyRead: easyRead)
        }
        return UpdatePage.ActionLine(
            text: easyRead ? action.easyRead ?? action.text : action.text,
            done: action.status == DeliveryStatus.done.rawValue, status: statusText(action.status),
            partly: action.outcome == Outcome.partly.rawValue, due: late == nil ? action.due.flatMap(spoken) : nil,
            impact: action.impact, late: late)
    }

    /// When the activity ran, in words; a one-day activity "on" its day.
    static func when(_ activity: UpdateContent.ActivityPart) -> String {
        var when: String
        switch (activity.opens.flatMap(spoken), activity.closes.flatMap(spoken)) {
        case let (opens?, closes?) where opens == closes: when = t("It took place on {{date}}.", ["date": opens])
        case let (opens?, closes?):
            when = t("It ran from {{opens}} to {{closes}}.", ["opens": opens, "closes": closes])
        case let (nil, closes?): when = t("It closed on {{date}}.", ["date": closes])
        case let (opens?, nil):
            when =
                activity.ongoing
                ? t("It has been running since {{date}}.", ["date": opens])
                : t("It opened on {{date}}.", ["date": opens])
        case (nil, nil): when = ""
        }
        if activity.ongoing {
            when += (when.isEmpty ? "" : " ") + t("It is ongoing: you can still give your views.")
        }
        return when
    }

    /// "1 view", "12 views".
    static func views(_ count: Int) -> String {
        count == 1 ? t("1 view") : t("{{count}} views", ["count": String(count)])
    }

    /// "1 person", "12 people".
    static func people(_ count: Int) -> String {
        count == 1 ? t("1 person") : t("{{count}} people", ["count": String(count)])
    }

    /// Who took part, honestly: anonymous views are views, not people.
    static func takingPart(_ part: UpdateContent.TakingPart) -> String {
        let views = views(part.contributions)
        let people = people(part.people)
        switch (part.people, part.anonymous ?? 0) {
        case (0, _): return t("We heard {{views}}.", ["views": views])
        case (_, 0): return capitalised(t("{{people}} gave us {{views}}.", ["people": people, "views": views]))
        default: return t("We heard {{views}}, from at least {{people}}.", ["views": views, "people": people])
        }
    }

    /// "7 views, from 5 people"; "from at least" when some views are anonymous.
    static func count(_ theme: UpdateContent.ThemePart) -> String {
        let views = views(theme.views ?? 0)
        if theme.people == 0 { return capitalised(views) }
        let people = people(theme.people)
        return capitalised(
            (theme.anonymous ?? 0) > 0
                ? t("{{views}}, from at least {{people}}", ["views": views, "people": people])
                : t("{{views}}, from {{people}}", ["views": views, "people": people]))
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static func easyCount(_ theme: UpdateContent.ThemePart) -> String {
        let views = theme.views ?? theme.people
        return theme.people > 0 && (theme.anonymous ?? 0) == 0 && views == theme.people
            ? (theme.people == 1
                ? t("1 person told us this.") : t("{{count}} people told us this.", ["count": String(theme.people)]))
            : (views == 1 ? t("We heard this once.") : t("We heard this {{count}} times.", ["count": String(views)]))
    }

    /// When the themes not yet answered will be: a date still ahead, or an honest "we are late".
    static func answersDue(_ due: String?, on published: String) -> String {
        guard let due, let date = spoken(due) else { return t("We will tell you when we have.") }
        return due >= published
            ? t("We will tell you by {{date}}.", ["date": date])
            : t(
                "We said we would tell you by {{date}}. We are late, and we will tell you as soon as we can.",
                ["date": date])
    }
}
