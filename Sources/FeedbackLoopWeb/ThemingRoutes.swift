import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Theming in bulk: the contributions no theme covers yet, with tick boxes and a text search;
/// link the ticked ones to a theme, or mark them out of scope, in one write.
struct ThemingRoutes {
    let store: EngagementStore
    static let labels = [
        "contribution": "Contributions", "theme": "Theme", "out-of-scope": "Why they are out of scope",
        "reason": "Why this changed",
    ]

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/theming", needs: .editor) { request, context, _ in
            let ref = try context.parameters.require("ref")
            let search = request.uri.queryParameters["q"].map(String.init) ?? ""
            return try page(ref: ref, search: search, context: context, form: nil, errors: [])
        }
        routes.change("/activities/{ref}/theming", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let ref = try context.parameters.require("ref")
            _ = try found { try store.activity(ref: ref) }
            var check = FormCheck(labels: Self.labels)
            let ids = form.all("contribution").compactMap { Int64($0) }
            if ids.isEmpty {
                check.note(
                    WebFormError("Tick at least one contribution", field: "contribution"), default: "contribution")
            }
            let outOfScope = form.typed("action") == "out-of-scope"
            if check.isEmpty {
                do {
                    if outOfScope {
                        try store.markOutOfScope(activity: ref, ids: ids, reason: form.typed("out-of-scope"))
                    } else {
                        guard let theme = form["theme"] else {
                            throw WebFormError("Choose the theme to link them to", field: "theme")
                        }
                        try store.linkTheme(
                            activity: ref, key: theme, contributions: ids.map { .single($0) }, reason: form["reason"])
                    }
                    return Pages.redirect(Paths.activity(ref) + "/theming?done=\(ids.count)")
                } catch let error as any UserFacingError {
                    check.note(error, default: outOfScope ? "out-of-scope" : "theme")
                }
            }
            return try page(ref: ref, search: form.typed("q"), context: context, form: form, errors: check.errors)
        }
    }

    private func page(ref: String, search: String, context: StaffContext, form: FormData?, errors: [FieldError])
        throws -> Response
    {
        let activity = try found { try store.activity(ref: ref) }
        let needle = search.trimmed
        let contributions = try store.contributions(
            activity: ref, unthemedOnly: true, matching: needle.isEmpty ? nil : needle)
        let ticked = Set(form?.all("contribution") ?? [])
        let view = ThemingPage(
            frame: Frame("Theme contributions: \(activity.title)", context: context, section: "activities"),
            title: activity.title, path: Paths.activity(ref), search: search,
            rows: contributions.prefix(500).map {
                ThemingPage.Row(
                    id: String($0.id), text: $0.text, method: $0.method?.rawValue.readable ?? "",
                    checked: ticked.contains(String($0.id)))
            },
            total: contributions.count,
            theme: SelectField(
                "theme", "Theme",
                choices: [("", "Choose a theme")]
                    + (try store.themes(activity: ref)).map { ($0.key, "\($0.key): \($0.said)") },
                form: form, errors: errors),
            outOfScope: TextField("out-of-scope", "Why they are out of scope", form: form, errors: errors),
            reason: TextField(
                "reason", "Why this changed (needed once an update has been published)", form: form, errors: errors),
            errors: errors)
        return Pages.render("theming", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}

/// A problem with a form that only the web app can see (nothing ticked), named against its field.
struct WebFormError: UserFacingError {
    var description: String
    var field: Field?

    init(_ description: String, field: String) {
        self.description = description
        self.field = Field(.plain, field)
    }
}

struct ThemingPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var search: String
    var rows: [Row]
    var hasRows: Bool
    var heading: String
    var theme: SelectField
    var outOfScope: TextField
    var reason: TextField
    var hasErrors: Bool
    var errors: [FieldError]

    struct Row: Sendable {
        var id: String
        var text: String
        var method: String
        var checked: Bool
    }

    init(
        frame: Frame, title: String, path: String, search: String, rows: [Row], total: Int, theme: SelectField,
        outOfScope: TextField, reason: TextField, errors: [FieldError]
    ) {
        self.frame = frame
        self.title = title
        self.path = path
        self.search = search
        self.rows = rows
        hasRows = !rows.isEmpty
        heading =
            total > rows.count
            ? "\(counted(total, "contribution")) not themed; the first \(rows.count) are shown"
            : "\(counted(total, "contribution")) not themed"
        self.theme = theme
        self.outOfScope = outOfScope
        self.reason = reason
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
