import Foundation

/// What a member of staff may do in the web app, from least to most.
public enum StaffRole: String, RecordEnumeration, Comparable {
    /// Reads everything but participants' private details.
    case viewer
    /// Records and changes activities, contributions, themes, decisions, explanations; imports.
    case editor
    /// Also publishes, records updates, writes follow-ups and the site; sees participants.
    case publisher
    /// Also manages users, settings and erasure.
    case admin
    public static let listName = "role"

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Whether this role may do what `needed` may.
    public func allows(_ needed: StaffRole) -> Bool { self >= needed }

    /// Whether it may see participants' private details (contacts, names).
    public var seesParticipants: Bool { self >= .publisher }
}

/// A member of staff who signs in to the web app.
public struct StaffAccount: Sendable, Equatable, Codable {
    public var id: Int64?
    public var email: String
    public var name: String
    public var role: StaffRole
    public var hasPassword: Bool
    public var createdAt: String
    public var disabledAt: String?

    public init(
        id: Int64? = nil, email: String, name: String, role: StaffRole, hasPassword: Bool = false,
        createdAt: String = "", disabledAt: String? = nil
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.hasPassword = hasPassword
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    public var isDisabled: Bool { disabledAt != nil }
}

/// The rules a new password must meet.
public enum PasswordRules {
    public static let minimumLength = 12
    /// A ceiling well under bcrypt's 72 bytes, so no part of a password is silently ignored.
    public static let maximumBytes = 72

    /// Checks a new password: long enough, not too long for bcrypt, and not a common one.
    public static func check(_ password: String) throws(RecordError) {
        if password.count < minimumLength {
            throw .weakPassword("it is \(password.count) characters; use at least \(minimumLength)")
        }
        if password.utf8.count > maximumBytes {
            throw .weakPassword("it is longer than \(maximumBytes) bytes; use a shorter one")
        }
        let folded = password.lowercased()
        let core = folded.trimmingCharacters(in: .decimalDigits.union(.punctuationCharacters).union(.symbols))
        if CommonPasswords.all.contains(folded) || CommonPasswords.all.contains(core) {
            throw .weakPassword("it is one of the most common passwords; choose one nobody would guess")
        }
        if Set(password).count < 4 {
            throw .weakPassword("it repeats too few characters; choose one nobody would guess")
        }
    }
}
