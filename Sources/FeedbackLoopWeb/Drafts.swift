import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Nothing typed is lost: a form that arrives after its session expired is kept (in the record,
/// for 30 minutes, for that account only, passwords and secrets left out), and after signing in
/// again the person sees what they typed and sends it, or not.
enum Drafts {
    /// Fields never kept.
    static func isSecret(_ name: String) -> Bool {
        let name = name.lowercased()
        return name == "csrf" || name == "confirm"
            || ["password", "secret", "token", "api-key"].contains {
                name.contains($0)
            }
    }

    /// Keeps the form and sends its author to sign in, then to see it.
    static func keep(_ request: Request, context: StaffContext, userId: Int64, store: any RecordStore) async throws
        -> Response
    {
        try Access.sameOrigin(request)
        let path = request.uri.path
        // Users and settings are an admin's, and may hold secrets: they are not kept.
        if !path.hasPrefix("/users"), !path.hasPrefix("/settings"), path != "/sign-out" {
            let form = try await FormData.read(request, context: context)
            let fields = form.pairs.filter { !isSecret($0.0) }.map { [$0.0, $0.1] }
            if !fields.isEmpty { try await store.keepDraft(userId: userId, path: path, fields: fields) }
        }
        return Pages.redirect("/sign-in?expired=1&next=%2Fdrafts")
    }
}

/// The page that gives back what was typed, and sends it when the person says so.
struct DraftRoutes {
    let store: any RecordStore

    func add(to routes: Routes) {
        routes.page("/drafts") { _, context, account in
            guard let id = account.id, let draft = try await store.draft(userId: id) else {
                return Pages.render(
                    "message",
                    MessagePage(
                        frame: Frame("Nothing waiting to be sent", context: context),
                        heading: "Nothing waiting to be sent",
                        message: "There is nothing you typed waiting to be sent. Drafts are kept for 30 minutes."))
            }
            return Pages.render(
                "draft", DraftPage(frame: Frame("Send what you typed?", context: context), draft: draft))
        }
        routes.change("/drafts/send", needs: .viewer) { _, _, change in
            guard let id = change.account.id, let draft = try await store.draft(userId: id) else {
                throw Refusal.notFound("There is nothing you typed waiting to be sent.")
            }
            try await store.removeDraft(userId: id)
            // The browser sends the same form, with this session's token, to where it was going.
            return Response(status: .temporaryRedirect, headers: [.location: draft.path])
        }
        routes.change("/drafts/discard", needs: .viewer) { _, context, change in
            if let id = change.account.id { try await store.removeDraft(userId: id) }
            return try await Pages.redirect(
                "/", saying: "What you typed before you were signed out has been deleted.", store: store,
                context: context)
        }
    }
}

struct DraftPage: Sendable {
    var frame: Frame
    var path: String
    var rows: [Row]
    var hidden: [ConfirmPage.Hidden]

    struct Row: Sendable {
        var label: String
        var value: String
    }

    init(frame: Frame, draft: FormDraft) {
        self.frame = frame
        path = draft.path
        let pairs = draft.fields.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        rows = pairs.filter { !$0.1.isEmpty && $0.0 != "action" }.map {
            Row(label: $0.0.replacingOccurrences(of: "-", with: " ").capitalisedFirst, value: $0.1)
        }
        hidden = pairs.map { ConfirmPage.Hidden(name: $0.0, value: $0.1) }
    }
}
