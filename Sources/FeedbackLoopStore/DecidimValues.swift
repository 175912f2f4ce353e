import FeedbackLoop

/// What a Decidim results import did.
public struct DecidimImportReport: Sendable, Equatable {
    public var created = 0
    public var updated = 0

    package init() {}
}
