import FeedbackLoop
import Foundation

/// A privacy finding waived after review, as history records it (never the text it matched).
public struct PrivacyWaiver: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var location: String

    public init(id: String, kind: String, location: String) {
        self.id = id
        self.kind = kind
        self.location = location
    }
}

/// An update about to be recorded: the exact bytes published and what they reported.
public struct UpdateRecording: Sendable {
    public var snapshot: UpdateSnapshot
    public var format: String
    public var channels: [FeedbackChannel]
    public var bytes: Data
    public var sha256: String
    public var data: Data
    public var quotes: [QuotePlacement]
    public var waivers: [PrivacyWaiver]
    /// The same update in further formats, recorded with it.
    public var renditions: [RenditionRecording]

    public init(
        snapshot: UpdateSnapshot, format: String, channels: [FeedbackChannel], bytes: Data, sha256: String, data: Data,
        quotes: [QuotePlacement], waivers: [PrivacyWaiver], renditions: [RenditionRecording] = []
    ) {
        self.renditions = renditions
        self.snapshot = snapshot
        self.format = format
        self.channels = channels
        self.bytes = bytes
        self.sha256 = sha256
        self.data = data
        self.quotes = quotes
        self.waivers = waivers
    }
}
