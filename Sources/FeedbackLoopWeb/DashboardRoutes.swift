import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird
import Mustache

/// The dashboard: every open loop, most overdue first, with filters and the digest per lead.
struct DashboardRoutes {
    let store: any RecordStore
    let loops: LoopCache
    static let pageSize = 50

    func add(to routes: Routes) {
        routes.page("/") { request, context, account in
            let query = request.uri.queryParameters
            let filter = DashboardFilter(
                lead: query["lead"].map(String.init) ?? "", service: query["service"].map(String.init) ?? "",
                state: query["state"].map(String.init) ?? "", mine: query["mine"] == "1",
                page: max(1, query["page"].flatMap { Int($0) } ?? 1))
            let reading = try await loops.loops()
            // The whole list is shared with the cache, not copied, unless a filter leaves some out.
            let statuses =
                filter.keepsAll ? reading.statuses : reading.statuses.filter { filter.keeps($0, me: account.name) }
            var page = DashboardPage(
                frame: Frame(filter.title, context: context, section: "loops"), filter: filter, statuses: statuses,
                leads: reading.leads, services: reading.services, today: reading.today, pageSize: Self.pageSize)
            page.catchingUp = !reading.current
            // What Notify told of the follow-ups sent, for the loops on this page.
            let sent = try await store.latestDeliveries(refs: page.rows.map(\.ref))
            for index in page.rows.indices {
                guard let latest = sent[page.rows[index].ref] else { continue }
                page.rows[index].delivery = DeliveryTally(latest).sentence.capitalisedFirst
            }
            return Pages.render("dashboard", page)
        }
    }
}

struct DashboardFilter: Sendable {
    var lead: String
    var service: String
    var state: String
    var mine: Bool
    var page: Int

    /// The page's title, naming the filter and the page: "Loops led by Sam Patel, overdue, page 2".
    var title: String {
        var parts: [String] = []
        if mine { parts.append("mine") }
        if !lead.isEmpty { parts.append("led by \(lead)") }
        if !service.isEmpty { parts.append("in \(service)") }
        if !state.isEmpty { parts.append(state.replacingOccurrences(of: "-", with: " ")) }
        if page > 1 { parts.append("page \(page)") }
        return (["Loops"] + parts).joined(separator: parts.isEmpty ? "" : ", ").replacingOccurrences(
            of: "Loops, ", with: "Loops: ")
    }

    /// Whether every loop is kept: no filter is chosen.
    var keepsAll: Bool { lead.isEmpty && service.isEmpty && state.isEmpty && !mine }

    func keeps(_ status: LoopStatus, me: String) -> Bool {
        (lead.isEmpty || status.summary.lead == lead) && (service.isEmpty || status.summary.service == service)
            && (state.isEmpty || status.state.rawValue == state || (state == "overdue" && status.isOverdue))
            && (!mine || status.summary.lead == me)
    }

    /// The query string of this filter on another page.
    func query(page: Int) -> String {
        var items = [URLQueryItem]()
        if !lead.isEmpty { items.append(URLQueryItem(name: "lead", value: lead)) }
        if !service.isEmpty { items.append(URLQueryItem(name: "service", value: service)) }
        if !state.isEmpty { items.append(URLQueryItem(name: "state", value: state)) }
        if mine { items.append(URLQueryItem(name: "mine", value: "1")) }
        items.append(URLQueryItem(name: "page", value: String(page)))
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}

/// One choice in a filter's list.
struct Choice: Sendable, MustacheParent {
    var value: String
    var label: String
    var selected: Bool

    /// Read by name without reflection: a filter's list can run to hundreds of choices.
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

struct DashboardPage: Sendable {
    var frame: Frame
    var mine: Bool
    var leads: [Choice]
    var services: [Choice]
    var states: [Choice]
    var rows: [LoopRowView]
    var heading: String
    var hasRows: Bool
    var emptyMessage: String
    var pages: Pagination
    var digest: [DigestView]
    var hasDigest: Bool
    /// The record changed a moment ago and is being read again: this list is from just before.
    var catchingUp = false

    init(
        frame: Frame, filter: DashboardFilter, statuses: [LoopStatus], leads: [String], services: [String],
        today: CalendarDate, pageSize: Int
    ) {
        self.frame = frame
        mine = filter.mine
        self.leads =
            [Choice(value: "", label: "Any lead", selected: filter.lead.isEmpty)]
            + leads.map { Choice(value: $0, label: $0, selected: $0 == filter.lead) }
        self.services =
            [Choice(value: "", label: "Any service", selected: filter.service.isEmpty)]
            + services.map { Choice(value: $0, label: $0, selected: $0 == filter.service) }
        states =
            [Choice(value: "", label: "Any state", selected: filter.state.isEmpty)]
            + [Choice(value: "overdue", label: "Overdue", selected: filter.state == "overdue")]
            + LoopState.allCases.map {
                Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == filter.state)
            }
        pages = Pagination(count: statuses.count, page: filter.page, size: pageSize) { "/?" + filter.query(page: $0) }
        rows = statuses[pages.range].map(LoopRowView.init)
        heading = "\(counted(statuses.count, "open loop")) as of \(today.spoken)"
        hasRows = !rows.isEmpty
        emptyMessage = "No open feedback loops match, as of \(today.spoken)."
        // The digest is for one lead at a time: the whole team's can run to thousands of lines.
        digest = filter.lead.isEmpty && !filter.mine ? [] : LoopDigest(statuses).messages.map(DigestView.init)
        hasDigest = !digest.isEmpty
    }
}

/// One loop, as a row of the dashboard.
struct LoopRowView: Sendable, MustacheParent {
    var ref: String
    var link: String
    var title: String
    var state: String
    var stateLabel: String
    var tagClass: String
    var when: String
    var lead: String
    var nextStep: String
    /// Follow-ups sent through Notify: "12 told · 1 email bounced: check their details".
    var delivery: String?

    init(_ status: LoopStatus) {
        ref = status.summary.ref
        link = "/activities/" + (ref.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ref)
        title = status.summary.title
        state = status.state.rawValue
        stateLabel = status.state.label
        tagClass = status.isOverdue ? "overdue" : status.timing == .dueSoon ? "due-soon" : status.state.rawValue
        when = status.timingPhrase
        lead = status.summary.lead ?? "No lead"
        nextStep = status.nextStep.capitalisedFirst
    }

    /// Read by name without reflection, as every row of every dashboard is.
    func child(named name: String) -> Any? {
        switch name {
        case "ref": ref
        case "link": link
        case "title": title
        case "state": state
        case "stateLabel": stateLabel
        case "tagClass": tagClass
        case "when": when
        case "lead": lead
        case "nextStep": nextStep
        case "delivery": delivery
        default: nil
        }
    }
}

/// The digest for one lead: what to chase.
struct DigestView: Sendable {
    var lead: String
    var text: String

    init(_ message: LoopDigest.Message) {
        lead = message.lead ?? "Activities with no lead"
        text = message.text
    }
}

extension LoopState {
    /// The state as a tag reads: "Ready to publish".
    var label: String { rawValue.replacingOccurrences(of: "-", with: " ").capitalisedFirst }
}
