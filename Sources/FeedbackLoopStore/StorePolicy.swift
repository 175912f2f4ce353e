import Foundation

/// The limits every engine keeps alike: how long to wait for others, and when sign-in locks.
public enum StorePolicy {
    /// How long a command waits for another's write to finish before it gives up, in seconds.
    public static let busyTimeout: TimeInterval = 120
    /// How long an erasure waits for other readers to let it clean the database files, in seconds.
    public static let erasureTimeout: TimeInterval = 30
    /// Failed sign-ins to one account from one client address within ``lockWindow`` that lock the
    /// account for that address.
    public static let failuresBeforeLock = 5
    /// Failed sign-ins from one client address, to any account or none, within ``lockWindow`` after
    /// which that address may not sign in at all until the window has passed.
    public static let failuresFromAddress = 20
    /// The window failed sign-ins are counted in, and how long a lock lasts.
    public static let lockWindow: TimeInterval = 15 * 60
    /// How long sign-in attempts (with their client addresses) are kept.
    public static let attemptLifetime: TimeInterval = 30 * 24 * 3600
    /// How long an upload waits to be imported before it is deleted.
    public static let uploadLifetime: TimeInterval = 86_400
    /// The text that replaces an erased participant's contributions.
    public static let erasedText = "[erased at the participant's request]"
    /// How long a form kept when its session expired (a draft) is kept.
    public static let draftLifetime: TimeInterval = 30 * 60
    /// How long a link to set a password stays valid.
    public static let passwordLinkLifetime: TimeInterval = 24 * 3600
}
