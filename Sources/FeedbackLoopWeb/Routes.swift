import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird
import Synchronization

/// How a route is reached: the check that runs before its handler. Routes are added only through
/// ``Routes``, which runs the check for the route's door, so a handler cannot forget it.
enum Door: Sendable, Equatable {
    /// A page for signed-in staff with at least this role: without a session, sign in first (303).
    case page(StaffRole)
    /// A change by signed-in staff with at least this role: a session (401), a request from this site,
    /// the session's form token and the role (403 each).
    case change(StaffRole)
    /// A multipart upload: as a change, with the form token read from its own part by ``Upload``.
    case upload(StaffRole)
    /// Open to anyone: signing in, setting a password from a link, the stylesheet.
    case open
    /// A machine's request carrying a bearer token, checked in constant time against a secret of the
    /// record: GOV.UK Notify's delivery receipts (401 without it, 403 when wrong).
    case machine(NotifySecretName)
}

/// What a change's handler is given once its door has let it through.
struct Change: Sendable {
    var form: FormData
    /// The store acting as the signed-in user, so history names them.
    var store: any RecordStore
    var account: StaffAccount

    var parts: (form: FormData, store: any RecordStore, account: StaffAccount) { (form, store, account) }
}

/// Every route's door, as the routes were added: what the access tests read.
final class AccessRules: Sendable {
    private let doors = Mutex<[String: Door]>([:])

    func record(_ method: HTTPRequest.Method, _ path: String, _ door: Door) {
        doors.withLock { $0["\(method.rawValue) \(path)"] = door }
    }

    /// The door of a route, as "METHOD /path/{parameter}".
    func door(_ route: String) -> Door? { doors.withLock { $0[route] } }

    var all: [String: Door] { doors.withLock { $0 } }
}

/// The router, through which every route is added with its door.
struct Routes {
    let router: Router<StaffContext>
    let store: any RecordStore
    let rules: AccessRules

    /// A page for staff with at least `role`.
    func page(
        _ path: RouterPath, needs role: StaffRole = .viewer,
        _ handler: @escaping @Sendable (Request, StaffContext, StaffAccount) async throws -> Response
    ) {
        rules.record(.get, path.description, .page(role))
        for method in [HTTPRequest.Method.get, .head] {
            router.on(path, method: method) { request, context in
                let account = try Access.page(request, context, needs: role)
                return try await handler(request, context, account)
            }
        }
    }

    /// A change by staff with at least `role`.
    func change(
        _ path: RouterPath, needs role: StaffRole,
        _ handler: @escaping @Sendable (Request, StaffContext, Change) async throws -> Response
    ) {
        rules.record(.post, path.description, .change(role))
        let store = store
        router.post(path) { request, context in
            if context.session == nil, let userId = context.expiredUserId {
                return try await Drafts.keep(request, context: context, userId: userId, store: store)
            }
            let (form, acting, account) = try await Access.change(request, context, store: store, needs: role)
            return try await handler(request, context, Change(form: form, store: acting, account: account))
        }
    }

    /// A multipart upload by staff with at least `role`; its handler reads the body with ``Upload``,
    /// which checks the form token.
    func upload(
        _ path: RouterPath, needs role: StaffRole,
        _ handler: @escaping @Sendable (Request, StaffContext, StaffAccount) async throws -> Response
    ) {
        rules.record(.post, path.description, .upload(role))
        router.post(path) { request, context in
            let account = try Access.upload(request, context, needs: role)
            return try await handler(request, context, account)
        }
    }

    /// A route for a machine that proves itself with a bearer token: the record's secret `secret`.
    func machine(
        _ path: RouterPath, token secret: NotifySecretName,
        _ handler: @escaping @Sendable (Request, StaffContext) async throws -> Response
    ) {
        rules.record(.post, path.description, .machine(secret))
        let store = store
        router.post(path) { request, context in
            try await Access.bearer(request, secret: secret, store: store)
            return try await handler(request, context)
        }
    }

    /// A route open to anyone.
    func open(
        _ method: HTTPRequest.Method, _ path: RouterPath,
        _ handler: @escaping @Sendable (Request, StaffContext) async throws -> Response
    ) {
        rules.record(method, path.description, .open)
        // HEAD answers as GET does (``HeadAsGet`` leaves out the body).
        for method in method == .get ? [method, .head] : [method] {
            router.on(path, method: method) { request, context in try await handler(request, context) }
        }
    }
}
