import FeedbackLoopStore
import Foundation
import PostgresNIO

/// PostgreSQL's errors in words a user can act on. The server's own message is kept for anything
/// else; a password is never in a message.
enum PostgresErrors {
    /// Any error from a query or a transaction: the driver's become yswd's; yswd's own pass through.
    static func map(_ error: any Error, address: PostgresAddress) -> any Error {
        switch error {
        case let error as PSQLError: return map(error, address: address)
        case let error as PostgresTransactionError:
            for part in [error.closureError, error.beginError, error.commitError, error.rollbackError] {
                if let part { return map(part, address: address) }
            }
            return error
        default: return error
        }
    }

    static func map(_ error: PSQLError, address: PostgresAddress) -> any Error {
        let state = error.serverInfo?[.sqlState]
        switch (error.code, state) {
        case (_, "28P01"), (_, "28000"):
            return ServerError.refusedCredentials(user: address.user, server: address.server)
        case (_, "3D000"):
            return ServerError.noSuchDatabase(database: address.database, server: address.server)
        case (.authMechanismRequiresPassword, _):
            return ServerError.noPassword(user: address.user, server: address.server)
        case (.sslUnsupported, _):
            return ServerError.secureConnectionFailed(
                server: address.server, reason: "the server does not offer TLS; sslmode=prefer or disable connects")
        case (.failedToAddSSLHandler, _), (.receivedUnencryptedDataAfterSSLRequest, _):
            return ServerError.secureConnectionFailed(
                server: address.server, reason: error.underlying.map { "\($0)" } ?? "the TLS handshake failed")
        case (.connectionError, _), (.serverClosedConnection, _), (.uncleanShutdown, _), (.poolClosed, _):
            return ServerError.unreachable(server: address.server, reason: reason(error.underlying))
        case (_, "40001"), (_, "40P01"), (_, "55P03"):
            return StoreError.database(message: error.serverInfo?[.message] ?? "busy", busy: true)
        default:
            let message = error.serverInfo?[.message] ?? String(reflecting: error)
            return StoreError.database(message: message, busy: false)
        }
    }

    /// Why a connection failed, in words ("connection refused", "timed out").
    private static func reason(_ underlying: (any Error)?) -> String {
        guard let underlying else { return "the connection closed" }
        let text = "\(underlying)"
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") {
            return "no answer within 10 seconds"
        }
        if text.localizedCaseInsensitiveContains("resolve") || text.localizedCaseInsensitiveContains("lookup") {
            return "the host name is not known"
        }
        return text
    }
}
