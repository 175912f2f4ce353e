import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// Personal follow-ups: who is owed one, each letter or email to download, the mailing list, and
/// marking them sent. They hold contact details, so publishers and admins only.
struct FollowUpRoutes {
    let store: EngagementStore

    func add(to router: Router<StaffContext>) {
        router.get("/activities/{ref}/follow-ups") { request, context in
            _ = try Access.page(request, context, needs: .publisher)
            let ref = try context.parameters.require("ref")
            let activity = try found { try store.activity(ref: ref) }
            var page = FollowUpPage(
                frame: Frame("Follow-ups: \(activity.title)", context: context, section: "activities"),
                activity: activity)
            do {
                page.fill(try FollowUpBatch.prepare(store: store, ref: ref))
            } catch let error as any UserFacingError {
                page.problem = error.description.capitalisedFirst + "."
            }
            return Pages.render("follow-ups", page)
        }
        router.get("/activities/{ref}/follow-ups/mailing.csv") { request, context in
            _ = try Access.page(request, context, needs: .publisher)
            let batch = try FollowUpBatch.prepare(store: store, ref: context.parameters.require("ref"))
            return Self.download(Data(batch.mailingList.utf8), name: "mailing.csv", type: "text/csv; charset=utf-8")
        }
        router.get("/activities/{ref}/follow-ups/files/{name}") { request, context in
            _ = try Access.page(request, context, needs: .publisher)
            let name = try context.parameters.require("name")
            let batch = try FollowUpBatch.prepare(store: store, ref: context.parameters.require("ref"))
            guard let followUp = batch.followUps.first(where: { $0.fileName == name }) else { throw Refusal.notFound() }
            let type = name.hasSuffix(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"
            return Self.download(followUp.bytes, name: name, type: type)
        }
        router.post("/activities/{ref}/follow-ups/sent") { request, context in
            let (_, store, _) = try await Access.change(request, context, store: store, needs: .publisher)
            let ref = try context.parameters.require("ref")
            _ = try found { try store.activity(ref: ref) }
            let batch = try FollowUpBatch.prepare(store: store, ref: ref)
            try store.recordWaivers(ref: ref, batch.waivers)
            _ = try batch.markSent(in: store)
            return Pages.redirect(Paths.activity(ref))
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
    var rows: [Row]
    var hasRows = false
    var unreachable: [String] = []
    var hasUnreachable = false
    var problem: String?

    struct Row: Sendable {
        var ref: String
        var name: String
        var format: String
        var file: String
        var link: String
    }

    init(frame: Frame, activity: Activity) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        rows = []
    }

    mutating func fill(_ batch: FollowUpBatch) {
        rows = batch.followUps.map {
            Row(
                ref: $0.recipient.ref, name: $0.recipient.name ?? "", format: $0.format.rawValue.readable,
                file: $0.fileName, link: path + "/follow-ups/files/" + $0.fileName)
        }
        hasRows = !rows.isEmpty
        unreachable = batch.unreachable.map {
            "\($0.ref) prefers \($0.prefers?.rawValue ?? "no format") but has no contact details for it"
        }
        hasUnreachable = !unreachable.isEmpty
    }
}
