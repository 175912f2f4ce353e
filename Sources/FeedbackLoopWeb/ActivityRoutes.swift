import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// The activities: a searchable list, each one's page, and the forms that add and change them.
struct ActivityRoutes {
    let store: any RecordStore
    static let pageSize = 50

    func add(to routes: Routes) {
        routes.page("/activities") { request, context, _ in
            let query = request.uri.queryParameters
            let search = query["q"].map(String.init)?.trimmed ?? ""
            let found = await search.isEmpty ? try store.activities() : try store.searchActivities(search)
            let page = max(1, query["page"].flatMap { Int($0) } ?? 1)
            return Pages.render(
                "activities",
                ActivityListPage(
                    frame: Frame(
                        Titles.listing("Activities", search: search, page: page), context: context,
                        section: "activities"), search: search,
                    activities: found, page: page, pageSize: Self.pageSize,
                    canAdd: context.account?.role.allows(.editor) ?? false))
        }
        routes.page("/activities/new", needs: .editor) { request, context, _ in
            return try await formPage(context, form: nil, errors: [], editing: nil)
        }
        routes.change("/activities", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            var check = FormCheck(labels: ActivityForm.labels)
            var activity = Activity(ref: "", title: "", purpose: "", canInfluence: "", level: .consult)
            await ActivityForm.read(
                form, into: &activity, organisations: try store.organisationIds(), check: &check, isNew: true)
            if check.isEmpty {
                do {
                    let added = try await store.addActivity(activity)
                    return Pages.redirect(Paths.activity(added.ref))
                } catch let error as any UserFacingError {
                    check.note(error, default: "ref")
                }
            }
            return try await formPage(context, form: form, errors: check.errors, editing: nil)
        }
        routes.page("/activities/{ref}") { request, context, _ in
            let ref = try context.parameters.require("ref")
            return try await ActivityPage.render(store: store, ref: ref, context: context)
        }
        for section in [ActivityPage.Section.themes, .decisions, .updates, .learning] {
            routes.page(RouterPath("/activities/{ref}/" + section.rawValue)) { request, context, _ in
                try await ActivityPage.render(
                    store: store, ref: try context.parameters.require("ref"), context: context, section: section)
            }
        }
        routes.page("/activities/{ref}/contributions") { request, context, _ in
            try await ActivityPage.render(
                store: store, ref: try context.parameters.require("ref"), context: context, section: .contributions,
                page: request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1)
        }
        routes.page("/activities/{ref}/edit", needs: .editor) { request, context, _ in
            let activity = try await found { try await store.activity(ref: context.parameters.require("ref")) }
            return try await formPage(
                context, form: ActivityForm.typed(activity, organisations: try store.organisationIds()), errors: [],
                editing: activity)
        }
        routes.change("/activities/{ref}/edit", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            let stored = try await found { try await store.activity(ref: context.parameters.require("ref")) }
            var check = FormCheck(labels: ActivityForm.labels)
            var changed = stored
            await ActivityForm.read(
                form, into: &changed, organisations: try store.organisationIds(), check: &check, isNew: false)
            if check.isEmpty {
                do {
                    _ = try await store.updateActivity(ref: stored.ref) { [changed] in $0 = changed }
                    return Pages.redirect(Paths.activity(stored.ref))
                } catch let error as any UserFacingError {
                    check.note(error, default: "title")
                }
            }
            return try await formPage(context, form: form, errors: check.errors, editing: stored)
        }
    }

    private func formPage(_ context: StaffContext, form: FormData?, errors: [FieldError], editing: Activity?)
        async throws
        -> Response
    {
        let title = editing.map { "Change \($0.title)" } ?? "Add an activity"
        let view = ActivityForm.View(
            frame: Frame(title, context: context, section: "activities"), heading: title,
            action: editing.map { Paths.activity($0.ref) + "/edit" } ?? "/activities", isNew: editing == nil,
            form: form,
            errors: errors, organisations: try await store.organisations(),
            cancel: editing.map { Paths.activity($0.ref) } ?? "/activities")
        return Pages.render("activity-form", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}

/// Turns a record the store cannot find into the 404 page.
func found<T>(_ lookup: () async throws -> T) async throws -> T {
    do { return try await lookup() } catch let error as StoreError {
        switch error {
        case .unknownActivity, .unknownTheme, .unknownDecision, .unknownUpdate:
            let (text, link) = WebRemedy.message(error)
            var refusal = Refusal.notFound(text + ".")
            refusal.link = link
            throw refusal
        default: throw error
        }
    }
}

/// The web app's addresses.
enum Paths {
    static func activity(_ ref: String) -> String {
        "/activities/" + (ref.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ref)
    }
}

struct ActivityListPage: Sendable {
    var frame: Frame
    var search: String
    var rows: [Row]
    var hasRows: Bool
    var heading: String
    var canAdd: Bool
    var pages: Pagination

    struct Row: Sendable {
        var link: String
        var ref: String
        var title: String
        var service: String
        var lead: String
        var dates: String
    }

    init(frame: Frame, search: String, activities: [Activity], page: Int, pageSize: Int, canAdd: Bool) {
        self.frame = frame
        self.search = search
        self.canAdd = canAdd
        let encoded = search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        pages = Pagination(count: activities.count, page: page, size: pageSize) {
            "/activities?q=\(encoded)&page=\($0)"
        }
        rows = activities[pages.range].map { activity in
            Row(
                link: Paths.activity(activity.ref), ref: activity.ref, title: activity.title,
                service: activity.service ?? "", lead: activity.lead ?? "",
                dates: [activity.opens.map { "Opens \($0.spoken)" }, activity.closes.map { "closes \($0.spoken)" }]
                    .compactMap { $0 }.joined(separator: ", "))
        }
        hasRows = !rows.isEmpty
        heading =
            search.isEmpty
            ? counted(activities.count, "activity", plural: "activities")
            : "\(counted(activities.count, "activity", plural: "activities")) found for ‘\(search)’"
    }
}
