import FeedbackLoop
import Foundation

/// One more rendition of an update to record: its format and language, its bytes, and where each
/// quote sits in them (so erasure can take it out).
public struct RenditionRecording: Sendable {
    public var format: String
    public var language: String
    public var bytes: Data
    public var sha256: String
    public var quotes: [QuotePlacement]

    public init(format: String, language: String = "en", bytes: Data, sha256: String, quotes: [QuotePlacement]) {
        self.format = format
        self.language = language
        self.bytes = bytes
        self.sha256 = sha256
        self.quotes = quotes
    }
}
