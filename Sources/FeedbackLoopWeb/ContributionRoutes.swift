import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// One contribution, by the number the command line uses: correct its text, mark it out of scope
/// (taking it out of its themes, with the reason a published answer needs), bring it back, remove it.
struct ContributionRoutes {
    let store: any RecordStore
    static let labels = [
        "text": "What was said", "out-of-scope": "Why it is out of scope", "reason": "Why this changed",
        "move-to": "Theme to move it to",
    ]

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/contributions/{id}") { request, context, _ in
            return try await page(context, form: nil, errors: [])
        }
        routes.change("/activities/{ref}/contributions/{id}", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let (ref, id) = try names(context)
            var check = FormCheck(labels: Self.labels)
            if form.typed("action") == "remove", let asked = try await confirmRemoval(form, context) { return asked }
            do {
                let before = try await LoopEffect.state(store: store, ref: ref)
                let done: String
                switch form.typed("action") {
                case "remove":
                    try await store.removeContribution(activity: ref, number: id)
                    return try await Pages.redirect(
                        Paths.activity(ref) + "/contributions",
                        saying: "Contribution \(id) removed. "
                            + LoopEffect.sentence(store: store, ref: ref, before: before), store: store,
                        context: context)
                case "out-of-scope":
                    done = "Contribution \(id) is out of scope."
                    guard let why = form["out-of-scope"] else {
                        throw WebFormError("Say why it is out of scope", field: "out-of-scope")
                    }
                    try await store.updateContribution(
                        activity: ref, number: id, outOfScope: .some(why), unlink: true, changeReason: form["reason"])
                case "move":
                    guard let theme = form["move-to"] else {
                        throw WebFormError("Choose the theme to move it to", field: "move-to")
                    }
                    try await store.linkTheme(
                        activity: ref, key: theme, contributions: [.single(id)], move: true, reason: form["reason"])
                    done = "Contribution \(id) moved to theme \(theme)."
                case "in-scope":
                    try await store.updateContribution(activity: ref, number: id, outOfScope: .some(nil))
                    done = "Contribution \(id) is back in scope."
                default:
                    try await store.updateContribution(activity: ref, number: id, text: form.typed("text"))
                    done = "Contribution \(id) corrected."
                }
                return try await Pages.redirect(
                    Paths.activity(ref) + "/contributions/\(id)",
                    saying: await done + " " + LoopEffect.sentence(store: store, ref: ref, before: before),
                    store: store,
                    context: context)
            } catch let error as any UserFacingError {
                check.note(error, default: form.typed("action") == "out-of-scope" ? "out-of-scope" : "text")
            }
            return try await page(context, form: form, errors: check.errors)
        }
    }

    /// Asks before a contribution is removed.
    private func confirmRemoval(_ form: FormData, _ context: StaffContext) async throws -> Response? {
        let (ref, id) = try names(context)
        let activity = try await found { try await store.activity(ref: ref) }
        guard let contribution = try await store.contributions(activity: ref, number: id).first else {
            throw Refusal.notFound("Contribution \(id) is not one of \(ref)’s.")
        }
        var consequences = ["‘\(contribution.text.prefix(200))’ goes from the record."]
        if !contribution.themes.isEmpty {
            consequences.append(
                "It is taken out of \(contribution.themes.count == 1 ? "the theme" : "the themes")"
                    + " \(contribution.themes.joined(separator: ", ")), whose view counts go down.")
        }
        consequences.append(
            "Its number is not used again. If it was recorded by mistake, this is right; if it is not relevant,"
                + " mark it out of scope instead: that can be undone.")
        consequences.append("History keeps a record of it.")
        return ConfirmPage.unlessConfirmed(
            form, context: context, caption: activity.title, heading: "Remove contribution \(id)?",
            consequences: consequences, action: Paths.activity(ref) + "/contributions/\(id)",
            button: "Remove the contribution", back: Paths.activity(ref) + "/contributions/\(id)")
    }

    private func names(_ context: StaffContext) throws -> (ref: String, id: Int64) {
        guard let id = Int64(try context.parameters.require("id")) else { throw Refusal.notFound() }
        return (try context.parameters.require("ref"), id)
    }

    private func page(_ context: StaffContext, form: FormData?, errors: [FieldError]) async throws -> Response {
        let (ref, id) = try names(context)
        let activity = try await found { try await store.activity(ref: ref) }
        guard let contribution = try await store.contributions(activity: ref, number: id).first else {
            throw Refusal.notFound("Contribution \(id) is not one of \(ref)’s.")
        }
        let typed = form ?? FormData(pairs: [("text", contribution.text)])
        let view = ContributionPage(
            frame: Frame("Contribution \(id): \(activity.title)", context: context, section: "activities"),
            title: activity.title,
            heading: "Contribution \(id)", action: Paths.activity(ref) + "/contributions/\(id)",
            back: Paths.activity(ref) + "/contributions",
            status: contribution.outOfScope.map { "Out of scope: \($0)" }
                ?? (contribution.themes.isEmpty
                    ? "Not themed yet" : "In the themes \(contribution.themes.joined(separator: ", "))"),
            outOfScope: contribution.outOfScope != nil,
            text: TextField("text", "What was said", form: typed, errors: errors, multiline: true),
            why: TextField("out-of-scope", "Why it is out of scope", form: form, errors: errors),
            reason: TextField(
                "reason", "Why this changed (needed once an update has been published)", form: form, errors: errors),
            moveTo: await SelectField(
                "move-to", "Theme to move it to",
                choices: try store.themes(activity: ref).filter { !contribution.themes.contains($0.key) }.map {
                    ($0.key, $0.said)
                }, form: form, errors: errors),
            canEdit: context.account?.role.allows(.editor) ?? false, errors: errors)
        return Pages.render("contribution", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}

struct ContributionPage: Sendable {
    var frame: Frame
    var title: String
    var heading: String
    var action: String
    var back: String
    var status: String
    var outOfScope: Bool
    var text: TextField
    var why: TextField
    var reason: TextField
    var moveTo: SelectField?
    var canEdit: Bool
    var hasErrors: Bool
    var errors: [FieldError]

    init(
        frame: Frame, title: String, heading: String, action: String, back: String, status: String, outOfScope: Bool,
        text: TextField, why: TextField, reason: TextField, moveTo: SelectField? = nil, canEdit: Bool,
        errors: [FieldError]
    ) {
        self.frame = frame
        self.title = title
        self.heading = heading
        self.action = action
        self.back = back
        self.status = status
        self.outOfScope = outOfScope
        self.text = text
        self.why = why
        self.reason = reason
        self.moveTo = moveTo.flatMap { $0.options.isEmpty ? nil : $0 }
        self.canEdit = canEdit
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
