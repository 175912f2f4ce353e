import HTTPTypes
import Hummingbird

/// Security headers on every response: a strict Content-Security-Policy (no script at all, no
/// framing, nothing from elsewhere), no MIME sniffing, and no referrer sent to other sites
/// (`same-origin`: with `no-referrer` a browser sends `Origin: null` even on its own forms, which
/// the same-origin check must refuse). A preview of a published update sets its own policy, which
/// allows the update's inline style and still no script.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = StaffContext

    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    // Names HTTPTypes does not define; each is a valid token, so none is ever nil.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")
    static let frameOptions = HTTPField.Name("X-Frame-Options")
    /// Set by a TLS proxy in front (the README's nginx set-up), so links name https.
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // An error no page showed (one from before the session was read): its own response,
            // with the headers too.
            response = try error.response(from: request, context: context)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.policy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        if let name = Self.referrerPolicy { response.headers[name] = "same-origin" }
        if let name = Self.frameOptions { response.headers[name] = "DENY" }
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        return response
    }
}

/// `HEAD` is answered as `GET` is, without the body (RFC 9110): every `GET` route is also a `HEAD`
/// route (``Routes``), and this leaves out what it would send.
struct HeadAsGet<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        if request.method == .head { response.body = ResponseBody() }
        return response
    }
}
