import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// The account with this email, its password hash, and any lock on it for `address`.
    public func signInCandidate(email: String, address: String) async throws -> SignInCandidate? {
        try await reading { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, email, name, role, passwordHash IS NOT NULL AS hasPassword, createdAt, disabledAt,
                            passwordHash
                        FROM user WHERE email = ?
                        """, arguments: [email.trimmed])
            else { return nil }
            let account = try Self.account(row)
            let until = try String.fetchOne(
                db,
                sql: """
                    SELECT max(lockedUntil) FROM accountLock
                    WHERE userId = ? AND lockedUntil > ? AND (address IS NULL OR address = ?)
                    """, arguments: [account.id, self.now, address])
            return SignInCandidate(account: account, passwordHash: try row.read("passwordHash"), lockedUntil: until)
        }
    }

    /// Whether `address` has failed ``failuresFromAddress`` sign-ins within ``lockWindow``.
    public func addressPaused(_ address: String) async throws -> Bool {
        let since = Self.timestamp(clock().addingTimeInterval(-StorePolicy.lockWindow))
        return try await reading { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM signInAttempt WHERE address = ? AND at > ? AND succeeded = 0",
                arguments: [address, since]) ?? 0
        } >= StorePolicy.failuresFromAddress
    }

    /// Records a sign-in attempt from `address` (to no account when the email matched none). The
    /// ``failuresBeforeLock``th failure to one account from one address within ``lockWindow`` locks
    /// the account for that address for ``lockWindow`` (recorded, and in history).
    /// - Returns: when the lock this failure started ends, if it started one.
    @discardableResult
    public func recordSignIn(userId: Int64?, address: String, succeeded: Bool) async throws -> String? {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO signInAttempt (userId, address, at, succeeded) VALUES (?, ?, ?, ?)",
                arguments: [userId, address, self.now, succeeded])
            guard !succeeded, let userId else { return nil }
            let since = Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.lockWindow))
            let lastLock = try String.fetchOne(
                db, sql: "SELECT max(lockedAt) FROM accountLock WHERE userId = ? AND address IS ?",
                arguments: [userId, address])
            let from = max(since, lastLock ?? "")
            let failures =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM signInAttempt
                        WHERE userId = ? AND address = ? AND succeeded = 0 AND at > ?
                        """,
                    arguments: [userId, address, from]) ?? 0
            guard failures >= StorePolicy.failuresBeforeLock else { return nil }
            let until = Self.timestamp(self.clock().addingTimeInterval(StorePolicy.lockWindow))
            try db.execute(
                sql: "INSERT INTO accountLock (userId, lockedAt, lockedUntil, address) VALUES (?, ?, ?, ?)",
                arguments: [userId, self.now, until, address])
            return until
        }
    }

    /// The locks on an account since its sign-in before the latest, to tell its owner when they
    /// next sign in.
    public func locksSincePreviousSignIn(userId: Int64) async throws -> [AccountLockRecord] {
        try await reading { db in
            let previous = try String.fetchOne(
                db,
                sql: """
                    SELECT at FROM signInAttempt WHERE userId = ? AND succeeded = 1 ORDER BY id DESC LIMIT 1 OFFSET 1
                    """, arguments: [userId])
            return try Self.locks(db, "WHERE userId = ? AND lockedAt > ?", [userId, previous ?? ""])
        }
    }

    /// The locks on now, by account, for the users page.
    public func currentLocks() async throws -> [Int64: [AccountLockRecord]] {
        let locks = try await reading { db in try Self.locks(db, "WHERE lockedUntil > ?", [self.now]) }
        return Dictionary(grouping: locks, by: \.userId)
    }

    private static func locks(_ db: Database, _ filter: String, _ arguments: StatementArguments) throws
        -> [AccountLockRecord]
    {
        try Row.fetchAll(
            db, sql: "SELECT userId, lockedAt, lockedUntil, address FROM accountLock \(filter) ORDER BY lockedAt",
            arguments: arguments
        ).map { row in
            AccountLockRecord(
                userId: try row.read("userId"), lockedAt: try row.read("lockedAt"),
                lockedUntil: try row.read("lockedUntil"),
                address: try row.read("address"))
        }
    }

    /// Starts a session for an account that has just signed in: always a new id.
    public func startSession(userId: Int64) async throws -> WebSession {
        try await writing { db in
            let id = Secrets.randomToken()
            let csrf = Secrets.randomToken()
            try db.execute(
                sql: "INSERT INTO webSession (idHash, userId, csrfToken, createdAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [Secrets.hash(id), userId, csrf, self.now, self.now])
            // Sessions that timed out are cleared as new ones start; so are uploads and drafts past
            // their time, which may hold what participants said and their details.
            try db.execute(
                sql: "DELETE FROM webSession WHERE lastSeenAt < ?",
                arguments: [Self.timestamp(self.clock().addingTimeInterval(-72 * 3600))])
            try Self.removeOldUploads(db, now: self.clock())
            try db.execute(
                sql: "DELETE FROM signInAttempt WHERE at < ?",
                arguments: [Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.attemptLifetime))])
            try db.execute(
                sql: "DELETE FROM formDraft WHERE createdAt <= ?",
                arguments: [Self.timestamp(self.clock().addingTimeInterval(-StorePolicy.draftLifetime))])
            guard let row = try Row.fetchOne(db, sql: "\(Self.userColumns) WHERE id = ?", arguments: [userId]) else {
                throw StoreError.passwordLinkInvalid
            }
            return WebSession(id: id, csrfToken: csrf, account: try Self.account(row))
        }
    }

    /// The live session with this id, its last use brought up to now; nil (and the session
    /// removed) when it has been idle longer than `idle`, began longer than `absolute` ago, or its
    /// account is disabled.
    public func session(id: String, idle: TimeInterval, absolute: TimeInterval) async throws -> WebSession? {
        try await lookUpSession(id: id, idle: idle, absolute: absolute).session
    }

    /// The live session with this id; or, when it has just expired, the account it belonged to
    /// (so that what they were sending can be kept for them), ending it.
    public func lookUpSession(id: String, idle: TimeInterval, absolute: TimeInterval) async throws -> (
        session: WebSession?, expiredUserId: Int64?
    ) {
        let hash = Secrets.hash(id)
        let clockNow = clock()
        let found = try await reading { db -> (WebSession, createdAt: String, lastSeen: String)? in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.csrfToken, s.createdAt AS sessionStart, s.lastSeenAt, s.notice, u.id, u.email, u.name, u.role,
                            u.passwordHash IS NOT NULL AS hasPassword, u.createdAt, u.disabledAt
                        FROM webSession s JOIN user u ON u.id = s.userId WHERE s.idHash = ?
                        """, arguments: [hash])
            else { return nil }
            return (
                WebSession(
                    id: id, csrfToken: try row.read("csrfToken"), account: try Self.account(row),
                    notice: try row.read("notice")),
                try row.read("sessionStart"),
                try row.read("lastSeenAt")
            )
        }
        guard let (session, createdAt, lastSeen) = found else { return (nil, nil) }
        let idleLimit = Self.timestamp(clockNow.addingTimeInterval(-idle))
        let absoluteLimit = Self.timestamp(clockNow.addingTimeInterval(-absolute))
        if lastSeen < idleLimit || createdAt < absoluteLimit || session.account.isDisabled {
            try await endSession(id: id)
            return (nil, session.account.isDisabled ? nil : session.account.id)
        }
        // Bring the last use up to date at most once a minute: a busy page is not a write per request.
        // A notice is said once: taking it clears it.
        if lastSeen < Self.timestamp(clockNow.addingTimeInterval(-60)) || session.notice != nil {
            try await writing { db in
                try db.execute(
                    sql: "UPDATE webSession SET lastSeenAt = ?, notice = NULL WHERE idHash = ?",
                    arguments: [self.now, hash])
            }
        }
        return (session, nil)
    }

    /// Keeps what a change did, to say on the session's next page.
    public func setNotice(session id: String, _ notice: String) async throws {
        try await writing { db in
            try db.execute(
                sql: "UPDATE webSession SET notice = ? WHERE idHash = ?", arguments: [notice, Secrets.hash(id)])
        }
    }

    public func endSession(id: String) async throws {
        try await writing { db in
            try db.execute(sql: "DELETE FROM webSession WHERE idHash = ?", arguments: [Secrets.hash(id)])
        }
    }
}
