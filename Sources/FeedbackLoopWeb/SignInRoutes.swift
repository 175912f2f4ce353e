import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import NIOPosix

/// Signing in and out, and setting a password from a one-time link.
struct SignInRoutes {
    let store: any RecordStore
    let secureCookies: Bool
    /// Whether a proxy in front sets `X-Forwarded-For` (``WebServer/trustProxy``).
    let trustProxy: Bool
    /// bcrypt's cost: 2^12 rounds, about a quarter of a second per hash.
    static let cost: UInt8 = 12
    /// Compared against when no account matches, so a wrong email takes as long as a wrong password.
    static let stand = Bcrypt.hash("a password nobody has, for timing", cost: cost)

    func add(to routes: Routes) {
        routes.open(.get, "/sign-in") { request, context in
            let query = request.uri.queryParameters
            let token = Self.newToken()
            var page = SignInPage(
                frame: Frame("Sign in", context: context), next: Self.safeNext(query["next"].map(String.init) ?? "/"),
                token: token)
            if query["passwordSet"] != nil { page.notice = "Your password is set. Sign in with it." }
            if query["signedOut"] != nil { page.notice = "You have signed out." }
            if query["expired"] != nil {
                page.notice =
                    "You were signed out after a time without use, so what you sent has not been saved yet."
                    + " Sign in again to see it and send it."
            }
            var response = Pages.render("sign-in", page)
            response.setCookie(Self.tokenCookie(token, secure: secureCookies))
            return response
        }
        routes.open(.post, "/sign-in") { request, context in try await signIn(request, context) }
        routes.change("/sign-out", needs: .viewer) { request, context, _ in
            if let session = context.session { try await store.endSession(id: session.id) }
            var response = Pages.redirect("/sign-in?signedOut=1")
            response.setCookie(SessionMiddleware.clearing(secure: secureCookies))
            return response
        }
        routes.open(.get, "/set-password/{token}") { _, context in
            let token = try context.parameters.require("token")
            let account = try await linked(token)
            return Pages.render(
                "set-password",
                SetPasswordPage(frame: Frame("Set your password", context: context), email: account.email, token: token)
            )
        }
        routes.open(.post, "/set-password/{token}") { request, context in
            try Access.sameOrigin(request)
            let token = try context.parameters.require("token")
            let account = try await linked(token)
            let form = try await FormData.read(request, context: context)
            let password = form.typed("password")
            var problem: String?
            do throws(RecordError) {
                try PasswordRules.check(password)
                if password != form.typed("confirm") { problem = "The two passwords are not the same; type it again" }
            } catch {
                problem = error.message { _ in "Password" }.capitalisedFirst
            }
            if let problem {
                var page = SetPasswordPage(
                    frame: Frame("Set your password", context: context), email: account.email, token: token)
                page.errors = [FieldError(field: "password", message: problem)]
                page.hasErrors = true
                return Pages.render("set-password", page, status: .badRequest)
            }
            let hash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: Self.cost) }
            _ = try await store.acting(as: account.name).setPassword(token: token, hash: hash)
            return Pages.redirect("/sign-in?passwordSet=1")
        }
    }

    private func linked(_ token: String) async throws -> StaffAccount {
        do { return try await store.passwordLink(token: token) } catch let error as StoreError {
            throw Refusal(
                status: .notFound, title: "This link does not work", message: WebRemedy.message(error).text)
        }
    }

    private func signIn(_ request: Request, _ context: StaffContext) async throws -> Response {
        try Access.sameOrigin(request)
        let form = try await FormData.read(request, context: context)
        // The sign-in form's token matches the one its page set in a cookie: a page elsewhere cannot
        // sign someone in to an account of its choosing.
        guard let token = request.cookies[Self.tokenCookieName]?.value, let posted = form["csrf"],
            Access.constantTimeEqual(posted, token)
        else { throw Refusal.badToken }
        let email = form.typed("email").trimmingCharacters(in: .whitespaces)
        let password = form.typed("password")
        let next = Self.safeNext(form.typed("next"))
        var page = SignInPage(frame: Frame("Sign in", context: context), next: next, token: token)
        page.email = email
        let address = clientAddress(request, context)
        let candidate = try await store.signInCandidate(email: email, address: address)
        // A locked account, a paused address, a wrong password and an unknown email get the same
        // answer after the same work: a password is always checked, and every failure recorded.
        let addressPaused = try await store.addressPaused(address)
        let paused = candidate?.lockedUntil != nil || addressPaused
        let hash = candidate?.passwordHash ?? Self.stand
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard !paused, let candidate, let id = candidate.account.id, candidate.passwordHash != nil,
            !candidate.account.isDisabled, matches
        else {
            try await store.recordSignIn(userId: candidate?.account.id, address: address, succeeded: false)
            page.fail(Self.refused)
            return Pages.render("sign-in", page, status: .unauthorized)
        }
        try await store.recordSignIn(userId: id, address: address, succeeded: true)
        if let old = request.cookies[SessionMiddleware.cookieName]?.value { try await store.endSession(id: old) }
        let session = try await store.startSession(userId: id)
        let locks = try await store.locksSincePreviousSignIn(userId: id)
        if !locks.isEmpty { try await store.setNotice(session: session.id, Self.lockNotice(locks)) }
        var response = Pages.redirect(next)
        response.setCookie(SessionMiddleware.cookie(session.id, secure: secureCookies))
        return response
    }

    /// The one answer to a sign-in that does not succeed, whatever the reason.
    static let refused =
        "Enter a correct email address and password. After \(StorePolicy.failuresBeforeLock) failed tries,"
        + " wait \(Int(StorePolicy.lockWindow / 60)) minutes before you try again."

    /// What the owner of an account is told when they next sign in after it was locked.
    static func lockNotice(_ locks: [AccountLockRecord]) -> String {
        let each = locks.map { lock in
            "on \(Self.day(lock.lockedAt)) from \(Self.time(lock.lockedAt)) to \(Self.time(lock.lockedUntil))"
                + (lock.address.map { $0.isEmpty ? "" : " (failed tries from \(Self.shown($0)))" } ?? "")
        }
        let times = locks.count == 1 ? "once" : "\(locks.count) times"
        return "Since you last signed in, your account was locked \(times) after failed sign-ins: "
            + each.joined(separator: "; ") + ". If that was not you, tell an admin."
    }

    /// The address the request came from: the last one a trusted proxy added to
    /// `X-Forwarded-For`, or the connection's.
    func clientAddress(_ request: Request, _ context: StaffContext) -> String {
        if trustProxy, let name = Self.forwardedFor, let forwarded = request.headers[name],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return context.remoteAddress ?? ""
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")

    /// "3 December 2026" from a stored time.
    static func day(_ stored: String) -> String {
        (try? CalendarDate.parse(String(stored.prefix(10)), field: "date"))?.spoken ?? String(stored.prefix(10))
    }

    /// An address as it may be shown: letters, digits, `.`, `:` only.
    static func shown(_ address: String) -> String {
        String(address.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == ":") })
    }

    static let tokenCookieName = "yswd_sign_in"

    /// A random token, in hex.
    static func newToken() -> String {
        (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// The sign-in form's token, for its own page only.
    static func tokenCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: tokenCookieName, value: token, path: "/sign-in", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Only a path on this site: never an address elsewhere (`//evil.example`).
    static func safeNext(_ next: String) -> String {
        // No control character either: `/\t/evil.example` is read by browsers as `//evil.example`.
        let plain = !next.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\\" }
        return next.hasPrefix("/") && !next.hasPrefix("//") && plain ? next : "/"
    }

    /// "14:05 UTC" from a stored time.
    static func time(_ stored: String) -> String {
        String(stored.dropFirst(11).prefix(5)) + " UTC"
    }
}

struct SignInPage: Sendable {
    var frame: Frame
    var next: String
    /// The form's token, also in the page's cookie.
    var token: String
    var email = ""
    var hasErrors = false
    var errors: [FieldError] = []
    var notice: String?

    mutating func fail(_ message: String) {
        hasErrors = true
        errors = [FieldError(field: "email", message: message)]
    }
}

struct SetPasswordPage: Sendable {
    var frame: Frame
    var email: String
    var token: String
    var hasErrors = false
    var errors: [FieldError] = []
}

extension String {
    /// The text with its first letter capitalised, for a message that starts a sentence.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// With its first letter in lower case, to follow other words.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
