/// Whether a theme has been answered, by the rule in DOMAIN.md ("Answers").
///
/// A theme is answered when it has an adopted decision that is not dropped, or an explanation.
/// A partly adopted theme needs both. A dropped decision answers nothing.
public enum ThemeAnswer: String, Sendable, Equatable, Codable {
    /// An adopted decision that is not dropped answers it.
    case adopted
    /// Partly adopted, and the explanation says why not the rest.
    case partlyExplained = "partly-explained"
    /// Not acted on, and the explanation says why.
    case explained
    /// Partly adopted, but nobody has said why not the rest.
    case partlyUnexplained = "partly-unexplained"
    /// No live decision and no explanation.
    case unanswered

    /// Decides the answer from the outcomes and statuses of the decisions responding to the theme.
    public init(responses: [(outcome: Outcome, status: DeliveryStatus)], hasExplanation: Bool) {
        let live = responses.filter { $0.status != .dropped }
        self.init(
            liveAdoption: live.contains { $0.outcome == .adopted },
            livePartial: live.contains { $0.outcome == .partly },
            hasExplanation: hasExplanation)
    }

    /// Decides the answer from whether a decision that is not dropped adopts the theme fully or
    /// partly, and whether it has an explanation.
    public init(liveAdoption: Bool, livePartial: Bool, hasExplanation: Bool) {
        if liveAdoption {
            self = .adopted
        } else if livePartial {
            self = hasExplanation ? .partlyExplained : .partlyUnexplained
        } else {
            self = hasExplanation ? .explained : .unanswered
        }
    }

    public var isAnswered: Bool {
        switch self {
        case .adopted, .partlyExplained, .explained: true
        case .partlyUnexplained, .unanswered: false
        }
    }
}
