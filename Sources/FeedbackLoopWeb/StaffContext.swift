import FeedbackLoop
import FeedbackLoopStore
import Hummingbird

/// What one request carries between the middleware and the routes: who is signed in, if anyone.
public struct StaffContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in session, set by ``SessionMiddleware``.
    public var session: WebSession?
    /// The account whose session this request's cookie named, when that session has just expired.
    var expiredUserId: Int64?

    /// The address the connection came from (a proxy's, when there is one in front).
    var remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Uploads are streamed to disk by the import route; other bodies are small forms.
    public var maxUploadSize: Int { WebLimits.formBytes }

    /// The signed-in account; a route that needs one is behind ``RequestGuard``.
    var account: StaffAccount? { session?.account }
}

/// Sizes the web app refuses to go past.
enum WebLimits {
    /// A form's body.
    static let formBytes = 1 << 20
    /// An uploaded CSV file.
    static let uploadBytes = 50 << 20
}
