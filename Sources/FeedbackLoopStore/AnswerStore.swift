import FeedbackLoop
import Foundation

/// Themes ("you said"), decisions ("we did") and explanations ("we didn't, because"), with the reasons for changes.
public protocol AnswerStore: Sendable {
    /// Records a theme ("you said") and links it to the selected contributions.
    /// - Returns: the theme and how many contributions it was linked to.
    @discardableResult
    func addTheme(
        activity ref: String, key: String, said: String, easyRead: String?, contributions: [ContributionSelection],
        reason: String?
    ) async throws -> (theme: Theme, linked: Int)

    /// Links more contributions to a theme. Contributions already linked are left as they are; with
    /// `move`, each leaves the theme or themes it was in, in the same write. Either way a contribution
    /// that leaves or joins a theme once an update was published needs the reason (both themes are
    /// told it).
    /// - Returns: how many new links were made; with `move`, how many contributions moved or were linked.
    @discardableResult
    func linkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], move: Bool, reason: String?
    ) async throws -> Int

    /// Takes contributions out of one theme, leaving any other themes they are in. Once an update has
    /// been published this needs a reason, as any change to what people were told does.
    /// - Throws: ``StoreError/notInTheme(id:theme:)`` for a contribution not in the theme.
    @discardableResult
    func unlinkTheme(activity ref: String, key: String, contributions: [ContributionSelection], reason: String?)
        async throws -> Int

    /// Links every in-scope contribution of the activity whose text contains `text` (ignoring case
    /// and accents) to a theme, as one bulk write: history records it once.
    /// - Returns: how many contributions were (or, in a dry run, would be) newly linked.
    @discardableResult
    func linkTheme(activity ref: String, key: String, matching text: String, dryRun: Bool, reason: String?) async throws
        -> Int

    /// Rewords a theme, its easy-read wording, or both; `clearEasyRead` removes the easy-read wording.
    func updateTheme(
        activity ref: String, key: String, said: String?, easyRead: String?, clearEasyRead: Bool, reason: String?)
        async throws

    /// Removes a theme, with its links, its explanation and its place in decisions.
    func removeTheme(activity ref: String, key: String, reason: String?) async throws

    /// The activity's themes, with their reach and answers, ordered by key.
    func themes(activity ref: String) async throws -> [ThemeSummary]

    /// Records an explanation ("we didn't, because") for a theme, replacing any earlier one.
    /// - Returns: whether an earlier explanation was replaced.
    @discardableResult
    func explain(
        activity ref: String, theme key: String, why: String, reason: ReasonCategory, easyRead: String?,
        changeReason: String?
    ) async throws -> Bool

    /// Withdraws a theme's explanation.
    func withdrawExplanation(activity ref: String, theme key: String, reason: String?) async throws

    /// Records a decision ("we did" / "we will") and the themes it answers.
    /// - Parameter decision: the decision; its `activityId` is ignored and taken from `ref`.
    @discardableResult
    func addDecision(activity ref: String, _ decision: Decision, reason: String?) async throws -> Decision

    /// Changes a decision: `change` edits a copy, which is checked and saved in one transaction.
    /// The themes it responds to are replaced only when `change` changes them.
    @discardableResult
    func updateDecision(
        activity ref: String, key: String, reason: String?,
        _ change: @escaping @Sendable (inout Decision) throws -> Void
    ) async throws -> Decision

    /// Removes a decision; the themes it answered need another answer.
    func removeDecision(activity ref: String, key: String, reason: String?) async throws

    /// The activity's decisions with the themes each answers, ordered by key.
    func decisions(activity ref: String) async throws -> [Decision]

    /// Every decision marked done, of one activity or all, with its activity's ref, key and text:
    /// for `check` to warn about those whose text still promises ("We will…").
    func doneDecisions(activity ref: String?) async throws -> [(activity: String, key: String, text: String)]

    /// The reasons given for changes to the activity's answers, oldest first: all of them, or
    /// those of one theme, or those since a time (UTC, as history records times).
    func changeReasons(activity ref: String, theme: String?, since: String?) async throws -> [ChangeReason]
}

extension AnswerStore {
    @discardableResult
    public func addTheme(
        activity ref: String, key: String, said: String, easyRead: String? = nil,
        contributions: [ContributionSelection] = [], reason: String? = nil
    ) async throws -> (theme: Theme, linked: Int) {
        try await addTheme(
            activity: ref, key: key, said: said, easyRead: easyRead, contributions: contributions, reason: reason)
    }

    @discardableResult
    public func linkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], move: Bool = false,
        reason: String? = nil
    ) async throws -> Int {
        try await linkTheme(activity: ref, key: key, contributions: contributions, move: move, reason: reason)
    }

    @discardableResult
    public func unlinkTheme(
        activity ref: String, key: String, contributions: [ContributionSelection], reason: String? = nil
    ) async throws -> Int {
        try await unlinkTheme(activity: ref, key: key, contributions: contributions, reason: reason)
    }

    @discardableResult
    public func linkTheme(
        activity ref: String, key: String, matching text: String, dryRun: Bool = false, reason: String? = nil
    ) async throws -> Int {
        try await linkTheme(activity: ref, key: key, matching: text, dryRun: dryRun, reason: reason)
    }

    public func updateTheme(
        activity ref: String, key: String, said: String?, easyRead: String? = nil, clearEasyRead: Bool = false,
        reason: String? = nil
    ) async throws {
        try await updateTheme(
            activity: ref, key: key, said: said, easyRead: easyRead, clearEasyRead: clearEasyRead, reason: reason)
    }

    public func removeTheme(activity ref: String, key: String, reason: String? = nil) async throws {
        try await removeTheme(activity: ref, key: key, reason: reason)
    }

    @discardableResult
    public func explain(
        activity ref: String, theme key: String, why: String, reason: ReasonCategory, easyRead: String? = nil,
        changeReason: String? = nil
    ) async throws -> Bool {
        try await explain(
            activity: ref, theme: key, why: why, reason: reason, easyRead: easyRead, changeReason: changeReason)
    }

    public func withdrawExplanation(activity ref: String, theme key: String, reason: String? = nil) async throws {
        try await withdrawExplanation(activity: ref, theme: key, reason: reason)
    }

    @discardableResult
    public func addDecision(activity ref: String, _ decision: Decision, reason: String? = nil) async throws -> Decision
    {
        try await addDecision(activity: ref, decision, reason: reason)
    }

    @discardableResult
    public func updateDecision(
        activity ref: String, key: String, reason: String? = nil,
        _ change: @escaping @Sendable (inout Decision) throws -> Void
    ) async throws -> Decision {
        try await updateDecision(activity: ref, key: key, reason: reason, change)
    }

    public func removeDecision(activity ref: String, key: String, reason: String? = nil) async throws {
        try await removeDecision(activity: ref, key: key, reason: reason)
    }

    public func doneDecisions(activity ref: String? = nil) async throws -> [(
        activity: String, key: String, text: String
    )] {
        try await doneDecisions(activity: ref)
    }

    public func changeReasons(activity ref: String, theme: String? = nil, since: String? = nil) async throws
        -> [ChangeReason]
    {
        try await changeReasons(activity: ref, theme: theme, since: since)
    }
}
