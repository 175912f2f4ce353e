import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Reads the session cookie and, when it names a live session, puts the session on the context.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = StaffContext
    static let cookieName = "yswd_session"
    let store: any RecordStore

    func handle(_ request: Request, context: StaffContext, next: (Request, StaffContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let id = request.cookies[Self.cookieName]?.value, !id.isEmpty {
            let settings = try await store.settings()
            let found = try await store.lookUpSession(
                id: id, idle: TimeInterval(settings.sessionIdleMinutes * 60),
                absolute: TimeInterval(settings.sessionHours * 3600))
            context.session = found.session
            context.expiredUserId = found.expiredUserId
        }
        return try await next(request, context)
    }

    /// The cookie that holds a new session's id: `HttpOnly; SameSite=Lax`, and `Secure` behind TLS.
    static func cookie(_ id: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: id, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// A cookie that removes the session's.
    static func clearing(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
