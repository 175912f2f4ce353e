import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// Publishing: preview each format on a page of its own, review the privacy findings, record the
/// update; the recorded updates' exact bytes; personal follow-ups to download and mark sent.
struct PublishingRoutes {
    let store: EngagementStore

    /// A published page's own policy: its inline style, and still no script and no framing.
    static let previewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    func add(to router: Router<StaffContext>) {
        router.get("/activities/{ref}/publish") { request, context in
            _ = try Access.page(request, context, needs: .publisher)
            return try page(ref: context.parameters.require("ref"), context: context, form: nil, errors: [])
        }
        router.get("/activities/{ref}/preview/{format}") { request, context in
            _ = try Access.page(request, context, needs: .publisher)
            let ref = try context.parameters.require("ref")
            guard let format = PublishFormat(rawValue: try context.parameters.require("format")) else {
                throw Refusal.notFound()
            }
            _ = try found { try store.activity(ref: ref) }
            let prepared = try PreparedUpdate.prepare(store: store, ref: ref, format: format)
            return Self.published(prepared.publication.bytes, format: format)
        }
        router.post("/activities/{ref}/publish") { request, context in
            let (form, store, _) = try await Access.change(request, context, store: store, needs: .publisher)
            let ref = try context.parameters.require("ref")
            _ = try found { try store.activity(ref: ref) }
            let chosen = form.all("format").compactMap { PublishFormat(rawValue: $0) }
            let formats = chosen.isEmpty ? [PublishFormat.html] : chosen
            var check = FormCheck(labels: [
                "format": "Formats to record", "early": "Publish early", "allow": "Privacy findings",
                "add-to": "Add to the latest update",
            ])
            do {
                // Renditions added to an update say what it said, as of its day.
                let earlier = try form["add-to"].flatMap(Int.init).map { try store.update(ref: ref, number: $0) }
                let prepared = try formats.map {
                    try PreparedUpdate.prepare(store: store, ref: ref, format: $0, asOf: earlier?.published)
                }
                let waivers = try PreparedUpdate.check(
                    prepared, early: form.ticked("early") || earlier != nil, allowing: form.all("allow"))
                if let earlier {
                    try PreparedUpdate.addRenditions(prepared, in: store, to: earlier.number, waivers: waivers)
                } else if let first = prepared.first {
                    let channels = form.all("channel").compactMap { FeedbackChannel(rawValue: $0) }
                    _ = try first.record(
                        in: store, channels: channels, waivers: waivers, renditions: Array(prepared.dropFirst()))
                }
                return Pages.redirect(Paths.activity(ref) + "#updates")
            } catch let error as any UserFacingError {
                check.note(error, default: error is PublishError ? "allow" : "format")
            }
            return try page(ref: ref, context: context, form: form, errors: check.errors)
        }
        router.get("/activities/{ref}/updates/{number}") { request, context in
            _ = try Access.page(request, context)
            let ref = try context.parameters.require("ref")
            let number = try context.parameters.require("number", as: Int.self)
            let update = try found { try store.update(ref: ref, number: number) }
            return Self.published(update.bytes, format: PublishFormat(rawValue: update.format) ?? .txt)
        }
    }

    /// An update's bytes as their own page: HTML with its inline style allowed, and no script; the
    /// text formats as plain text.
    static func published(_ bytes: Data, format: PublishFormat) -> Response {
        let type =
            switch format {
            case .html, .easyRead, .largePrint: "text/html; charset=utf-8"
            default: "text/plain; charset=utf-8"
            }
        return Response(
            status: .ok, headers: [.contentType: type, .contentSecurityPolicy: previewPolicy],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func page(ref: String, context: StaffContext, form: FormData?, errors: [FieldError]) throws -> Response {
        let activity = try found { try store.activity(ref: ref) }
        let prepared = try? PreparedUpdate.prepare(store: store, ref: ref, format: .html)
        let view = PublishPage(
            frame: Frame("Publish an update: \(activity.title)", context: context, section: "activities"),
            activity: activity, prepared: prepared, latest: try store.updates(ref: ref).last?.number, form: form,
            errors: errors)
        return Pages.render("publish", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}

struct PublishPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var formats: [Preview]
    var format: CheckboxGroup
    /// The latest recorded update, to add renditions to.
    var addTo: AddTo?

    struct AddTo: Sendable {
        var number: Int
        var checked: Bool
    }
    var channels: CheckboxGroup
    var findings: [Finding]
    var hasFindings: Bool
    var unanswered: String?
    var unthemed: String?
    var donePromised: String?
    var needsEarly: Bool

    var early: Bool
    var hasErrors: Bool
    var errors: [FieldError]

    static func label(_ format: PublishFormat) -> String {
        switch format {
        case .html: "Web page"
        case .easyRead: "Easy read web page"
        case .largePrint: "Large print web page"
        case .md: "Markdown"
        case .txt: "Plain text"
        case .json: "Open data (JSON)"
        case .csv: "Open data (CSV)"
        }
    }

    struct Preview: Sendable {
        var label: String
        var link: String
    }

    struct Finding: Sendable {
        var id: String
        var what: String
        var location: String
        var checked: Bool
    }

    init(
        frame: Frame, activity: Activity, prepared: PreparedUpdate?, latest: Int?, form: FormData?,
        errors: [FieldError]
    ) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        let formats: [PublishFormat] = [.html, .easyRead, .largePrint, .md, .txt, .json, .csv]
        self.formats = formats.map {
            Preview(label: Self.label($0), link: Paths.activity(activity.ref) + "/preview/\($0.rawValue)")
        }
        format = CheckboxGroup(
            "format", "Formats to record", hint: "Each is a rendition of one update, not an update of its own.",
            values: formats.map(\.rawValue),
            labels: Dictionary(uniqueKeysWithValues: formats.map { ($0.rawValue, Self.label($0)) }),
            form: form ?? FormData(pairs: [("format", PublishFormat.html.rawValue)]), errors: errors)
        addTo = latest.map { AddTo(number: $0, checked: form?["add-to"] == String($0)) }
        let ticked = form.map { $0.all("channel") } ?? activity.feedbackChannels.map(\.rawValue)
        channels = CheckboxGroup(
            "channel", "Where it is published", values: FeedbackChannel.allCases.map(\.rawValue),
            form: FormData(pairs: ticked.map { ("channel", $0) }), errors: errors)
        let allowed = Set(form?.all("allow") ?? [])
        findings = (prepared?.findings ?? []).map {
            Finding(
                id: $0.id, what: "\($0.kind.label): ‘\($0.match)’", location: $0.location,
                checked: allowed.contains($0.id))
        }
        hasFindings = !findings.isEmpty
        let missing = prepared?.unanswered ?? []
        unanswered =
            missing.isEmpty
            ? nil
            : "These themes have no answer yet: \(missing.joined(separator: ", ")). Publishing now says so, and when an answer is due."
        let unthemedViews = prepared?.unthemed ?? 0
        unthemed =
            unthemedViews == 0
            ? nil
            : "\(counted(unthemedViews, "view")) \(unthemedViews == 1 ? "is" : "are") not yet grouped into themes. "
                + "Publishing now says so, and when we will report on them."
        let promised = prepared?.doneButPromised ?? []
        donePromised =
            promised.isEmpty
            ? nil
            : "Marked done, but still saying what we will do: \(promised.joined(separator: ", ")). "
                + "Change each decision's text to say what was done."
        needsEarly = unanswered != nil || unthemed != nil
        early = form?.ticked("early") ?? false

        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
