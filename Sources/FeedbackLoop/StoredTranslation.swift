/// One public text of an activity as translated: the source text the translator worked from, and the
/// translation. It is out of date (stale) when the record's text no longer matches `source`.
public struct StoredTranslation: Sendable, Equatable, Codable {
    /// Which text it is: `title`, `theme:ACCESS:you-said` (see ``TranslatableText``).
    public var key: String
    public var source: String
    public var text: String
    public var recordedAt: String?

    public init(key: String, source: String, text: String, recordedAt: String? = nil) {
        self.key = key
        self.source = source
        self.text = text
        self.recordedAt = recordedAt
    }
}
