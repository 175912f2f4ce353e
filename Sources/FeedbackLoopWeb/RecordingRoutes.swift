import FeedbackLoop
import FeedbackLoopStore
import Hummingbird

/// What an activity's page records: contributions, themes, decisions and explanations. Each form
/// posts to the same store method the command line calls; a refused one shows the page again with
/// its errors and what was typed, and nothing written.
struct RecordingRoutes {
    let store: any RecordStore

    func add(to routes: Routes) {
        post(routes, "contributions", prefix: "contribution-") { store, ref, form, check in
            let text = form.typed("contribution-text")
            let method = form["contribution-method"].flatMap { EngagementMethod(rawValue: $0) }
            let received = form["contribution-received"].flatMap { typed in
                check.value("contribution-received") {
                    try CalendarDate.parseTyped(typed, field: .entry("contribution-received"))
                }
            }
            var language: String?
            if let given = form["contribution-language"] {
                let settings = try await store.settings()
                language =
                    check.value("contribution-language") {
                        let tag = try LanguageTag(parsing: given, field: .entry("contribution-language"))
                        try settings.checkLanguage(tag, field: .entry("contribution-language"))
                        return tag == settings.sourceLanguage ? nil : tag.code
                    } ?? nil
            }
            guard check.isEmpty else { return "#contributions" }
            _ = try await store.addContribution(
                activity: ref, text: text, method: method, received: received,
                participantRef: form["contribution-participant"]?.trimmed, language: language)
            return "#contributions"
        }
        post(routes, "themes", prefix: "theme-") { store, ref, form, check in
            let selections =
                check.value("theme-contribution") {
                    try form.typed("theme-contribution").split(separator: ",").map {
                        try ContributionSelection.parse(String($0).trimmed)
                    }
                } ?? []
            guard check.isEmpty else { return "#themes" }
            _ = try await store.addTheme(
                activity: ref, key: form.typed("theme-key"), said: form.typed("theme-said"), contributions: selections,
                reason: form["theme-reason"])
            return "#themes"
        }
        post(routes, "decisions", prefix: "decision-") { store, ref, form, check in
            let due = form["decision-due"].flatMap { typed in
                check.value("decision-due") { try CalendarDate.parseTyped(typed, field: .entry("decision-due")) }
            }
            let status = form["decision-status"].flatMap { DeliveryStatus(rawValue: $0) } ?? .planned
            guard check.isEmpty else { return "#decisions" }
            let decision = Decision(
                activityId: 0, key: form.typed("decision-key"), text: form.typed("decision-text"),
                decidedBy: form["decision-decided-by"]?.trimmed, status: status, due: due,
                responds: form.all("decision-responds-to").map { ThemeResponse(theme: $0, outcome: .adopted) }
                    + form.all("decision-partly").map { ThemeResponse(theme: $0, outcome: .partly) })
            _ = try await store.addDecision(activity: ref, decision, reason: form["decision-reason"])
            return "#decisions"
        }
        post(routes, "evaluations", prefix: "evaluate-") { store, ref, form, _ in
            let shared = form.typed("evaluate-shared-with").split(separator: ",").map { String($0).trimmed }
                .filter { !$0.isEmpty }
            _ = try await store.evaluate(
                activity: ref, worked: form.typed("evaluate-worked"), improve: form.typed("evaluate-improve"),
                participantsInvolved: form.ticked("evaluate-involved"), sharedWith: shared)
            return "#learning"
        }
        post(routes, "explanations", prefix: "explain-") { store, ref, form, check in
            let category = check.value("explain-category") {
                try ReasonCategory.parse(form.typed("explain-category"), field: .entry("explain-category"))
            }
            guard check.isEmpty, let category else { return "#themes" }
            _ = try await store.explain(
                activity: ref, theme: form.typed("explain-theme"), why: form.typed("explain-why"), reason: category,
                changeReason: form["explain-reason"])
            return "#themes"
        }
    }

    /// The part of the activity each form is on.
    static let sections: [String: ActivityPage.Section] = [
        "contributions": .contributions, "themes": .themes, "explanations": .themes, "decisions": .decisions,
        "evaluations": .learning,
    ]

    /// What each form did, for the banner after it.
    static let done = [
        "contributions": "Contribution added.", "themes": "Theme added.", "explanations": "Explanation saved.",
        "decisions": "Decision added.", "evaluations": "What we learned is saved.",
    ]

    /// A form on the activity's page: `record` reads the form, notes problems in `check`, writes
    /// when there are none, and returns where on the page to go back to.
    private func post(
        _ routes: Routes, _ what: String, prefix: String,
        record: @escaping @Sendable (any RecordStore, String, FormData, inout FormCheck) async throws -> String
    ) {
        routes.change(RouterPath("/activities/{ref}/\(what)"), needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let ref = try context.parameters.require("ref")
            _ = try await found { try await store.activity(ref: ref) }
            var check = FormCheck(labels: ActivityForms.labels, prefix: prefix)
            // Each form lives on its part of the activity: a refusal shows that part again.
            let section = Self.sections[what] ?? .overview
            do {
                let before = try await LoopEffect.state(store: store, ref: ref)
                _ = try await record(store, ref, form, &check)
                if check.isEmpty {
                    return try await Pages.redirect(
                        section.link(ref),
                        saying: (Self.done[what] ?? "Saved.") + " "
                            + LoopEffect.sentence(store: store, ref: ref, before: before), store: store,
                        context: context)
                }
            } catch let error as any UserFacingError {
                let field = ["explanations": "why", "evaluations": "worked", "contributions": "text"][what] ?? "key"
                check.note(error, default: prefix + field)
            }
            return try await ActivityPage.render(
                store: store, ref: ref, context: context, section: section, form: form, errors: check.errors)
        }
    }
}
