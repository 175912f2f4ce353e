import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// Personal follow-ups: who is owed one, each letter or email to download, the mailing list, and
/// marking them sent. They hold contact details, so publishers and admins only.
struct FollowUpRoutes {
    let store: any RecordStore
    let jobs: NotifyJobs

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/follow-ups", needs: .publisher) { request, context, _ in
            return try await page(context, form: nil, errors: [])
        }
        routes.page("/activities/{ref}/follow-ups/mailing.csv", needs: .publisher) { request, context, _ in
            let batch = try await FollowUpBatch.prepare(store: store, ref: context.parameters.require("ref"))
            return Self.download(Data(batch.mailingList.utf8), name: "mailing.csv", type: "text/csv; charset=utf-8")
        }
        routes.page("/activities/{ref}/follow-ups/files/{name}", needs: .publisher) { request, context, _ in
            let name = try context.parameters.require("name")
            let batch = try await FollowUpBatch.prepare(store: store, ref: context.parameters.require("ref"))
            guard let followUp = batch.followUps.first(where: { $0.fileName == name }) else { throw Refusal.notFound() }
            let type = name.hasSuffix(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"
            return Self.download(followUp.bytes, name: name, type: type)
        }
        routes.change("/activities/{ref}/follow-ups/sent", needs: .publisher) { request, context, change in
            let (form, store, _) = change.parts
            let ref = try context.parameters.require("ref")
            let activity = try await found { try await store.activity(ref: ref) }
            let batch = try await FollowUpBatch.prepare(store: store, ref: ref)
            let chosen = batch.followUps.filter { form.all("person").contains($0.recipient.ref) }
            guard !chosen.isEmpty else {
                return try await page(
                    context, form: form,
                    errors: [FieldError(field: "person", message: "Tick each person whose follow-up was sent")])
            }
            let told = chosen.map { "\($0.recipient.ref) (\(FollowUpStatus.channel($0.format)))" }
            if let asked = ConfirmPage.unlessConfirmed(
                form, context: context, caption: activity.title,
                heading: chosen.count == 1
                    ? "Mark \(chosen[0].recipient.ref)’s follow-up as sent?"
                    : "Mark \(chosen.count) follow-ups as sent?",
                consequences: [
                    "Marked sent today: \(told.joined(separator: ", ")).",
                    "Only mark a follow-up sent once it has gone: each person is then no longer owed one until an"
                        + " answer to their themes changes.",
                ], action: Paths.activity(ref) + "/follow-ups/sent", button: "Mark as sent",
                back: Paths.activity(ref) + "/follow-ups")
            {
                return asked
            }
            let before = try await LoopEffect.state(store: store, ref: ref)
            try await store.recordWaivers(ref: ref, batch.waivers)
            let marked = try await batch.markSent(in: store, refs: chosen.map(\.recipient.ref))
            return try await Pages.redirect(
                Paths.activity(ref) + "/follow-ups",
                saying: "\(counted(marked, "follow-up")) marked sent. "
                    + LoopEffect.sentence(store: store, ref: ref, before: before), store: store, context: context)
        }
    }

    private func page(_ context: StaffContext, form: FormData?, errors: [FieldError]) async throws -> Response {
        let ref = try context.parameters.require("ref")
        let activity = try await found { try await store.activity(ref: ref) }
        var page = FollowUpPage(
            frame: Frame("Follow-ups: \(activity.title)", context: context, section: "activities"),
            activity: activity, errors: errors)
        do {
            await page.fill(
                try FollowUpBatch.prepare(store: store, ref: ref), given: try store.givenFollowUps(ref: ref), form: form
            )
            page.fillDeliveries(
                try await store.deliveries(ref: ref), running: jobs.isRunning(ref), stopped: jobs.stopReason(ref),
                canSend: try await store.notifySecret(.apiKey) != nil)
        } catch let error as any UserFacingError {
            page.problem = Self.fix(error, activity: activity)
        }
        return Pages.render("follow-ups", page, status: errors.isEmpty ? .ok : .badRequest)
    }

    /// Why follow-ups cannot be written yet, and where in the app to fix it.
    static func fix(_ error: any UserFacingError, activity: Activity) -> FollowUpPage.Problem {
        let path = Paths.activity(activity.ref)
        switch error {
        case PublishError.noPublicContact:
            return .init(
                text: "Follow-ups need a public contact: who people can ask about the activity.",
                link: path + "/edit#public-contact", action: "Add the activity’s public contact")
        case PublishError.noThemes:
            return .init(
                text: "Follow-ups tell people what happened to their views, so the activity needs themes first.",
                link: path + "/themes", action: "Add a theme")
        case PublishError.noPostalAddress:
            return .init(
                text: "Some follow-ups go by post, so letters need the team’s postal address to reply to.",
                link: "/users#settings", action: "Set the team’s postal address")
        case let error as TranslationError:
            // Nobody's follow-up is written until everyone's language is ready: no one hears later.
            return .init(
                text: PublishingRoutes.sentence(error) + " Nobody’s follow-up is written until then, so no one hears"
                    + " back later than anyone else.",
                link: path + "/translations", action: "Go to the translations")
        default:
            let (text, link) = WebRemedy.message(error)
            return .init(text: text + ".", link: link?.path ?? path, action: link?.text ?? "Back to the activity")
        }
    }

    /// A file to save, never shown in the browser's own page.
    static func download(_ bytes: Data, name: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"",
                .contentSecurityPolicy: PublishingRoutes.previewPolicy,
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

struct FollowUpPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var rows: [Row] = []
    var hasRows = false
    var given: [String] = []
    var hasGiven = false
    var problem: Problem?
    var personError: String?
    /// Follow-ups sent through GOV.UK Notify: each person's latest, and the line that sums them up.
    var deliveries: [Delivery] = []
    var hasDeliveries = false
    var tally: String?
    var sending: String?
    var canSend = false

    struct Delivery: Sendable {
        var ref: String
        var channel: String
        var status: String
        var problem: String?
        var fix: String?
    }
    var hasErrors: Bool
    var errors: [FieldError]

    /// Why nothing can be written yet, and the link that fixes it.
    struct Problem: Sendable {
        var text: String
        var link: String
        var action: String
    }

    struct Row: Sendable {
        var id: String
        var ref: String
        var name: String
        var status: String
        var file: String?
        var link: String?
        var fix: String?
        var canMark: Bool
        var checked: Bool
    }

    init(frame: Frame, activity: Activity, errors: [FieldError]) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        personError = errors.first { $0.field == "person" }?.message
        hasErrors = !errors.isEmpty
        self.errors = errors
    }

    /// Each person's latest delivery, newest first, with the words for its status.
    mutating func fillDeliveries(_ records: [DeliveryRecord], running: Bool, stopped: String?, canSend: Bool) {
        var seen = Set<String>()
        let latest = records.filter { seen.insert($0.ref).inserted }
        deliveries = latest.map { record in
            let failure = DeliveryTally.failure(record.channel, record.status)
            return Delivery(
                ref: record.ref, channel: record.channel.spoken.capitalisedFirst,
                status: failure?.capitalisedFirst ?? Self.words(record.status),
                problem: record.problem,
                fix: failure == nil ? nil : "/participants?change=\(record.ref)#change-ref")
        }
        hasDeliveries = !deliveries.isEmpty
        let tally = DeliveryTally(latest.map { ($0.channel, $0.status) })
        self.tally = tally.isEmpty ? nil : tally.sentence.capitalisedFirst + "."
        let waiting = latest.filter { $0.status == .queued || $0.status == .sending }.count
        if waiting > 0 {
            sending =
                running
                ? "Sending now: \(counted(waiting, "follow-up")) still to go. Reload this page to see how far it has got."
                : "\(counted(waiting, "follow-up")) waiting to be sent."
        }
        if let stopped { sending = "Sending stopped: \(stopped)." }
        self.canSend = canSend
    }

    static func words(_ status: MessageStatus) -> String {
        switch status {
        case .queued: "Waiting to be sent"
        case .sending: "Being sent"
        case .accepted: "Accepted by Notify"
        case .delivered: "Delivered"
        case .received: "Posted"
        case .cancelled: "Not sent: already followed up"
        default: status.rawValue.capitalisedFirst
        }
    }

    mutating func fill(_ batch: FollowUpBatch, given: [GivenFollowUp], form: FormData?) {
        let ticked = Set(form?.all("person") ?? [])
        let written = Dictionary(batch.followUps.map { ($0.recipient.ref, $0) }) { first, _ in first }
        rows = batch.recipients.enumerated().map { index, recipient in
            let followUp = written[recipient.ref]
            let status: FollowUpStatus =
                followUp.map { .owed($0.format) }
                ?? recipient.failedChannel.map { .deliveryFailed($0) } ?? .unreachable(prefers: recipient.prefers)
            return Row(
                id: index == 0 ? "person" : "person-\(index + 1)", ref: recipient.ref, name: recipient.name ?? "",
                status: status.sentence, file: followUp?.fileName,
                link: followUp.map { path + "/follow-ups/files/" + $0.fileName },
                fix: followUp == nil ? "/participants?change=\(recipient.ref)#change-ref" : nil,
                canMark: followUp != nil, checked: ticked.contains(recipient.ref))
        }
        hasRows = !rows.isEmpty
        let owed = Set(batch.recipients.map(\.ref))
        self.given = given.filter { !owed.contains($0.ref) }.map {
            "\($0.ref): " + FollowUpStatus.sentByHand(on: $0.sent, format: $0.format).sentence.lowercasedFirst
        }
        hasGiven = !self.given.isEmpty
    }
}
