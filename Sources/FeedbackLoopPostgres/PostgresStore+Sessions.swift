import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The account with this email, its password hash, and any lock on it for `address`.
    public func signInCandidate(email: String, address: String) async throws -> SignInCandidate? {
        try await reading { session in
            guard
                let row = try await session.rows(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT id, email, name, role, passwordHash IS NOT NULL AS hasPassword, createdAt,
                                disabledAt, passwordHash
                            FROM "user" WHERE lower(email) = lower($1)
                            """, binds: Self.texts(email.trimmed))
                ).first
            else { return nil }
            let account = try Self.account(row)
            let until =
                try await session.value(
                    "until", as: String?.self,
                    """
                    SELECT max(lockedUntil) AS until FROM accountLock
                    WHERE userId = \(account.id) AND lockedUntil > \(now) AND (address IS NULL OR address = \(address))
                    """) ?? nil
            return SignInCandidate(account: account, passwordHash: try row.read("passwordHash"), lockedUntil: until)
        }
    }

    /// Whether `address` has failed ``StorePolicy/failuresFromAddress`` sign-ins within the lock window.
    public func addressPaused(_ address: String) async throws -> Bool {
        let since = Self.timestamp(clock().addingTimeInterval(-StorePolicy.lockWindow))
        return try await reading { session in
            try await session.count(
                "SELECT count(*) AS n FROM signInAttempt WHERE address = \(address) AND at > \(since) AND succeeded = 0"
            )
        } >= StorePolicy.failuresFromAddress
    }

    /// Records a sign-in attempt; enough failures to one account from one address lock it there.
    @discardableResult
    public func recordSignIn(userId: Int64?, address: String, succeeded: Bool) async throws -> String? {
        try await writing { session in
            try await session.execute(
                """
                INSERT INTO signInAttempt (userId, address, at, succeeded)
                VALUES (\(userId), \(address), \(now), \(succeeded ? 1 : 0))
                """)
            guard !succeeded, let userId else { return nil }
            // Failures to one account are counted one at a time, whichever server took them.
            try await session.execute(
                "SELECT pg_advisory_xact_lock(hashtext('yswd sign-in'), \(Int32(truncatingIfNeeded: userId)))")
            let since = Self.timestamp(clock().addingTimeInterval(-StorePolicy.lockWindow))
            let lastLock =
                try await session.value(
                    "last", as: String?.self,
                    "SELECT max(lockedAt) AS last FROM accountLock WHERE userId = \(userId) AND address IS NOT DISTINCT FROM \(address)"
                ) ?? nil
            let from = max(since, lastLock ?? "")
            let failures = try await session.count(
                """
                SELECT count(*) AS n FROM signInAttempt
                WHERE userId = \(userId) AND address = \(address) AND succeeded = 0 AND at > \(from)
                """)
            guard failures >= StorePolicy.failuresBeforeLock else { return nil }
            let until = Self.timestamp(clock().addingTimeInterval(StorePolicy.lockWindow))
            try await session.execute(
                """
                INSERT INTO accountLock (userId, lockedAt, lockedUntil, address)
                VALUES (\(userId), \(now), \(until), \(address))
                """)
            return until
        }
    }

    /// The locks on an account since its sign-in before the latest.
    public func locksSincePreviousSignIn(userId: Int64) async throws -> [AccountLockRecord] {
        try await reading { session in
            let previous = try await session.value(
                "at", as: String.self,
                """
                SELECT at FROM signInAttempt WHERE userId = \(userId) AND succeeded = 1 ORDER BY id DESC LIMIT 1 OFFSET 1
                """)
            return try await Self.locks(
                session,
                "SELECT userId, lockedAt, lockedUntil, address FROM accountLock WHERE userId = \(userId) AND lockedAt > \(previous ?? "") ORDER BY lockedAt"
            )
        }
    }

    /// The locks on now, by account, for the users page.
    public func currentLocks() async throws -> [Int64: [AccountLockRecord]] {
        let locks = try await reading { session in
            try await Self.locks(
                session,
                "SELECT userId, lockedAt, lockedUntil, address FROM accountLock WHERE lockedUntil > \(now) ORDER BY lockedAt"
            )
        }
        return Dictionary(grouping: locks, by: \.userId)
    }

    private static func locks(_ session: PostgresSession, _ query: PostgresQuery) async throws -> [AccountLockRecord] {
        try await session.rows(query).map { row in
            AccountLockRecord(
                userId: try row.read("userId"), lockedAt: try row.read("lockedAt"),
                lockedUntil: try row.read("lockedUntil"), address: try row.read("address"))
        }
    }

    /// Starts a session for an account that has just signed in: always a new id.
    public func startSession(userId: Int64) async throws -> WebSession {
        try await writing { session in
            let id = Secrets.randomToken()
            let csrf = Secrets.randomToken()
            try await session.execute(
                """
                INSERT INTO webSession (idHash, userId, csrfToken, createdAt, lastSeenAt)
                VALUES (\(Secrets.hash(id)), \(userId), \(csrf), \(now), \(now))
                """)
            let stale = Self.timestamp(clock().addingTimeInterval(-72 * 3600))
            let uploads = Self.timestamp(clock().addingTimeInterval(-StorePolicy.uploadLifetime))
            let attempts = Self.timestamp(clock().addingTimeInterval(-StorePolicy.attemptLifetime))
            let drafts = Self.timestamp(clock().addingTimeInterval(-StorePolicy.draftLifetime))
            try await session.execute("DELETE FROM webSession WHERE lastSeenAt < \(stale)")
            try await session.execute("DELETE FROM importUpload WHERE createdAt <= \(uploads)")
            try await session.execute("DELETE FROM signInAttempt WHERE at < \(attempts)")
            try await session.execute("DELETE FROM formDraft WHERE createdAt <= \(drafts)")
            guard let account = try await Self.account(session, id: userId) else {
                throw StoreError.passwordLinkInvalid
            }
            return WebSession(id: id, csrfToken: csrf, account: account)
        }
    }

    /// The live session with this id, its last use brought up to now; nil when it has expired.
    public func session(id: String, idle: TimeInterval, absolute: TimeInterval) async throws -> WebSession? {
        try await lookUpSession(id: id, idle: idle, absolute: absolute).session
    }

    /// The live session with this id; or, when it has just expired, the account it belonged to.
    public func lookUpSession(id: String, idle: TimeInterval, absolute: TimeInterval) async throws -> (
        session: WebSession?, expiredUserId: Int64?
    ) {
        let hash = Secrets.hash(id)
        let clockNow = clock()
        let found = try await reading { session -> (WebSession, createdAt: String, lastSeen: String)? in
            guard
                let row = try await session.rows(
                    """
                    SELECT s.csrfToken, s.createdAt AS sessionStart, s.lastSeenAt, s.notice, u.id, u.email, u.name,
                        u.role, u.passwordHash IS NOT NULL AS hasPassword, u.createdAt, u.disabledAt
                    FROM webSession s JOIN "user" u ON u.id = s.userId WHERE s.idHash = \(hash)
                    """
                ).first
            else { return nil }
            return (
                WebSession(
                    id: id, csrfToken: try row.read("csrfToken"), account: try Self.account(row),
                    notice: try row.read("notice")),
                try row.read("sessionStart"), try row.read("lastSeenAt")
            )
        }
        guard let (session, createdAt, lastSeen) = found else { return (nil, nil) }
        let idleLimit = Self.timestamp(clockNow.addingTimeInterval(-idle))
        let absoluteLimit = Self.timestamp(clockNow.addingTimeInterval(-absolute))
        if lastSeen < idleLimit || createdAt < absoluteLimit || session.account.isDisabled {
            try await endSession(id: id)
            return (nil, session.account.isDisabled ? nil : session.account.id)
        }
        if lastSeen < Self.timestamp(clockNow.addingTimeInterval(-60)) || session.notice != nil {
            try await writing { writer in
                try await writer.execute(
                    "UPDATE webSession SET lastSeenAt = \(now), notice = NULL WHERE idHash = \(hash)")
            }
        }
        return (session, nil)
    }

    /// Keeps what a change did, to say on the session's next page.
    public func setNotice(session id: String, _ notice: String) async throws {
        try await writing { session in
            try await session.execute("UPDATE webSession SET notice = \(notice) WHERE idHash = \(Secrets.hash(id))")
        }
    }

    public func endSession(id: String) async throws {
        try await writing { session in
            try await session.execute("DELETE FROM webSession WHERE idHash = \(Secrets.hash(id))")
        }
    }

    /// Keeps a form for the account whose session expired as it was sent, replacing any draft of theirs.
    public func keepDraft(userId: Int64, path: String, fields: [[String]]) async throws {
        let json = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        let expired = Self.timestamp(clock().addingTimeInterval(-StorePolicy.draftLifetime))
        try await writing { session in
            try await session.execute("DELETE FROM formDraft WHERE userId = \(userId) OR createdAt <= \(expired)")
            try await session.execute(
                "INSERT INTO formDraft (userId, path, fields, createdAt) VALUES (\(userId), \(path), \(json), \(now))")
        }
    }

    /// The account's draft, while it is kept.
    public func draft(userId: Int64) async throws -> FormDraft? {
        let expired = Self.timestamp(clock().addingTimeInterval(-StorePolicy.draftLifetime))
        return try await reading { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT * FROM formDraft WHERE userId = \(userId) AND createdAt > \(expired) ORDER BY id DESC LIMIT 1
                    """
                ).first
            else { return nil }
            let fields = try JSONDecoder().decode(
                [[String]].self, from: Data(try row.read("fields", as: String.self).utf8))
            return FormDraft(
                id: try row.read("id"), path: try row.read("path"), fields: fields, createdAt: try row.read("createdAt")
            )
        }
    }

    /// Deletes the account's draft: sent, or not wanted.
    public func removeDraft(userId: Int64) async throws {
        try await writing { session in try await session.execute("DELETE FROM formDraft WHERE userId = \(userId)") }
    }
}
