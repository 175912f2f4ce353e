import FeedbackLoop
import Foundation

/// Staff accounts, sign-in, sessions and form drafts.
public protocol AccountStore: Sendable {
    /// Adds a member of staff, with a link to set their password.
    func addUser(email: String, name: String, role: StaffRole) async throws -> PasswordLink

    /// Every member of staff, by email.
    func users() async throws -> [StaffAccount]

    func user(email: String) async throws -> StaffAccount

    /// Changes a member of staff's role or name.
    func updateUser(email: String, role: StaffRole?, name: String?) async throws -> StaffAccount

    /// Disables an account: it can no longer sign in, and its sessions and links end now.
    func disableUser(email: String) async throws

    /// Resets an account: its password and sessions go, it is enabled again, and a new link sets a
    /// new password.
    func resetUser(email: String) async throws -> PasswordLink

    /// The account a password link is for, while it is valid.
    func passwordLink(token: String) async throws -> StaffAccount

    /// Sets the password (already hashed by the caller) of the account a valid link is for, and
    /// uses the link up.
    func setPassword(token: String, hash: String) async throws -> StaffAccount

    /// The account with this email, its password hash, and any lock on it for `address`.
    func signInCandidate(email: String, address: String) async throws -> SignInCandidate?

    /// Whether `address` has failed ``failuresFromAddress`` sign-ins within ``lockWindow``.
    func addressPaused(_ address: String) async throws -> Bool

    /// Records a sign-in attempt from `address` (to no account when the email matched none). The
    /// ``failuresBeforeLock``th failure to one account from one address within ``lockWindow`` locks
    /// the account for that address for ``lockWindow`` (recorded, and in history).
    /// - Returns: when the lock this failure started ends, if it started one.
    @discardableResult
    func recordSignIn(userId: Int64?, address: String, succeeded: Bool) async throws -> String?

    /// The locks on an account since its sign-in before the latest, to tell its owner when they
    /// next sign in.
    func locksSincePreviousSignIn(userId: Int64) async throws -> [AccountLockRecord]

    /// The locks on now, by account, for the users page.
    func currentLocks() async throws -> [Int64: [AccountLockRecord]]

    /// Starts a session for an account that has just signed in: always a new id.
    func startSession(userId: Int64) async throws -> WebSession

    /// The live session with this id, its last use brought up to now; nil (and the session
    /// removed) when it has been idle longer than `idle`, began longer than `absolute` ago, or its
    /// account is disabled.
    func session(id: String, idle: TimeInterval, absolute: TimeInterval) async throws -> WebSession?

    /// The live session with this id; or, when it has just expired, the account it belonged to
    /// (so that what they were sending can be kept for them), ending it.
    func lookUpSession(id: String, idle: TimeInterval, absolute: TimeInterval) async throws -> (
        session: WebSession?, expiredUserId: Int64?
    )

    /// Keeps what a change did, to say on the session's next page.
    func setNotice(session id: String, _ notice: String) async throws

    func endSession(id: String) async throws

    /// Keeps a form for the account whose session expired as it was sent, replacing any draft of
    /// theirs: fields are `[name, value]` pairs, secrets already left out.
    func keepDraft(userId: Int64, path: String, fields: [[String]]) async throws

    /// The account's draft, while it is kept.
    func draft(userId: Int64) async throws -> FormDraft?

    /// Deletes the account's draft: sent, or not wanted.
    func removeDraft(userId: Int64) async throws
}

extension AccountStore {
    public func signInCandidate(email: String, address: String = "") async throws -> SignInCandidate? {
        try await signInCandidate(email: email, address: address)
    }

    @discardableResult
    public func recordSignIn(userId: Int64?, address: String = "", succeeded: Bool) async throws -> String? {
        try await recordSignIn(userId: userId, address: address, succeeded: succeeded)
    }
}
