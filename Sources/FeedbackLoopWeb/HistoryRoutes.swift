import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// The record's history in words: every change, who made it and when, with the values before and
/// after; filtered by activity, person, kind and dates, a page at a time, and downloadable as CSV.
struct HistoryRoutes {
    let store: any RecordStore
    static let pageSize = 50

    func add(to routes: Routes) {
        routes.page("/history") { request, context, _ in
            let query = Self.query(request)
            var errors: [FieldError] = []
            let filter = Self.filter(query, errors: &errors)
            if let activity = filter.activity { _ = try await found { try await store.activity(ref: activity) } }
            let count = await errors.isEmpty ? try store.historyCount(filter) : 0
            let pages = Pagination(count: count, page: Int(query.typed("page")) ?? 1, size: Self.pageSize) { page in
                "/history?" + Self.encoded(query, page: page)
            }
            let entries =
                await errors.isEmpty
                ? try store.history(filter, newestFirst: true, limit: Self.pageSize, offset: pages.range.lowerBound)
                : []
            let title = Titles.listing(
                "History" + (filter.activity.map { " of \($0)" } ?? ""), page: pages.number)
            return await Pages.render(
                "history",
                HistoryPage(
                    frame: Frame(title, context: context, section: filter.activity == nil ? "history" : "activities"),
                    query: query, filter: filter,
                    actors: try store.historyActors(), entries: entries, count: count, pages: pages,
                    csv: "/history.csv?" + Self.encoded(query, page: nil), errors: errors),
                status: errors.isEmpty ? .ok : .badRequest)
        }
        routes.page("/history.csv") { request, context, _ in
            var errors: [FieldError] = []
            let filter = Self.filter(Self.query(request), errors: &errors)
            guard errors.isEmpty else {
                throw Refusal(status: .badRequest, title: "Check the dates", message: errors[0].message + ".")
            }
            var csv = "when (UTC),who,activity,what\r\n"
            for (entry, words) in await HistoryWording.sentences(try store.history(filter)) {
                csv +=
                    [entry.at, entry.actor, entry.activityRef ?? "", words].map(ImportRoutes.csvField)
                    .joined(separator: ",") + "\r\n"
            }
            return FollowUpRoutes.download(Data(csv.utf8), name: "history.csv", type: "text/csv; charset=utf-8")
        }
    }

    static func query(_ request: Request) -> FormData {
        FormData(pairs: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
    }

    /// The filter a query asks for; a date that cannot be read is an error on its field.
    static func filter(_ query: FormData, errors: inout [FieldError]) -> HistoryFilter {
        func date(_ name: String, _ label: String) -> CalendarDate? {
            guard let typed = query[name] else { return nil }
            do { return try CalendarDate.parseTyped(typed, field: .entry(name)) } catch {
                errors.append(
                    FieldError(field: name, message: "\(label) must be a date, such as 2/12/2026, not ‘\(typed)’"))
                return nil
            }
        }
        return HistoryFilter(
            activity: query["activity"], by: query["by"], kinds: query["kind"].map { [$0] } ?? [],
            from: date("from", "From"), to: date("to", "To"), withoutParts: true)
    }

    /// The query again, for a link to another page of it.
    static func encoded(_ query: FormData, page: Int?) -> String {
        var items: [URLQueryItem] = []
        for name in ["activity", "by", "kind", "from", "to"] {
            if let value = query[name] { items.append(URLQueryItem(name: name, value: value)) }
        }
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}

struct HistoryPage: Sendable {
    var frame: Frame
    var heading: String
    var activity: String?
    var back: String?
    var by: SelectField
    var kind: SelectField
    var from: TextField
    var to: TextField
    var rows: [Row]
    var hasRows: Bool
    var pages: Pagination
    var csv: String
    var hasErrors: Bool
    var errors: [FieldError]

    struct Row: Sendable {
        var when: String
        var who: String
        var activity: String
        var activityLink: String?
        var what: String
    }

    init(
        frame: Frame, query: FormData, filter: HistoryFilter, actors: [String], entries: [HistoryEntry], count: Int,
        pages: Pagination, csv: String, errors: [FieldError]
    ) {
        self.frame = frame
        activity = filter.activity
        back = filter.activity.map(Paths.activity)
        heading =
            (filter.activity.map { "Changes to \($0)" } ?? "Every change") + ": "
            + counted(count, "change")
        by = SelectField(
            "by", "Who made the change", choices: [("", "Anyone")] + actors.map { ($0, $0) }, form: query,
            errors: errors)
        kind = SelectField(
            "kind", "What changed",
            choices: [("", "Anything")]
                + HistoryWording.kinds.filter { $0.entity != "publishedUpdateTheme" }.map {
                    ($0.entity, $0.words.capitalisedFirst)
                }, form: query, errors: errors)
        from = TextField.date("from", "From", form: query, errors: errors)
        to = TextField.date("to", "To", form: query, errors: errors)
        rows = HistoryWording.sentences(entries).map { entry, words in
            Row(
                when: Self.when(entry.at), who: entry.actor, activity: entry.activityRef ?? "",
                activityLink: entry.activityRef.map(Paths.activity), what: words)
        }
        hasRows = !rows.isEmpty
        self.pages = pages
        self.csv = csv
        hasErrors = !errors.isEmpty
        self.errors = errors
    }

    /// "2 December 2026, 14:05" from a stored UTC time.
    static func when(_ at: String) -> String {
        guard let day = try? CalendarDate.parse(String(at.prefix(10)), field: "at") else { return at }
        return "\(day.spoken), \(at.dropFirst(11).prefix(5))"
    }
}
