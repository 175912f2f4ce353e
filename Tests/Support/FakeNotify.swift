import AsyncHTTPClient
import Foundation
import Hummingbird
import JWTKit
import Logging
import NIOCore
import NIOHTTP1

/// A GOV.UK Notify stand-in for the tests, in process, that follows Notify's documented API: it checks
/// each request's token as Notify does (its signature with the key's secret, `iss` the service id,
/// `iat` within 30 seconds), answers 201 with an id, 429 beyond a set rate, serves lookups by
/// reference and id and templates by id, and sends delivery receipts to a callback.
public final class FakeNotify: Sendable {
    public static let serviceId = "26785a09-ab16-4eb0-8407-a37497a57506"
    public static let secret = "3d844edf-8d35-48ac-975b-e847b4f122b0"
    /// A key as Notify shows one.
    public static let apiKey = "yswd_test-\(serviceId)-\(secret)"
    public static let emailTemplate = "11111111-1111-4111-8111-111111111111"
    public static let smsTemplate = "22222222-2222-4222-8222-222222222222"
    public static let letterTemplate = "33333333-3333-4333-8333-333333333333"

    public let state = State()
    public let port: Int
    private let task: Task<Void, any Error>

    /// One message Notify took.
    public struct Message: Sendable {
        public var id: String
        public var reference: String
        public var type: String
        public var to: String
        public var status: String
        public var personalisation: [String: String]
    }

