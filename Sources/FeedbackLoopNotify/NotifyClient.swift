import AsyncHTTPClient
import FeedbackLoop
import Foundation
import JWTKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// GOV.UK Notify's REST API (v2): send one message, look messages up, fetch a template. Each request
/// carries a fresh HS256 token (`iss` the service id, `iat` now), as Notify refuses tokens more than
/// 30 seconds off. Every answer is read into a ``NotifyClient/Outcome`` or a ``NotifyError`` in words.
public struct NotifyClient: Sendable {
    /// Notify's public API.
    public static let publicAPI = "https://api.notifications.service.gov.uk"

    public let baseURL: String
    /// The key as it may be shown (its last four characters).
    public var keyShown: String { key.masked }
    let key: NotifyKey
    let http: HTTPClient
    let signer: JWTKeyCollection
    let now: @Sendable () -> Date
    /// How long one request may take before its outcome is uncertain.
    let timeout: TimeAmount

    public init(
        key: NotifyKey, baseURL: String = NotifyClient.publicAPI, http: HTTPClient = .shared,
        timeout: TimeAmount = .seconds(30), now: @escaping @Sendable () -> Date = Date.init
    ) async throws(NotifyError) {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host() != nil
        else { throw .badBaseURL(baseURL) }
        self.baseURL = base
        self.key = key
        self.http = http
        self.timeout = timeout
        self.now = now
        signer = await JWTKeyCollection().add(hmac: HMACKey(from: key.secret), digestAlgorithm: .sha256)
    }

    /// The claims Notify reads: its service id as issuer, and the time the token was made.
    struct Claims: JWTPayload {
        var iss: IssuerClaim
        var iat: IssuedAtClaim
        func verify(using algorithm: some JWTAlgorithm) throws {}
    }

    /// A fresh token: `iat` in whole seconds.
    func token() async throws -> String {
        let seconds = now().timeIntervalSince1970.rounded(.down)
        return try await signer.sign(
            Claims(
                iss: IssuerClaim(value: key.serviceId), iat: IssuedAtClaim(value: Date(timeIntervalSince1970: seconds)))
        )
    }

    /// An answer from Notify: its status and its JSON body.
    struct Answer {
        var status: Int
        var body: Data
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }

        /// The first error's type and message (`{"errors": [{"error": …, "message": …}]}`).
        var error: (type: String, message: String) {
            let first = (json?["errors"] as? [[String: Any]])?.first
            return (first?["error"] as? String ?? "", first?["message"] as? String ?? "no message")
        }
    }

    /// One request. Throws `.unreachable` when no answer came.
    func request(_ method: HTTPMethod, _ path: String, body: [String: Any]? = nil) async throws(NotifyError) -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        do {
            request.headers.add(name: "Authorization", value: "Bearer " + (try await token()))
        } catch {
            throw .unexpected(status: 0, message: "the token could not be signed")
        }
        request.headers.add(name: "User-Agent", value: "yswd")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
                throw .unexpected(status: 0, message: "the request could not be written")
            }
            request.body = .bytes(ByteBuffer(data: data))
        }
        do {
            let response = try await http.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: 4 << 20)
            return Answer(status: Int(response.status.code), body: Data(buffer: buffer))
        } catch {
            throw .unreachable(url: baseURL, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout:
            "no answer in time"
        case let error as HTTPClientError where error == .remoteConnectionClosed:
            "the connection closed"
        default: "the connection failed"
        }
    }

    /// The error a refusal that would hit every request means (403, a trial or team key, the daily
    /// limit), or nil.
    static func general(_ answer: Answer) -> NotifyError? {
        let (type, message) = answer.error
        switch answer.status {
        case 401, 403:
            return message.lowercased().contains("clock") ? .clockSkew(message: message) : .refusedKey(message: message)
        case 400
        where type == "BadRequestError"
            && (message.contains("team") || message.contains("trial mode") || message.contains("guest list")):
            return .trialOrTeamKey(message: message)
        case 429 where type == "TooManyRequestsError" || message.contains("for today"):
            return .dailyLimit(message: message)
        default: return nil
        }
    }
}
