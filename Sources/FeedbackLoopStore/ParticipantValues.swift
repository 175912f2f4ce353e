import FeedbackLoop
import Foundation

/// A participant as staff see them in a listing: consent, format and which kinds of contact are on
/// file, never the contact details themselves.
public struct ParticipantSummary: Sendable, Equatable, Codable {
    public var ref: String
    public var wantsFeedback: Bool
    public var mayQuote: Bool
    public var prefers: PreferredFormat?
    public var contactOnFile: [String]
    public var contributions: Int
    public var erased: Bool

    package init(
        ref: String, wantsFeedback: Bool, mayQuote: Bool, prefers: PreferredFormat? = nil, contactOnFile: [String],
        contributions: Int, erased: Bool
    ) {
        self.ref = ref
        self.wantsFeedback = wantsFeedback
        self.mayQuote = mayQuote
        self.prefers = prefers
        self.contactOnFile = contactOnFile
        self.contributions = contributions
        self.erased = erased
    }
}

/// What erasing a participant removed.
public struct ErasureReport: Sendable, Equatable {
    public var contactRemoved: Bool
    public var contributionsRedacted: Int
    public var historyEntriesRedacted: Int
    /// Published updates their quotes were removed from.
    public var updatesRedacted: Int = 0

    package init(
        contactRemoved: Bool, contributionsRedacted: Int, historyEntriesRedacted: Int, updatesRedacted: Int = 0
    ) {
        self.contactRemoved = contactRemoved
        self.contributionsRedacted = contributionsRedacted
        self.historyEntriesRedacted = historyEntriesRedacted
        self.updatesRedacted = updatesRedacted
    }
}

/// An erasure that is done in the record but not yet in the database files: another program's read
/// kept the write-ahead log from being copied into the main file and emptied, so the main file's old
/// pages (which are zeroed only as the log is copied in) and the log may still hold the erased values.
public struct ErasureIncomplete: Error, Sendable, CustomStringConvertible {
    public var ref: String
    /// What the erasure did, when this is the erasure itself (nil for `--finish`).
    public var report: ErasureReport?

    public init(ref: String, report: ErasureReport?) {
        self.ref = ref
        self.report = report
    }

    public var description: String {
        "\(ref) is erased from the record, but another program was reading the database for"
            + " \(Int(StorePolicy.erasureTimeout)) seconds, so a"
            + " copy of the erased details may still be in the database file itself, and in its -wal file, until the"
            + " log is copied into it; when nothing else is using the database, run:"
            + " yswd participant erase \(ref) --finish"
    }
}
