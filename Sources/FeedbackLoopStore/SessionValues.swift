import FeedbackLoop
import Foundation

/// A signed-in browser. The id goes in its cookie; the database keeps only the id's hash.
public struct WebSession: Sendable, Equatable {
    public var id: String
    /// The token every form of this session posts back.
    public var csrfToken: String
    public var account: StaffAccount
    /// What the last change did, to say once on the next page (a success banner).
    public var notice: String?

    package init(id: String, csrfToken: String, account: StaffAccount, notice: String? = nil) {
        self.id = id
        self.csrfToken = csrfToken
        self.account = account
        self.notice = notice
    }
}

/// What the store knows for a sign-in: the account, its password hash, and any lock on it.
public struct SignInCandidate: Sendable {
    public var account: StaffAccount
    public var passwordHash: String?
    /// When a lock after failed sign-ins from the attempt's address ends, while one is on.
    public var lockedUntil: String?

    package init(account: StaffAccount, passwordHash: String? = nil, lockedUntil: String? = nil) {
        self.account = account
        self.passwordHash = passwordHash
        self.lockedUntil = lockedUntil
    }
}

/// An account locked after failed sign-ins: when, until when, and from which client address.
public struct AccountLockRecord: Sendable, Equatable {
    public var userId: Int64
    public var lockedAt: String
    public var lockedUntil: String
    /// The client address the failed sign-ins came from; nil for a lock on every address.
    public var address: String?

    package init(userId: Int64, lockedAt: String, lockedUntil: String, address: String? = nil) {
        self.userId = userId
        self.lockedAt = lockedAt
        self.lockedUntil = lockedUntil
        self.address = address
    }
}
