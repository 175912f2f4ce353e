import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// The staff web app: one shared record for the whole team, in a browser. It calls the same store,
/// import and publish code the command line does and holds no rule of its own.
public struct WebServer: Sendable {
    public var store: any RecordStore
    public var host: String
    public var port: Int
    /// Mark the session cookie `Secure`, for a server behind a TLS proxy.
    public var secureCookies: Bool
    /// Take the client's address from the last entry of `X-Forwarded-For`, for a server that only a
    /// proxy in front reaches (sign-in limits count by client address).
    public var trustProxy: Bool
    /// The most connections served at once.
    public var maxConnections: Int
    /// Where GOV.UK Notify sends delivery receipts (the notify-callback-path setting).
    public var notifyCallbackPath: String

    public init(
        store: any RecordStore, host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
        trustProxy: Bool = false, maxConnections: Int = 1000,
        notifyCallbackPath: String = TeamSettings().notifyCallbackPath
    ) {
        self.notifyCallbackPath = notifyCallbackPath
        jobs = NotifyJobs(store: store)
        self.maxConnections = maxConnections
        self.store = store
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
    }

    /// Every route's door, filled as ``router()`` adds them.
    let rules = AccessRules()
    /// The follow-ups being sent through Notify from this server.
    let jobs: NotifyJobs

    /// Every route, behind the middleware every request passes, each added with its door.
    public func router() -> Router<StaffContext> {
        let router = Router(context: StaffContext.self)
        router.add(middleware: HeadAsGet())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SessionMiddleware(store: store))
        router.add(middleware: PageErrors())
        let routes = Routes(router: router, store: store, rules: rules)
        routes.open(.get, "/assets/yswd.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: WebStyles.css)))
        }
        SignInRoutes(store: store, secureCookies: secureCookies, trustProxy: trustProxy).add(to: routes)
        DashboardRoutes(store: store, loops: LoopCache(store: store)).add(to: routes)
        ActivityRoutes(store: store).add(to: routes)
        RecordingRoutes(store: store).add(to: routes)
        AnswerRoutes(store: store).add(to: routes)
        ContributionRoutes(store: store).add(to: routes)
        ThemingRoutes(store: store).add(to: routes)
        ImportRoutes(store: store).add(to: routes)
        PublishingRoutes(store: store).add(to: routes)
        FollowUpRoutes(store: store, jobs: jobs).add(to: routes)
        TranslationRoutes(store: store).add(to: routes)
        NotifyRoutes(store: store, jobs: jobs, callbackPath: notifyCallbackPath).add(to: routes)
        UserRoutes(store: store).add(to: routes)
        ParticipantRoutes(store: store).add(to: routes)
        OrganisationRoutes(store: store).add(to: routes)
        SiteRoutes(store: store).add(to: routes)
        HistoryRoutes(store: store).add(to: routes)
        DraftRoutes(store: store).add(to: routes)
        return router
    }

    /// Earlier versions kept uploads in `yswd-uploads-PID` folders in the temporary folder; none is
    /// used now.
    static func removeLegacyUploadFolders(in folder: URL = FileManager.default.temporaryDirectory) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("yswd-uploads-") {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }

    /// How long a connection may send nothing the server can use before it is closed: no complete
    /// header (however slowly its bytes arrive), no part of a body, or nothing at all between requests.
    public static let idleTimeout: TimeAmount = .seconds(15)

    /// The application, ready to run (or to test). Slow or idle clients are closed after
    /// ``idleTimeout`` and at most ``maxConnections`` connections are served at once (Hummingbird's
    /// own handlers); the rest wait in the queue of ``backlog``.
    public func application(logger: Logger = Logger(label: "yswd")) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: Self.idleTimeout)),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "yswd", backlog: Self.backlog,
                availableConnectionsDelegate: MaximumAvailableConnections(maxConnections)),
            logger: logger)
    }

    /// Connections waiting to be accepted while ``maxConnections`` are open.
    static let backlog = 1024

    /// Serves until the process is stopped. First it sweeps what may hold private details and has
    /// outlived its use: uploads and drafts past their time, and the upload folders earlier
    /// versions left in the system's temporary folder.
    public func run() async throws {
        try await store.sweepPrivateLeftovers()
        Self.removeLegacyUploadFolders()
        await jobs.resume()
        var logger = Logger(label: "yswd")
        logger.logLevel = .notice
        Self.allowEnoughFiles()
        let application = application(logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            group.addTask { await Self.returnFreedMemory() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Raises the limit on open files to what the system allows (up to 65,536), so the connections
    /// ``maxConnections`` admits, and those waiting, can all be accepted and then closed in time.
    static func allowEnoughFiles() {
        #if canImport(Glibc)
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
            let wanted = min(limit.rlim_max, 65_536)
            guard limit.rlim_cur < wanted else { return }
            limit.rlim_cur = wanted
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        #endif
    }

    /// Every 10 seconds, hands the memory that closed connections freed back to the system (glibc
    /// keeps it otherwise), so a burst of clients does not leave the server's size raised for good.
    static func returnFreedMemory() async {
        #if canImport(Glibc)
            // glibc's malloc_trim, found at run time: its header is not part of Swift's Glibc module.
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            let trim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(10))
                _ = trim(0)
            }
        #endif
    }
}
