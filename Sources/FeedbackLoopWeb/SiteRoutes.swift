import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// The public site of recorded updates, built from the record as `yswd site` builds it and shown
/// to staff as it will look: its index, each update's page, the feed and the open data; and built
/// (publishers) into the folder the `site-folder` setting names, as `yswd site --out DIR` writes it.
struct SiteRoutes {
    let store: any RecordStore

    func add(to routes: Routes) {
        routes.page("/site") { request, context, _ in
            return Pages.redirect("/site/index.html")
        }
        routes.change("/site/build", needs: .publisher) { request, context, change in
            let (_, store, _) = change.parts
            let settings = try await store.settings()
            guard let folder = settings.siteFolder else {
                throw Refusal(
                    status: .badRequest, title: "There is no folder for the site",
                    message: "An admin sets the folder on the server the public site is written to: the setting "
                        + "site-folder on the Users and settings page. Nothing was written.")
            }
            let files = try await build()
            let root = URL(fileURLWithPath: folder)
            do {
                for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                    let file = root.appending(path: path)
                    try FileManager.default.createDirectory(
                        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: file, options: .atomic)
                }
            } catch {
                throw Refusal(
                    status: .internalServerError, title: "The site could not be written",
                    message: "\(folder) could not be written to: check the server allows writing there.")
            }
            return Pages.render(
                "message",
                MessagePage(
                    frame: Frame("Site built", context: context), heading: "The site is built",
                    message:
                        "Wrote \(counted(files.count, "file")) to \(folder): the index, each recorded update, the feed and the open data."
                ))
        }
        // Parameters in the same place share a name: the router requires it.
        routes.page("/site/{part}") { request, context, _ in
            return try await file(try context.parameters.require("part"))
        }
        routes.page("/site/{part}/{file}") { request, context, _ in
            return try await file("\(try context.parameters.require("part"))/\(try context.parameters.require("file"))")
        }
    }

    private func build() async throws -> [String: Data] {
        let settings = try await store.settings()
        let updates = try await store.allUpdates()
        var site = SiteBuilder(organisation: settings.organisation, baseURL: settings.publicURL)
        site.followUps = try await FollowUpFigures.all(in: store)
        // Rendering every update holds a thread for long: NIO's thread pool, not Swift's few.
        return try await Blocking.run { [site] in site.build(updates) }
    }

    private func file(_ path: String) async throws -> Response {
        guard let data = try await build()[path] else { throw Refusal.notFound() }
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