    public actor State {
        public var messages: [Message] = []
        /// Requests before 429 (see ``setRate(_:)``); nil for no limit.
        public var perMinute: Int?
        var recent: [Date] = []
        /// Answers for the next sends, before any is taken (429, 500, …).
        public var failures: [Int] = []
        /// Recipients (address, number or first address line) Notify refuses with a 400.
        public var refused: Set<String> = []
        public var templates: [String: (type: String, subject: String?, body: String)] = [
            FakeNotify.emailTemplate: ("email", "((subject))", "((body))"),
            FakeNotify.smsTemplate: ("sms", nil, "((body))"),
            FakeNotify.letterTemplate: ("letter", "((subject))", "((body))\n\nReference: ((reference))"),
        ]
        /// Where Notify sends delivery receipts, with the token it was given; nil sends none.
        public var receipts: (url: String, token: String)?
        /// Recipients whose messages bounce (permanent-failure); the rest are delivered.
        public var bouncing: Set<String> = []
        public var requests = 0
        public var rateLimited = 0

        /// Notify's rate limit, as a count: after `perMinute` requests the rest are refused (429) until
        /// it is set again. Counted, not timed, so a slow machine cannot let a request through.
        public func setRate(_ perMinute: Int?) {
            self.perMinute = perMinute
            recent = []
        }
        public func fail(next statuses: [Int]) { failures += statuses }
        public func refuse(_ recipient: String) { refused.insert(recipient) }
        public func sendReceipts(to url: String, token: String, bouncing: Set<String> = []) {
            receipts = (url, token)
            self.bouncing = bouncing
        }
        /// The receipt a message gets: where to, and the status it reports.
        func receipt(for id: String) -> (url: String, token: String, status: String)? {
            guard let receipts, let message = messages.first(where: { $0.id == id }) else { return nil }
            return (receipts.url, receipts.token, bouncing.contains(message.to) ? "permanent-failure" : "delivered")
        }
        public func setTemplate(_ id: String, type: String, subject: String?, body: String) {
            templates[id] = (type, subject, body)
        }
        public func removeTemplate(_ id: String) { templates[id] = nil }
        public func setStatus(id: String, _ status: String) {
            if let index = messages.firstIndex(where: { $0.id == id }) { messages[index].status = status }
        }

        /// How many messages each recipient received.
        public func countsByRecipient() -> [String: Int] {
            messages.reduce(into: [:]) { $0[$1.to, default: 0] += 1 }
        }

        func take(_ data: Data, type: String) -> (Int, Data) {
            let (status, answer) = answer(data, type: type)
            return (status, FakeNotify.encode(answer))
        }

        func answer(_ data: Data, type: String) -> (Int, [String: Any]) {
            let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            requests += 1
            let now = Date()
            if let perMinute {
                if recent.count >= perMinute {
                    rateLimited += 1
                    return FakeNotify.error(
                        429, "RateLimitError",
                        "Exceeded rate limit for key type LIVE of \(perMinute) requests per 60 seconds")
                }
                recent.append(now)
            }
            if !failures.isEmpty {
                let status = failures.removeFirst()
                return status == 429
                    ? FakeNotify.error(
                        429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds")
                    : FakeNotify.error(status, "Exception", "Internal server error")
            }
            guard let template = body["template_id"] as? String, let found = templates[template], found.type == type
            else {
                return FakeNotify.error(400, "BadRequestError", "Template not found")
            }
            let fields = body["personalisation"] as? [String: String] ?? [:]
            let to: String
            switch type {
            case "email":
                guard let address = body["email_address"] as? String, address.contains("@") else {
                    return FakeNotify.error(400, "ValidationError", "email_address Not a valid email address")
                }
                to = address
            case "sms":
                guard let number = body["phone_number"] as? String, number.hasPrefix("+") else {
                    return FakeNotify.error(400, "ValidationError", "phone_number Not a valid phone number")
                }
                to = number
            default:
                guard let first = fields["address_line_1"], fields["address_line_3"] != nil else {
                    return FakeNotify.error(400, "ValidationError", "Address must be at least 3 lines")
                }
                to = first
            }
            if refused.contains(to) {
                return FakeNotify.error(400, "ValidationError", "Not a valid recipient: \(to)")
            }
            let id = UUID().uuidString.lowercased()
            messages.append(
                Message(
                    id: id, reference: body["reference"] as? String ?? "", type: type, to: to,
                    status: type == "letter" ? "accepted" : "created", personalisation: fields))
            return (
                201,
                [
                    "id": id, "reference": body["reference"] ?? NSNull(), "content": ["body": fields["body"] ?? ""],
                    "template": ["id": template, "version": 1, "uri": "/v2/template/\(template)"],
                ]
            )
        }

        func json(_ message: Message) -> [String: Any] {
            [
                "id": message.id, "reference": message.reference, "type": message.type, "status": message.status,
                "created_at": "2026-12-03T10:00:00.000000Z",
            ]
        }
        func find(reference: String) -> Data {
            FakeNotify.encode(["notifications": messages.filter { $0.reference == reference }.map(json), "links": [:]])
        }
        func find(id: String) -> Data? { messages.first { $0.id == id }.map { FakeNotify.encode(json($0)) } }
        func template(_ id: String) -> Data? {
            templates[id].map {
                FakeNotify.encode([
                    "id": id, "type": $0.type, "subject": $0.subject ?? NSNull(), "body": $0.body, "version": 1,
                ])
            }
        }
        public func message(id: String) -> Message? { messages.first { $0.id == id } }
    }

    static func encode(_ body: [String: Any]) -> Data { (try? JSONSerialization.data(withJSONObject: body)) ?? Data() }

    static func error(_ status: Int, _ type: String, _ message: String) -> (Int, [String: Any]) {
        (status, ["status_code": status, "errors": [["error": type, "message": message]]])
    }

    /// Starts the server on a free port of 127.0.0.1.
    public init() async throws {
        let state = self.state
        let keys = await JWTKeyCollection().add(hmac: HMACKey(from: Self.secret), digestAlgorithm: .sha256)
        let router = Router()
        router.middlewares.add(Authorisation(keys: keys))
        router.post("/v2/notifications/:id") { request, context -> Response in
            let type = context.parameters.get("id") ?? ""
            let data = try await request.body.collect(upTo: 1 << 20)
            let (status, answer) = await state.take(Data(buffer: data), type: type)
            // As Notify does, a receipt follows a moment later to the service's callback.
            if status == 201,
                let id = (try? JSONSerialization.jsonObject(with: answer) as? [String: Any])?["id"] as? String,
                let receipt = await state.receipt(for: id)
            {
                Task {
                    try? await Task.sleep(for: .milliseconds(300))
                    _ = try? await Self.postReceipt(
                        state: state, id: id, status: receipt.status, to: receipt.url, token: receipt.token)
                }
            }
            return Self.response(status, answer)
        }
        router.get("/v2/notifications") { request, _ -> Response in
            let reference = request.uri.queryParameters.get("reference") ?? ""
            return Self.response(200, await state.find(reference: reference))
        }
        router.get("/v2/notifications/:id") { _, context -> Response in
            guard let found = await state.find(id: context.parameters.get("id") ?? "") else {
                return Self.response(404, Self.error(404, "NoResultFound", "No result found").1)
            }
            return Self.response(200, found)
        }
        router.get("/v2/template/:id") { _, context -> Response in
            guard let found = await state.template(context.parameters.get("id") ?? "") else {
                return Self.response(404, Self.error(404, "NoResultFound", "No result found").1)
            }
            return Self.response(200, found)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: {
                var logger = Logger(label: "fake-notify"); logger.logLevel = .critical; return logger
            }())
        task = Task { try await app.runService() }
        var iterator = stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func stop() { task.cancel() }

    static func response(_ status: Int, _ body: [String: Any]) -> Response { response(status, encode(body)) }

    static func response(_ status: Int, _ data: Data) -> Response {
        Response(
            status: .init(code: status), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// Checks each request's token as Notify does.
    struct Authorisation<Context: RequestContext>: RouterMiddleware {
        let keys: JWTKeyCollection
        struct Claims: JWTPayload {
            var iss: IssuerClaim
            var iat: IssuedAtClaim
            func verify(using algorithm: some JWTAlgorithm) throws {}
        }

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
            async throws -> Response
        {
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
                return FakeNotify.response(
                    401, FakeNotify.error(401, "AuthError", "Unauthorized: authentication token must be provided").1)
            }
            let claims: Claims
            do {
                claims = try await keys.verify(String(header.dropFirst(7)), as: Claims.self)
            } catch {
                return FakeNotify.response(
                    403, FakeNotify.error(403, "AuthError", "Invalid token: signature, api token not found").1)
            }
            guard claims.iss.value == FakeNotify.serviceId else {
                return FakeNotify.response(
                    403, FakeNotify.error(403, "AuthError", "Invalid token: service not found").1)
            }
            guard abs(claims.iat.value.timeIntervalSinceNow) <= 30 else {
                return FakeNotify.response(
                    403,
                    FakeNotify.error(403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds")
                        .1)
            }
            return try await next(request, context)
        }
    }

    /// Sends Notify's delivery receipt for message `id` (its status now) to `url` with `token`.
    public func sendReceipt(id: String, status: String, to url: String, token: String) async throws -> Int {
        try await Self.postReceipt(state: state, id: id, status: status, to: url, token: token)
    }

    static func postReceipt(state: State, id: String, status: String, to url: String, token: String) async throws -> Int
    {
        await state.setStatus(id: id, status)
        guard let message = await state.message(id: id) else { return 0 }
        let body: [String: Any] = [
            "id": message.id, "reference": message.reference, "to": message.to, "status": status,
            "created_at": "2026-12-03T10:00:00.000000Z", "completed_at": "2026-12-03T10:00:05.000000Z",
            "sent_at": "2026-12-03T10:00:01.000000Z", "notification_type": message.type,
        ]
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return Int(response.status.code)
    }
}
