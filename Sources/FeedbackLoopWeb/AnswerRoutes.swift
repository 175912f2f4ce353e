import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Changing what was recorded: a theme's wording, a decision, removing either, and every
/// contribution with its number. Once an update has been published, a change to an answer needs
/// the reason the next update will give; the store refuses without one, as on the command line.
struct AnswerRoutes {
    let store: any RecordStore
    static let labels = [
        "quotes": "Quotes", "said": "You said", "reason": "Why this changed", "text": "What was decided or done",
        "status": "Status",
        "due": "Due", "impact": "The difference it made",
    ]
    static let pageSize = 100

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/themes/{key}") { request, context, _ in
            return try await themePage(context, form: nil, errors: [])
        }
        routes.change("/activities/{ref}/themes/{key}", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let (ref, key) = try names(context)
            var check = FormCheck(labels: Self.labels)
            let action = form.typed("action")
            if action == "remove" || action == "withdraw",
                let asked = try await confirmTheme(form, context, action: action)
            {
                return asked
            }
            do {
                let before = try await LoopEffect.state(store: store, ref: ref)
                let done: String
                if action == "remove" {
                    try await store.removeTheme(activity: ref, key: key, reason: form["reason"])
                    done = "Theme \(key) removed. Its views are no longer themed."
                } else if action == "withdraw" {
                    try await store.withdrawExplanation(activity: ref, theme: key, reason: form["reason"])
                    done = "The explanation for theme \(key) was withdrawn."
                } else {
                    try await store.updateTheme(
                        activity: ref, key: key, said: form.typed("said"), reason: form["reason"])
                    done = "Theme \(key) changed."
                }
                return try await Pages.redirect(
                    Paths.activity(ref) + "/themes",
                    saying: done + " " + LoopEffect.sentence(store: store, ref: ref, before: before), store: store,
                    context: context)
            } catch let error as any UserFacingError {
                check.note(error, default: "said")
            }
            return try await themePage(context, form: form, errors: check.errors)
        }
        routes.change("/activities/{ref}/themes/{key}/quotes", needs: .publisher) { request, context, change in
            let (form, store, _) = change.parts
            let (ref, key) = try names(context)
            guard let id = Int64(form.typed("contribution")) else { throw Refusal.notFound() }
            do {
                if form.typed("action") == "remove" {
                    try await store.removeQuote(activity: ref, theme: key, contribution: id)
                } else {
                    _ = try await store.addQuote(activity: ref, theme: key, contribution: id)
                }
                return Pages.redirect(Paths.activity(ref) + "/themes/\(key)#quotes")
            } catch let error as any UserFacingError {
                var check = FormCheck(labels: Self.labels)
                check.note(error, default: "quotes")
                return try await themePage(context, form: nil, errors: check.errors)
            }
        }
        routes.page("/activities/{ref}/decisions/{key}") { request, context, _ in
            return try await decisionPage(context, form: nil, errors: [])
        }
        routes.change("/activities/{ref}/decisions/{key}", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let (ref, key) = try names(context)
            var check = FormCheck(labels: Self.labels)
            let due = form["due"].flatMap { typed in
                check.value("due") { try CalendarDate.parseTyped(typed, field: .entry("due")) }
            }
            if check.isEmpty {
                if form.typed("action") == "remove", let asked = try await confirmDecision(form, context) {
                    return asked
                }
                do {
                    let before = try await LoopEffect.state(store: store, ref: ref)
                    let done: String
                    if form.typed("action") == "remove" {
                        try await store.removeDecision(activity: ref, key: key, reason: form["reason"])
                        done = "Decision \(key) removed."
                    } else {
                        done = "Decision \(key) changed."
                        let text = try requireText(form.typed("text"), field: .entry("text"))
                        let status = form["status"].flatMap { DeliveryStatus(rawValue: $0) }
                        _ = try await store.updateDecision(activity: ref, key: key, reason: form["reason"]) {
                            decision in
                            decision.text = text
                            if let status { decision.status = status }
                            decision.due = due
                            decision.impact = form["impact"]?.trimmed
                        }
                    }
                    return try await Pages.redirect(
                        Paths.activity(ref) + "/decisions",
                        saying: done + " " + LoopEffect.sentence(store: store, ref: ref, before: before), store: store,
                        context: context)
                } catch let error as any UserFacingError {
                    check.note(error, default: "text")
                }
            }
            return try await decisionPage(context, form: form, errors: check.errors)
        }
    }

    /// Asks before a theme is removed or its explanation withdrawn.
    private func confirmTheme(_ form: FormData, _ context: StaffContext, action: String) async throws -> Response? {
        let (ref, key) = try names(context)
        let activity = try await found { try await store.activity(ref: ref) }
        guard let theme = try await store.themes(activity: ref).first(where: { $0.key == key }) else {
            throw Refusal.notFound("There is no theme \(key) in \(ref).")
        }
        let reported = try await store.updates(ref: ref).last.flatMap { update in
            update.themes.contains { $0.key == key } ? update.number : nil
        }
        var consequences: [String]
        if action == "remove" {
            consequences = [
                "The theme ‘\(theme.said)’ goes. Its \(counted(theme.contributions, "view")) stay, but are no longer themed.",
                "Decisions that answer it no longer answer it.",
            ]
        } else {
            consequences = [
                "The explanation of why ‘\(theme.said)’ was not acted on goes. The theme then has no answer."
            ]
        }
        if let reported {
            consequences.append(
                "Update \(reported) reported it: the loop reopens, and the next update says what changed and why.")
        }
        consequences.append("History keeps a record of it.")
        return ConfirmPage.unlessConfirmed(
            form, context: context, caption: activity.title,
            heading: action == "remove" ? "Remove theme \(key)?" : "Withdraw the explanation for theme \(key)?",
            consequences: consequences, action: Paths.activity(ref) + "/themes/\(key)",
            button: action == "remove" ? "Remove the theme" : "Withdraw the explanation",
            back: Paths.activity(ref) + "/themes/\(key)")
    }

    /// Asks before a decision is removed.
    private func confirmDecision(_ form: FormData, _ context: StaffContext) async throws -> Response? {
        let (ref, key) = try names(context)
        let activity = try await found { try await store.activity(ref: ref) }
        guard let decision = try await store.decisions(activity: ref).first(where: { $0.key == key }) else {
            throw Refusal.notFound("There is no decision \(key) in \(ref).")
        }
        let answered = decision.responds.map(\.theme)
        var consequences = ["The decision ‘\(decision.text)’ goes."]
        if !answered.isEmpty {
            consequences.append("It no longer answers: \(answered.joined(separator: ", ")).")
        }
        if let update = try await store.updates(ref: ref).last,
            update.themes.contains(where: { answered.contains($0.key) })
        {
            consequences.append(
                "Update \(update.number) reported it: the loop reopens, and the next update says it was removed and why."
            )
        }
        consequences.append("History keeps a record of it.")
        return ConfirmPage.unlessConfirmed(
            form, context: context, caption: activity.title, heading: "Remove decision \(key)?",
            consequences: consequences, action: Paths.activity(ref) + "/decisions/\(key)",
            button: "Remove the decision", back: Paths.activity(ref) + "/decisions/\(key)")
    }

    private func names(_ context: StaffContext) throws -> (ref: String, key: String) {
        (try context.parameters.require("ref"), try context.parameters.require("key"))
    }

    private func themePage(_ context: StaffContext, form: FormData?, errors: [FieldError]) async throws -> Response {
        let (ref, key) = try names(context)
        let activity = try await found { try await store.activity(ref: ref) }
        guard let theme = try await store.themes(activity: ref).first(where: { $0.key == key }) else {
            throw Refusal.notFound("There is no theme \(key) in \(ref).")
        }
        let typed = form ?? FormData(pairs: [("said", theme.said)])
        var page = ChangePage(
            frame: Frame("Theme \(key): \(activity.title)", context: context, section: "activities"),
            title: activity.title,
            heading: "Theme \(key)", action: Paths.activity(ref) + "/themes/\(key)",
            back: Paths.activity(ref) + "/themes",
            summary: "\(counted(theme.contributions, "view")); \(theme.answer.rawValue.readable.lowercased()).",
            fields: [
                TextField("said", "You said", form: typed, errors: errors, multiline: true), Self.reason(typed, errors),
            ], selects: [], canEdit: context.account?.role.allows(.editor) ?? false, noun: "theme", errors: errors)
        page.explanation = theme.explanation.map { "Not done because: \($0.why)" }
        let chosen = await Set(try store.chosenQuotes(activity: ref).filter { $0.theme == key }.map(\.contribution))
        page.quotes = try await store.contributions(activity: ref, theme: key).prefix(200).map {
            ChangePage.Quote(number: String($0.number), text: $0.text, chosen: chosen.contains($0.number))
        }
        page.hasQuotes = !page.quotes.isEmpty
        page.canQuote = context.account?.role.allows(.publisher) ?? false
        return Pages.render("change", page, status: errors.isEmpty ? .ok : .badRequest)
    }

    private func decisionPage(_ context: StaffContext, form: FormData?, errors: [FieldError]) async throws -> Response {
        let (ref, key) = try names(context)
        let activity = try await found { try await store.activity(ref: ref) }
        guard let decision = try await store.decisions(activity: ref).first(where: { $0.key == key }) else {
            throw Refusal.notFound("There is no decision \(key) in \(ref).")
        }
        let typed =
            form
            ?? FormData(pairs: [
                ("text", decision.text), ("status", decision.status.rawValue), ("due", decision.due?.description ?? ""),
                ("impact", decision.impact ?? ""),
            ])
        let page = ChangePage(
            frame: Frame("Decision \(key): \(activity.title)", context: context, section: "activities"),
            title: activity.title,
            heading: "Decision \(key)", action: Paths.activity(ref) + "/decisions/\(key)",
            back: Paths.activity(ref) + "/decisions",
            summary: "It answers \(decision.responds.map(\.theme).joined(separator: ", ")).",
            fields: [
                TextField("text", "What was decided or done", form: typed, errors: errors, multiline: true),
                TextField.date("due", "Due (optional)", form: typed, errors: errors),
                TextField("impact", "The difference it made (optional)", form: typed, errors: errors, multiline: true),
                Self.reason(typed, errors),
            ],
            selects: [
                SelectField(
                    "status", "Status", choices: DeliveryStatus.allCases.map { ($0.rawValue, $0.rawValue.readable) },
                    form: typed, errors: errors)
            ], canEdit: context.account?.role.allows(.editor) ?? false, noun: "decision", errors: errors)
        return Pages.render("change", page, status: errors.isEmpty ? .ok : .badRequest)
    }

    private static func reason(_ form: FormData, _ errors: [FieldError]) -> TextField {
        TextField(
            "reason", "Why this changed (needed once an update has been published)",
            hint: "In words for the public: the next update says what changed, and why.", form: form, errors: errors)
    }
}

/// A page that changes or removes one theme or decision.
struct ChangePage: Sendable {
    var frame: Frame
    var title: String
    var heading: String
    var action: String
    var back: String
    var summary: String
    var fields: [TextField]
    var selects: [SelectField]
    var canEdit: Bool
    var noun: String
    /// A theme's explanation, which can be withdrawn.
    var explanation: String?
    /// A theme's contributions, to choose quotes from.
    var quotes: [Quote] = []
    var hasQuotes = false
    var canQuote = false

    struct Quote: Sendable {
        var number: String
        var text: String
        var chosen: Bool
    }
    var hasErrors: Bool
    var errors: [FieldError]

    init(
        frame: Frame, title: String, heading: String, action: String, back: String, summary: String,
        fields: [TextField], selects: [SelectField], canEdit: Bool, noun: String, errors: [FieldError]
    ) {
        self.frame = frame
        self.title = title
        self.heading = heading
        self.action = action
        self.back = back
        self.summary = summary
        self.fields = fields
        self.selects = selects
        self.canEdit = canEdit
        self.noun = noun
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}

/// One row of an activity's contributions.
struct ContributionsPage: Sendable {
    struct Row: Sendable {
        var number: String
        var text: String
        var themes: String
        var status: String
    }
}
