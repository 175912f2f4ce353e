import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation
import Hummingbird

/// The public site of recorded updates, built from the record as `yswd site` builds it and shown
/// to staff as it will look: its index, each update's page, the feed and the open data. To put it
/// on the public web server, `yswd site --out DIR` writes the same files.
struct SiteRoutes {
    let store: EngagementStore

    func add(to router: Router<StaffContext>) {
        router.get("/site") { request, context in
            _ = try Access.page(request, context)
            return Pages.redirect("/site/index.html")
        }
        // Parameters in the same place share a name: the router requires it.
        router.get("/site/{part}") { request, context in
            _ = try Access.page(request, context)
            return try file(try context.parameters.require("part"))
        }
        router.get("/site/{part}/{file}") { request, context in
            _ = try Access.page(request, context)
            return try file("\(try context.parameters.require("part"))/\(try context.parameters.require("file"))")
        }
    }

    private func file(_ path: String) throws -> Response {
        let settings = try store.settings()
        let files = SiteBuilder(organisation: settings.organisation, baseURL: settings.publicURL)
            .build(try store.allUpdates())
        guard let data = files[path] else { throw Refusal.notFound() }
        let type =
            switch (path as NSString).pathExtension {
            case "html": "text/html; charset=utf-8"
            case "json": "application/json"
            case "csv": "text/csv; charset=utf-8"
            case "atom": "application/atom+xml"
            default: "text/plain; charset=utf-8"
            }
        return Response(
            status: .ok, headers: [.contentType: type, .contentSecurityPolicy: PublishingRoutes.previewPolicy],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
