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

extension RenditionRecording {
    /// The revision `rendition` would be on its update, given the newest there of its format and
    /// language: 1 for the first; one more when a rendition in another language is published again
    /// with other bytes (its translations changed). Nil when the update has it already: its own format
    /// in the source language, a source-language rendition, or the same bytes as the newest.
    public static func revision(
        after latest: (revision: Int, sha256: String)?, mainFormat: String, _ rendition: RenditionRecording
    ) -> Int? {
        let source = rendition.language == "en"
        if source, rendition.format == mainFormat { return nil }
        guard let latest else { return 1 }
        if source || latest.sha256 == rendition.sha256 { return nil }
        return latest.revision + 1
    }
}
