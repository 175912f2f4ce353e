import FeedbackLoop

/// A contribution chosen to be quoted under a theme, as `quote list` shows it.
public struct ChosenQuote: Sendable, Equatable, Codable {
    public var theme: String
    /// The contribution's number in its activity.
    public var contribution: Int64
    public var participant: String?
    public var text: String
    public var chosenAt: String
    /// Nil when it will be published; otherwise why it will not be (consent withdrawn, erased…).
    public var withheld: String?

    package init(
        theme: String, contribution: Int64, participant: String? = nil, text: String, chosenAt: String,
        withheld: String? = nil
    ) {
        self.theme = theme
        self.contribution = contribution
        self.participant = participant
        self.text = text
        self.chosenAt = chosenAt
        self.withheld = withheld
    }
}
