import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Who may do what, checked at the door of every route.
enum Access {
    /// A page: the signed-in account, when it has at least `role`. Without a session the caller
    /// is sent to sign in (303); with too low a role, refused (403).
    static func page(_ request: Request, _ context: StaffContext, needs role: StaffRole = .viewer) throws
        -> StaffAccount
    {
        guard let account = context.account else { throw SignInRedirect(returnTo: request.uri.path) }
        guard account.role.allows(role) else { throw Refusal.role(role) }
        return account
    }

    /// A change: a session (401 without), a request from this site (403), the session's form
    /// token (403) and at least `role` (403). Returns the posted form and the store acting as the
    /// signed-in user, so history names them.
    static func change(
        _ request: Request, _ context: StaffContext, store: any RecordStore, needs role: StaffRole
    ) async throws -> (form: FormData, store: any RecordStore, account: StaffAccount) {
        guard let session = context.session else { throw Refusal.signInNeeded }
        try sameOrigin(request)
        let form = try await FormData.read(request, context: context)
        guard let token = form["csrf"], constantTimeEqual(token, session.csrfToken) else { throw Refusal.badToken }
        guard session.account.role.allows(role) else { throw Refusal.role(role) }
        return (form, store.acting(as: session.account.name), session.account)
    }

    /// An upload (a multipart form): a session, a request from this site and at least `role`, checked
    /// before the body is read. Its form token is one of its parts: check it with ``token(_:_:)``.
    static func upload(_ request: Request, _ context: StaffContext, needs role: StaffRole) throws -> StaffAccount {
        guard let session = context.session else { throw Refusal.signInNeeded }
        try sameOrigin(request)
        guard session.account.role.allows(role) else { throw Refusal.role(role) }
        return session.account
    }

    /// Refuses a form token that is not the session's.
    static func token(_ token: String?, _ context: StaffContext) throws {
        guard let session = context.session, let token, constantTimeEqual(token, session.csrfToken) else {
            throw Refusal.badToken
        }
    }

    /// Refuses a change that a page on another site sent: the Origin (or, failing that, the
    /// Referer) must name this host.
    static func sameOrigin(_ request: Request) throws {
        guard let host = request.head.authority else { throw Refusal.otherSite }
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, let components = URLComponents(string: source), let sourceHost = components.host else {
            throw Refusal.otherSite
        }
        let sourceAuthority = components.port.map { "\(sourceHost):\($0)" } ?? sourceHost
        guard sourceAuthority.lowercased() == host.lowercased() else { throw Refusal.otherSite }
    }

    /// Compares a posted token with the session's in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A page asked for without a session: the answer is the sign-in page, then back here.
struct SignInRedirect: Error {
    var returnTo: String
}

extension Access {
    /// A machine's request: its `Authorization: Bearer` token must equal the record's secret `secret`,
    /// compared in constant time. Refused with 401 without a token (or with none set), 403 when wrong.
    static func bearer(_ request: Request, secret: NotifySecretName, store: any RecordStore) async throws {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            let expected = try await store.notifySecret(secret)
        else {
            throw Refusal(status: .unauthorized, title: "A token is needed", message: "Send the bearer token.")
        }
        let given = Array(header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces).utf8)
        let wanted = Array(expected.utf8)
        // Every byte is compared whatever the others hold, so timing says nothing of the token.
        var difference = UInt8(given.count == wanted.count ? 0 : 1)
        for index in 0..<wanted.count { difference |= wanted[index] ^ (index < given.count ? given[index] : 0) }
        guard difference == 0 else {
            throw Refusal(status: .forbidden, title: "Wrong token", message: "The bearer token is not the one set.")
        }
    }
}
