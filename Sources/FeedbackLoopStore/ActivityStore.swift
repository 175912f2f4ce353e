import FeedbackLoop
import Foundation

/// Activities, the search over them and the organisations they belong to.
public protocol ActivityStore: Sendable {
    /// Records a new activity.
    /// - Throws: ``RecordError`` when it breaks a rule, ``StoreError/duplicateActivity(_:)`` when the ref is taken.
    @discardableResult
    func addActivity(_ activity: Activity) async throws -> Activity

    /// Changes an activity: `change` edits a copy, which is checked and saved in one transaction.
    @discardableResult
    func updateActivity(ref: String, _ change: @escaping @Sendable (inout Activity) throws -> Void) async throws
        -> Activity

    /// Activities, optionally only those of one service, lead or organisation, ordered by ref.
    func activities(service: String?, lead: String?, organisation: String?) async throws -> [Activity]

    /// One activity by its ref.
    func activity(ref: String) async throws -> Activity

    /// Everything recorded about one activity: counts, themes with their answers, decisions, evaluation.
    func activityRecord(ref: String) async throws -> ActivityRecord

    /// Activities whose title, purpose or themes contain every word of `text` (full-text search,
    /// best matches first), at most `limit`.
    func searchActivities(_ text: String, limit: Int) async throws -> [Activity]

    /// The refs of the activities changed since ``changeToken()`` returned `token`, and of those
    /// removed; nil when a change since then may touch any activity (a setting, a participant's
    /// details, a bulk write across activities), or when there are too many to list.
    func activitiesChanged(since token: Int64, limit: Int) async throws -> (changed: [String], removed: [Int64])?

    /// Records an organisation.
    /// - Throws: ``StoreError/duplicateOrganisation(_:)`` when the key is taken.
    @discardableResult
    func addOrganisation(_ organisation: Organisation) async throws -> Organisation

    /// Renames an organisation or changes its kind.
    @discardableResult
    func updateOrganisation(key: String, name: String?, kind: OrganisationKind?) async throws -> Organisation

    /// Removes an organisation no activity names.
    /// - Throws: ``StoreError/organisationInUse(key:activities:)`` while activities name it.
    func removeOrganisation(key: String) async throws

    /// Every organisation, by key, with how many activities each ran.
    func organisations() async throws -> [OrganisationSummary]

    /// Every organisation's store number, by its key.
    func organisationIds() async throws -> [String: Int64]

    /// Every organisation's name, by its store number.
    func organisationNames() async throws -> [Int64: String]

    /// The organisation with `key`.
    func organisation(key: String) async throws -> Organisation
}

extension ActivityStore {
    public func activities(service: String? = nil, lead: String? = nil, organisation: String? = nil) async throws
        -> [Activity]
    {
        try await activities(service: service, lead: lead, organisation: organisation)
    }

    public func searchActivities(_ text: String, limit: Int = 200) async throws -> [Activity] {
        try await searchActivities(text, limit: limit)
    }

    public func activitiesChanged(since token: Int64, limit: Int = 200) async throws -> (
        changed: [String], removed: [Int64]
    )? {
        try await activitiesChanged(since: token, limit: limit)
    }
}
