import Crypto
import FeedbackLoop
import Foundation

/// A one-time link to set a password: the token goes in the link; only its hash is stored.
public struct PasswordLink: Sendable, Equatable {
    public var account: StaffAccount
    public var token: String
    public var expiresAt: String

    package init(account: StaffAccount, token: String, expiresAt: String) {
        self.account = account
        self.token = token
        self.expiresAt = expiresAt
    }
}
