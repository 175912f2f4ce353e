import FeedbackLoop
import Foundation

/// Imports of contributions and results, and uploads waiting to be imported.
public protocol ImportStore: Sendable {
    /// Imports a stream of survey rows into an activity: all or nothing, in two phases.
    ///
    /// First every row is read, checked and staged in temporary tables (on disk, so memory stays
    /// flat at any size) without taking the database's write lock: other commands can write while a
    /// large file is parsed. Then one short transaction writes participants, their contact details,
    /// contributions and theme links, under one batch, so history has one entry for the import.
    ///
    /// Rows already imported (same source id and column) are skipped and counted; a source id
    /// repeated within the file is an error naming both lines. Unknown participants are created;
    /// contact details go to their private record. Theme keys must exist unless `createThemes`.
    /// Every row with a value the record cannot take is listed (``InvalidRows``) and nothing is
    /// written, unless `skipInvalid`: then those rows are left out and history lists their lines.
    /// - Parameter dryRun: check everything and report, then roll back.
    func importContributions(
        activity ref: String, rows: inout some ImportedRowStream, source: ImportSource, createThemes: Bool,
        skipInvalid: Bool, dryRun: Bool, progress: @escaping @Sendable (_ fraction: Double, _ rows: Int) -> Void
    ) async throws -> ImportReport

    /// Creates or updates (matched by external id) the activity's decisions from results read
    /// elsewhere, parents included, in one transaction recorded once in history. Imported decisions
    /// answer no theme until linked with `decision update --responds-to`.
    func importResults(activity ref: String, _ results: [Decision], parents: [String: String], source: ImportSource)
        async throws -> DecidimImportReport

    /// Keeps an upload until it is imported or abandoned; returns its id. Uploads past their
    /// lifetime are deleted first: they hold what participants said.
    func keepUpload(activity ref: String, userId: Int64, fileName: String, content: Data) async throws -> String

    /// The upload with this id, for this activity and account; nil when it was imported,
    /// abandoned or expired.
    func upload(id: String, activity ref: String, userId: Int64) async throws -> PendingUpload?

    /// Keeps the choices made so far, so the import can be continued from any server.
    func keepUploadChoices(id: String, _ choices: [String: [String]]) async throws

    /// Deletes an upload: imported, or abandoned.
    func removeUpload(id: String) async throws

    /// Deletes uploads past their lifetime, and drafts past theirs: what a server does as it starts.
    func sweepPrivateLeftovers() async throws

    /// Deletes every upload waiting to be imported, whoever's: an erasure being finished may not
    /// leave what participants said in one.
    func removeAllUploads() async throws

    /// What the team said each value of a method column means, from earlier imports.
    func methodMappings() async throws -> [String: EngagementMethod]

    /// Remembers what values of a method column mean, for the next import. Values are kept in
    /// lower case with spaces collapsed, as imports match them.
    func rememberMethodMappings(_ map: [String: EngagementMethod]) async throws
}

extension ImportStore {
    public func importContributions(
        activity ref: String, rows: inout some ImportedRowStream, source: ImportSource, createThemes: Bool,
        skipInvalid: Bool = false, dryRun: Bool = false,
        progress: @escaping @Sendable (_ fraction: Double, _ rows: Int) -> Void = { _, _ in }
    ) async throws -> ImportReport {
        try await importContributions(
            activity: ref, rows: &rows, source: source, createThemes: createThemes, skipInvalid: skipInvalid,
            dryRun: dryRun, progress: progress)
    }
}
