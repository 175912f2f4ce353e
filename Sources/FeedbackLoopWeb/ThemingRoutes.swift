import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Theming at the size of a real consultation: filter the contributions (not themed, themed, one
/// theme, words they contain), choose how many a page shows, tick some, the whole page or all that
/// match, and link them to a theme (a second theme, or moved from their others), create a theme
/// on the way, or mark them out of scope; each in one write.
struct ThemingRoutes {
    let store: any RecordStore
    static let labels = [
        "contribution": "Contributions", "theme": "Theme", "out-of-scope": "Why they are out of scope",
        "reason": "Why this changed", "new-key": "Short name", "new-said": "What people said, in a sentence",
    ]
    static let pageSizes = [25, 50, 100, 200]

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/theming", needs: .editor) { request, context, _ in
            let ref = try context.parameters.require("ref")
            let query = FormData(pairs: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
            return try await page(ref: ref, filter: query, context: context, form: nil, errors: [])
        }
        routes.change("/activities/{ref}/theming", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let ref = try context.parameters.require("ref")
            _ = try await found { try await store.activity(ref: ref) }
            var check = FormCheck(labels: Self.labels)
            let action = form.typed("action")
            if action == "create-theme" {
                do {
                    let (theme, _) = try await store.addTheme(
                        activity: ref, key: form.typed("new-key"), said: form.typed("new-said"))
                    var next = form
                    next.set("theme", theme.key)
                    return try await page(
                        ref: ref, filter: form, context: context, form: next, errors: [],
                        notice: "Theme \(theme.key) created. Tick the contributions that belong to it.")
                } catch let error as any UserFacingError {
                    var noted = FormCheck(labels: Self.labels, aliases: ["key": "new-key", "said": "new-said"])
                    noted.note(error, default: "new-key")
                    return try await page(ref: ref, filter: form, context: context, form: form, errors: noted.errors)
                }
            }
            if action == "select-page" {
                return try await page(
                    ref: ref, filter: form, context: context, form: form, errors: [], selectPage: true)
            }
            // Every contribution that matches the filter, or those ticked.
            let ids =
                await form.ticked("all-matching")
                ? try matching(ref: ref, filter: form).map(\.number)
                : form.all("contribution").compactMap { Int64($0) }
            if ids.isEmpty {
                check.note(
                    WebFormError("Tick at least one contribution", field: "contribution"), default: "contribution")
            }
            let outOfScope = action == "out-of-scope"
            if check.isEmpty {
                do {
                    let before = try await LoopEffect.state(store: store, ref: ref)
                    let done: String
                    if outOfScope {
                        try await store.markOutOfScope(activity: ref, numbers: ids, reason: form.typed("out-of-scope"))
                        done = "\(counted(ids.count, "contribution")) marked out of scope."
                    } else {
                        guard let theme = form["theme"] else {
                            throw WebFormError("Choose the theme to link them to", field: "theme")
                        }
                        let move = form.ticked("move")
                        let linked = try await store.linkTheme(
                            activity: ref, key: theme, contributions: ids.map { .single($0) }, move: move,
                            reason: form["reason"])
                        done =
                            "\(counted(linked, "contribution")) \(move ? "moved" : "linked") to theme \(theme)."
                            + (linked < ids.count ? " \(ids.count - linked) already in it." : "")
                    }
                    return try await Pages.redirect(
                        Paths.activity(ref) + "/theming?" + Self.encoded(form),
                        saying: done + " " + LoopEffect.sentence(store: store, ref: ref, before: before), store: store,
                        context: context)
                } catch let error as any UserFacingError {
                    check.note(error, default: outOfScope ? "out-of-scope" : "theme")
                }
            }
            return try await page(ref: ref, filter: form, context: context, form: form, errors: check.errors)
        }
    }

    /// The contributions a filter keeps: not themed (the default), themed, in one theme, or all;
    /// with words they contain.
    private func matching(ref: String, filter: FormData) async throws -> [ContributionSummary] {
        let show = filter.typed("show")
        let needle = filter.typed("q").trimmed
        return try await store.contributions(
            activity: ref, unthemedOnly: show.isEmpty || show == "unthemed", themedOnly: show == "themed",
            matching: needle.isEmpty ? nil : needle,
            theme: show.hasPrefix("theme:") ? String(show.dropFirst("theme:".count)) : nil)
    }

    /// The filter's fields, for the address of the page after a change.
    static func encoded(_ form: FormData) -> String {
        var components = URLComponents()
        components.queryItems = ["show", "q", "size", "page"].compactMap { name in
            form[name].map { URLQueryItem(name: name, value: $0) }
        }
        return components.percentEncodedQuery ?? ""
    }

    private func page(
        ref: String, filter: FormData, context: StaffContext, form: FormData?, errors: [FieldError],
        notice: String? = nil, selectPage: Bool = false
    ) async throws -> Response {
        let activity = try await found { try await store.activity(ref: ref) }
        let all = try await matching(ref: ref, filter: filter)
        let size = Int(filter.typed("size")).flatMap { Self.pageSizes.contains($0) ? $0 : nil } ?? 50
        var chosen = filter
        chosen.setDefault("show", "unthemed")
        chosen.setDefault("size", "50")
        let pages = Pagination(count: all.count, page: Int(filter.typed("page")) ?? 1, size: size) { number in
            var next = chosen
            next.set("page", String(number))
            return Paths.activity(ref) + "/theming?" + Self.encoded(next)
        }
        let shown = Array(all[pages.range])
        let ticked = selectPage ? Set(shown.map { String($0.number) }) : Set(form?.all("contribution") ?? [])
        let themes = try await store.themes(activity: ref)
        let view = ThemingPage(
            frame: Frame(
                Titles.listing("Theme contributions: \(activity.title)", page: pages.number), context: context,
                section: "activities", notice: notice),
            title: activity.title, path: Paths.activity(ref), filter: chosen,
            show: SelectField(
                "show", "Show",
                choices: [("unthemed", "Not themed yet"), ("themed", "Themed"), ("all", "All")]
                    + themes.map { ("theme:" + $0.key, "In theme \($0.key)") }, form: chosen, errors: []),
            size: SelectField(
                "size", "How many on a page", choices: Self.pageSizes.map { (String($0), String($0)) }, form: chosen,
                errors: []),
            rows: shown.map {
                ThemingPage.Row(
                    id: String($0.number), text: $0.text, method: $0.method?.rawValue.readable ?? "",
                    themes: $0.themes.isEmpty ? "" : "In " + $0.themes.joined(separator: ", "),
                    checked: ticked.contains(String($0.number)))
            },
            total: all.count, pages: pages, allMatching: form?.ticked("all-matching") ?? false,
            theme: SelectField(
                "theme", "Theme",
                choices: [("", "Choose a theme")] + themes.map { ($0.key, "\($0.key): \($0.said)") },
                form: form, errors: errors),
            move: form?.ticked("move") ?? false,
            newKey: TextField(
                "new-key", "Short name", hint: "Letters, digits and hyphens, such as phone-queue.", form: form,
                errors: errors),
            newSaid: TextField("new-said", "What people said, in a sentence", form: form, errors: errors),
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
    var show: SelectField
    var size: SelectField
    var hidden: [ConfirmPage.Hidden]
    var rows: [Row]
    var hasRows: Bool
    var heading: String
    var allLabel: String
    var allMatching: Bool
    var pages: Pagination
    var theme: SelectField
    var move: Bool
    var newKey: TextField
    var newSaid: TextField
    var outOfScope: TextField
    var reason: TextField
    var hasErrors: Bool
    var errors: [FieldError]

    struct Row: Sendable {
        var id: String
        var text: String
        var method: String
        var themes: String
        var checked: Bool
    }

    init(
        frame: Frame, title: String, path: String, filter: FormData, show: SelectField, size: SelectField,
        rows: [Row], total: Int, pages: Pagination, allMatching: Bool, theme: SelectField, move: Bool,
        newKey: TextField, newSaid: TextField, outOfScope: TextField, reason: TextField, errors: [FieldError]
    ) {
        self.frame = frame
        self.title = title
        self.path = path
        search = filter.typed("q")
        self.show = show
        self.size = size
        hidden = ["show", "q", "size", "page"].compactMap { name in
            filter[name].map { ConfirmPage.Hidden(name: name, value: $0) }
        }
        self.rows = rows
        hasRows = !rows.isEmpty
        heading =
            "\(counted(total, "contribution")) match" + (total == 1 ? "es" : "")
            + (total > rows.count ? "; \(rows.count) on this page" : "")
        allLabel = "All \(counted(total, "contribution")) that match, not only the ticked ones"
        self.allMatching = allMatching
        self.pages = pages
        self.theme = theme
        self.move = move
        self.newKey = newKey
        self.newSaid = newSaid
        self.outOfScope = outOfScope
        self.reason = reason
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
