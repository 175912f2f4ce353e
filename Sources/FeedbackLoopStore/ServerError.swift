import FeedbackLoop

/// Why a database server could not be used. Each reads as one sentence naming the server (never a
/// password) and what to do.
public enum ServerError: UserFacingError, Equatable, Sendable {
    case malformedURL(String, problem: String)
    case unreachable(server: String, reason: String)
    case refusedCredentials(user: String, server: String)
    case noPassword(user: String, server: String)
    case noSuchDatabase(database: String, server: String)
    case notYswdDatabase(database: String)
    case notInitialised(database: String, server: String)
    case newerDatabase(database: String)
    case secureConnectionFailed(server: String, reason: String)
    case notOnThisEngine(what: String, instead: String)

    public var description: String {
        switch self {
        case .malformedURL(let url, let problem):
            "--database \(url) cannot be used: \(problem)"
        case .unreachable(let server, let reason):
            "the PostgreSQL server at \(server) could not be reached (\(reason)); check the host and port, and"
                + " that the server is running and accepts connections from here"
        case .refusedCredentials(let user, let server):
            "the PostgreSQL server at \(server) refused the user name or password for \(user); check them (a"
                + " password comes from the URL, PGPASSWORD or ~/.pgpass)"
        case .noPassword(let user, let server):
            "the PostgreSQL server at \(server) asks for a password for \(user); give it in the URL, in PGPASSWORD"
                + " or in ~/.pgpass"
        case .noSuchDatabase(let database, let server):
            "there is no database \(database) on the PostgreSQL server at \(server); create it (createdb"
                + " \(database)), then run yswd init"
        case .notYswdDatabase(let database):
            "the PostgreSQL database \(database) holds tables that are not yswd's; it was left untouched (give"
                + " yswd a database of its own)"
        case .notInitialised(let database, let server):
            "the PostgreSQL database \(database) on \(server) holds no yswd record yet; run yswd init with the same"
                + " --database to create it"
        case .newerDatabase(let database):
            "the PostgreSQL database \(database) was written by a newer version of yswd; install that version to"
                + " use it (nothing was changed)"
        case .secureConnectionFailed(let server, let reason):
            "a secure connection to the PostgreSQL server at \(server) could not be made (\(reason)); check"
                + " sslmode and the server's certificate"
        case .notOnThisEngine(let what, let instead):
            "\(what) works on a SQLite file only; \(instead)"
        }
    }
}
