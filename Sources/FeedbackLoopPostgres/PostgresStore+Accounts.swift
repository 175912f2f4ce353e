import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Adds a member of staff, with a link to set their password.
    public func addUser(email: String, name: String, role: StaffRole) async throws -> PasswordLink {
        let email = try EntryRules.email(email, field: .argument("EMAIL"))
        let name = try requireText(name, field: .entry("name"))
        return try await writing { session in
            if try await session.count("SELECT count(*) AS n FROM \"user\" WHERE lower(email) = lower(\(email))") > 0 {
                throw StoreError.duplicateUser(email)
            }
            guard
                let id = try await session.value(
                    "id", as: Int64.self,
                    """
                    INSERT INTO "user" (email, name, role, createdAt) VALUES (\(email), \(name), \(role.rawValue), \(now))
                    RETURNING id
                    """)
            else { throw StoreError.unreadable(column: "user.id") }
            return try await newPasswordLink(session, userId: id)
        }
    }

    /// Every member of staff, by email.
    public func users() async throws -> [StaffAccount] {
        try await reading { session in
            try await session.rows(PostgresQuery(unsafeSQL: "\(Self.userColumns) ORDER BY email COLLATE \"C\""))
                .map(Self.account)
        }
    }

    public func user(email: String) async throws -> StaffAccount {
        try await reading { session in try await Self.user(session, email: email) }
    }

    /// Changes a member of staff's role or name.
    public func updateUser(email: String, role: StaffRole?, name: String?) async throws -> StaffAccount {
        let name = try name.map { try requireText($0, field: .entry("name")) }
        return try await writing { session in
            let account = try await Self.user(session, email: email)
            try await session.execute(
                """
                UPDATE "user" SET role = coalesce(\(role?.rawValue), role), name = coalesce(\(name), name)
                WHERE id = \(account.id)
                """)
            return try await Self.user(session, email: email)
        }
    }

    /// Disables an account: it can no longer sign in, and its sessions and links end now.
    public func disableUser(email: String) async throws {
        try await writing { session in
            let account = try await Self.user(session, email: email)
            try await session.execute(
                "UPDATE \"user\" SET disabledAt = coalesce(disabledAt, \(now)) WHERE id = \(account.id)")
            try await session.execute("DELETE FROM webSession WHERE userId = \(account.id)")
            try await session.execute("DELETE FROM passwordLink WHERE userId = \(account.id)")
        }
    }

    /// Resets an account: its password and sessions go, it is enabled again, and a new link sets a password.
    public func resetUser(email: String) async throws -> PasswordLink {
        try await writing { session in
            let account = try await Self.user(session, email: email)
            let id = try account.id.saved()
            try await session.execute("UPDATE \"user\" SET passwordHash = NULL, disabledAt = NULL WHERE id = \(id)")
            try await session.execute("DELETE FROM webSession WHERE userId = \(id)")
            return try await newPasswordLink(session, userId: id)
        }
    }

    /// The account a password link is for, while it is valid.
    public func passwordLink(token: String) async throws -> StaffAccount {
        try await reading { session in try await Self.linkedAccount(session, token: token, now: now) }
    }

    /// Sets the password (already hashed) of the account a valid link is for, and uses the link up.
    public func setPassword(token: String, hash: String) async throws -> StaffAccount {
        try await writing { session in
            let account = try await Self.linkedAccount(session, token: token, now: now)
            try await session.execute("UPDATE \"user\" SET passwordHash = \(hash) WHERE id = \(account.id)")
            try await session.execute("DELETE FROM passwordLink WHERE userId = \(account.id)")
            return try await Self.user(session, email: account.email)
        }
    }

    private func newPasswordLink(_ session: PostgresSession, userId: Int64) async throws -> PasswordLink {
        let token = Secrets.randomToken()
        let expires = Self.timestamp(clock().addingTimeInterval(StorePolicy.passwordLinkLifetime))
        try await session.execute("DELETE FROM passwordLink WHERE userId = \(userId)")
        try await session.execute(
            "INSERT INTO passwordLink (tokenHash, userId, expiresAt) VALUES (\(Secrets.hash(token)), \(userId), \(expires))"
        )
        guard let account = try await Self.account(session, id: userId) else { throw StoreError.passwordLinkInvalid }
        return PasswordLink(account: account, token: token, expiresAt: expires)
    }

    private static func linkedAccount(_ session: PostgresSession, token: String, now: String) async throws
        -> StaffAccount
    {
        let hash = Secrets.hash(token)
        guard
            let row = try await session.rows(
                PostgresQuery(
                    unsafeSQL:
                        "\(userColumns) WHERE id = (SELECT userId FROM passwordLink WHERE tokenHash = $1 AND expiresAt > $2)",
                    binds: texts(hash, now))
            ).first
        else { throw StoreError.passwordLinkInvalid }
        return try account(row)
    }

    static let userColumns =
        "SELECT id, email, name, role, passwordHash IS NOT NULL AS hasPassword, createdAt, disabledAt FROM \"user\""

    static func user(_ session: PostgresSession, email: String) async throws -> StaffAccount {
        guard
            let row = try await session.rows(
                PostgresQuery(unsafeSQL: "\(userColumns) WHERE lower(email) = lower($1)", binds: texts(email.trimmed))
            ).first
        else { throw StoreError.unknownUser(email) }
        return try account(row)
    }

    static func account(_ session: PostgresSession, id: Int64) async throws -> StaffAccount? {
        try await session.rows(PostgresQuery(unsafeSQL: "\(userColumns) WHERE id = $1", binds: bindings(id)))
            .first.map(account)
    }

    static func account(_ row: PostgresRandomAccessRow) throws(StoreError) -> StaffAccount {
        guard let role = StaffRole(rawValue: try row.read("role")) else { throw .unreadable(column: "role") }
        return StaffAccount(
            id: try row.read("id"), email: try row.read("email"), name: try row.read("name"), role: role,
            hasPassword: try row.read("hasPassword"), createdAt: try row.read("createdAt"),
            disabledAt: try row.read("disabledAt"))
    }

    /// Bound texts for a query written as text.
    static func texts(_ values: String...) -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { bindings.append(value) }
        return bindings
    }
}
