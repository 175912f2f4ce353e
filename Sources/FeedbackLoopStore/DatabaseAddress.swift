import Foundation

/// Where the record is: a SQLite file (the default), or a PostgreSQL database on a server.
///
/// `--database` (or `YSWD_DATABASE`) takes either a file path or a URL of the form
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-full]`.
public enum DatabaseAddress: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// Reads a `--database` value: a `postgres://` or `postgresql://` URL names a server; anything
    /// else is a file path.
    /// - Throws: ``ServerError/malformedURL(_:problem:)`` for a URL yswd cannot use.
    public static func parse(_ text: String) throws(ServerError) -> DatabaseAddress {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") else {
            return .sqlite(path: text)
        }
        return .postgres(try PostgresAddress.parse(text))
    }

    /// The address as it may be shown: a URL without its password.
    public var shown: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.shown
        }
    }
}

/// A PostgreSQL database on a server, and how to reach it.
public struct PostgresAddress: Sendable, Equatable {
    /// How the connection is protected, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// No encryption.
        case disable
        /// Encrypt when the server offers it (the default, as in libpq).
        case prefer
        /// Encrypt, or refuse to connect; the server's certificate is not checked.
        case require
        /// Encrypt, and check the server's certificate and name against the system's trusted roots
        /// (or `sslrootcert`).
        case verifyFull = "verify-full"
    }

    public var user: String
    /// The password in the URL, if it has one; otherwise `PGPASSWORD` or `~/.pgpass` gives it.
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode
    /// A file of trusted root certificates (PEM) for `verify-full`, from `sslrootcert`.
    public var rootCertificates: String?

    public init(
        user: String, password: String? = nil, host: String, port: Int = 5432, database: String,
        tls: TLSMode = .prefer, rootCertificates: String? = nil
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
        self.rootCertificates = rootCertificates
    }

    /// The URL without its password, as messages show it.
    public var shown: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    /// `host:port`, as messages name the server.
    public var server: String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    static func parse(_ text: String) throws(ServerError) -> PostgresAddress {
        // Shown without its password in every message.
        let masked = text.replacing(/:\/\/([^:@\/]*):[^@\/]*@/) { "://\($0.output.1):…@" }
        func bad(_ problem: String) -> ServerError { .malformedURL(masked, problem: problem) }
        guard let components = URLComponents(string: text) else {
            throw bad("it is not a valid URL (a character such as a space or # may need %-encoding)")
        }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw bad("it names no user; write postgres://USER@HOST/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw bad("it names no server; write postgres://USER@HOST/DATABASE")
        }
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw bad("it names no database after the server; write postgres://USER@HOST/DATABASE")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw bad("port \(port) is not a port from 1 to 65535") }
        var address = PostgresAddress(
            user: user, password: components.password?.removingPercentEncoding,
            host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port, database: database)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw bad(
                        "sslmode '\(item.value ?? "")' is not one of "
                            + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                address.tls = mode
            case "sslrootcert":
                address.rootCertificates = item.value
            default:
                throw bad("yswd does not know the option '\(item.name)'; it knows sslmode and sslrootcert")
            }
        }
        return address
    }
}
