import FeedbackLoop
import Foundation

/// What participants said, and the quotes chosen from it.
public protocol ContributionStore: Sendable {
    /// Records what someone said.
    /// - Parameter participantRef: who said it, when known; the participant must exist.
    @discardableResult
    func addContribution(
        activity ref: String, text: String, method: EngagementMethod?, received: CalendarDate?, participantRef: String?,
        sourceId: String?, language: String?
    ) async throws -> Contribution

    /// Corrects a contribution's text, or marks it out of scope (`.some(reason)`) or back in scope
    /// (`.some(nil)`).
    ///
    /// Contributions are numbered within their activity. A contribution that feeds themes is marked
    /// out of scope only with `unlink`, which removes its theme links (history records each, with
    /// the theme).
    @discardableResult
    func updateContribution(
        activity ref: String, number: Int64, text: String?, outOfScope: String??, unlink: Bool, changeReason: String?
    ) async throws -> Contribution

    /// Marks several of the activity's contributions out of scope, in one write: all or none.
    /// Each must belong to the activity and feed no theme.
    func markOutOfScope(activity ref: String, numbers: [Int64], reason: String) async throws

    /// Removes a contribution of the activity `ref`, and its theme links.
    func removeContribution(activity ref: String, number: Int64) async throws

    /// An activity's contributions in number order; `unthemedOnly` keeps those with no theme that are
    /// in scope, `matching` those whose text contains it (ignoring case and accents, as `theme link
    /// --matching` does), `theme` those linked to it, `number` that one.
    func contributions(
        activity ref: String, unthemedOnly: Bool, themedOnly: Bool, matching: String?, theme: String?, number: Int64?
    ) async throws -> [ContributionSummary]

    /// Chooses a contribution to be quoted under a theme (history records the choice).
    /// - Throws: ``StoreError/quoteNotAllowed(id:reason:)`` when the contribution is anonymous, its
    ///   participant did not agree to be quoted or was erased, it is out of scope, or it is not linked
    ///   to the theme.
    /// - Returns: false when it was already chosen.
    @discardableResult
    func addQuote(activity ref: String, theme key: String, contribution number: Int64) async throws -> Bool

    /// Stops quoting a contribution under a theme.
    func removeQuote(activity ref: String, theme key: String, contribution number: Int64) async throws

    /// The activity's chosen quotes, by theme then in the order chosen, each saying whether it will
    /// be published: an update shows the first `perTheme` that may be published under each theme,
    /// as `publish --quotes` does.
    func chosenQuotes(activity ref: String, perTheme: Int) async throws -> [ChosenQuote]
}

extension ContributionStore {
    @discardableResult
    public func addContribution(
        activity ref: String, text: String, method: EngagementMethod? = nil, received: CalendarDate? = nil,
        participantRef: String? = nil, sourceId: String? = nil, language: String? = nil
    ) async throws -> Contribution {
        try await addContribution(
            activity: ref, text: text, method: method, received: received, participantRef: participantRef,
            sourceId: sourceId, language: language)
    }

    @discardableResult
    public func updateContribution(
        activity ref: String, number: Int64, text: String? = nil, outOfScope: String?? = nil, unlink: Bool = false,
        changeReason: String? = nil
    ) async throws -> Contribution {
        try await updateContribution(
            activity: ref, number: number, text: text, outOfScope: outOfScope, unlink: unlink,
            changeReason: changeReason)
    }

    public func contributions(
        activity ref: String, unthemedOnly: Bool = false, themedOnly: Bool = false, matching: String? = nil,
        theme: String? = nil, number: Int64? = nil
    ) async throws -> [ContributionSummary] {
        try await contributions(
            activity: ref, unthemedOnly: unthemedOnly, themedOnly: themedOnly, matching: matching, theme: theme,
            number: number)
    }

    public func chosenQuotes(activity ref: String, perTheme: Int = 2) async throws -> [ChosenQuote] {
        try await chosenQuotes(activity: ref, perTheme: perTheme)
    }
}
