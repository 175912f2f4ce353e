import Crypto
import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Adds a member of staff, with a link to set their password.
    public func addUser(email: String, name: String, role: StaffRole) async throws -> PasswordLink {
        let email = try EntryRules.email(email, field: .argument("EMAIL"))
        let name = try requireText(name, field: .entry("name"))
        return try await writing { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM user WHERE email = ?", arguments: [email]) ?? 0 > 0 {
                throw StoreError.duplicateUser(email)
            }
            try db.execute(
                sql: "INSERT INTO user (email, name, role, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [email, name, role.rawValue, self.now])
            return try self.newPasswordLink(db, userId: db.lastInsertedRowID)
        }
    }

    /// Every member of staff, by email.
    public func users() async throws -> [StaffAccount] {
        try await reading { db in try Row.fetchAll(db, sql: "\(Self.userColumns) ORDER BY email").map(Self.account) }
    }

    public func user(email: String) async throws -> StaffAccount {
        try await reading { db in try Self.user(db, email: email) }
    }

    /// Changes a member of staff's role or name.
    public func updateUser(email: String, role: StaffRole?, name: String?) async throws -> StaffAccount {
        let name = try name.map { try requireText($0, field: .entry("name")) }
        return try await writing { db in
            let account = try Self.user(db, email: email)
            try db.execute(
                sql: "UPDATE user SET role = coalesce(?, role), name = coalesce(?, name) WHERE id = ?",
                arguments: [role?.rawValue, name, account.id])
            return try Self.user(db, email: email)
        }
    }

    /// Disables an account: it can no longer sign in, and its sessions and links end now.
    public func disableUser(email: String) async throws {
        try await writing { db in
            let account = try Self.user(db, email: email)
            try db.execute(
                sql: "UPDATE user SET disabledAt = coalesce(disabledAt, ?) WHERE id = ?",
                arguments: [self.now, account.id])
            try db.execute(sql: "DELETE FROM webSession WHERE userId = ?", arguments: [account.id])
            try db.execute(sql: "DELETE FROM passwordLink WHERE userId = ?", arguments: [account.id])
        }
    }

    /// Resets an account: its password and sessions go, it is enabled again, and a new link sets a
    /// new password.
    public func resetUser(email: String) async throws -> PasswordLink {
        try await writing { db in
            let account = try Self.user(db, email: email)
            try db.execute(
                sql: "UPDATE user SET passwordHash = NULL, disabledAt = NULL WHERE id = ?", arguments: [account.id])
            try db.execute(sql: "DELETE FROM webSession WHERE userId = ?", arguments: [account.id])
            return try self.newPasswordLink(db, userId: account.id ?? 0)
        }
    }

    /// The account a password link is for, while it is valid.
    public func passwordLink(token: String) async throws -> StaffAccount {
        try await reading { db in try Self.linkedAccount(db, token: token, now: self.now) }
    }

    /// Sets the password (already hashed by the caller) of the account a valid link is for, and
    /// uses the link up.
    public func setPassword(token: String, hash: String) async throws -> StaffAccount {
        try await writing { db in
            let account = try Self.linkedAccount(db, token: token, now: self.now)
            try db.execute(sql: "UPDATE user SET passwordHash = ? WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "DELETE FROM passwordLink WHERE userId = ?", arguments: [account.id])
            return try Self.user(db, email: account.email)
        }
    }

    private func newPasswordLink(_ db: Database, userId: Int64) throws -> PasswordLink {
        let token = Secrets.randomToken()
        let expires = Self.timestamp(clock().addingTimeInterval(StorePolicy.passwordLinkLifetime))
        try db.execute(sql: "DELETE FROM passwordLink WHERE userId = ?", arguments: [userId])
        try db.execute(
            sql: "INSERT INTO passwordLink (tokenHash, userId, expiresAt) VALUES (?, ?, ?)",
            arguments: [Secrets.hash(token), userId, expires])
        guard let row = try Row.fetchOne(db, sql: "\(Self.userColumns) WHERE id = ?", arguments: [userId]) else {
            throw StoreError.passwordLinkInvalid
        }
        return PasswordLink(account: try Self.account(row), token: token, expiresAt: expires)
    }

    private static func linkedAccount(_ db: Database, token: String, now: String) throws -> StaffAccount {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    \(userColumns) WHERE id = (SELECT userId FROM passwordLink WHERE tokenHash = ? AND expiresAt > ?)
                    """, arguments: [Secrets.hash(token), now])
        else { throw StoreError.passwordLinkInvalid }
        return try account(row)
    }

    static let userColumns =
        "SELECT id, email, name, role, passwordHash IS NOT NULL AS hasPassword, createdAt, disabledAt FROM user"

    static func user(_ db: Database, email: String) throws -> StaffAccount {
        guard let row = try Row.fetchOne(db, sql: "\(userColumns) WHERE email = ?", arguments: [email.trimmed]) else {
            throw StoreError.unknownUser(email)
        }
        return try account(row)
    }

    static func account(_ row: Row) throws(StoreError) -> StaffAccount {
        guard let role = StaffRole(rawValue: try row.read("role")) else { throw .unreadable(column: "role") }
        return StaffAccount(
            id: try row.read("id"), email: try row.read("email"), name: try row.read("name"), role: role,
            hasPassword: try row.read("hasPassword"), createdAt: try row.read("createdAt"),
            disabledAt: try row.read("disabledAt"))
    }
}
