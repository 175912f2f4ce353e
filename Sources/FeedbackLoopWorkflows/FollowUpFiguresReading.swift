import FeedbackLoop
import FeedbackLoopStore

extension FollowUpFigures {
    /// Every activity's figures (those given any follow-up), with the people each still owes one:
    /// what the site's `data/follow-ups.json` publishes.
    public static func all(in store: any RecordStore) async throws -> [String: FollowUpFigures] {
        var figures = try await store.followUpFigures(from: nil, to: nil)
        guard !figures.isEmpty else { return [:] }
        for summary in try await store.loopSummaries(LoopFilter()) where figures[summary.ref] != nil {
            figures[summary.ref]?.owed = summary.owedFollowUps
        }
        return figures
    }
}
