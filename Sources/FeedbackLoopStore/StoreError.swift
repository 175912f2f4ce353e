import FeedbackLoop

/// Why the store refused a request. Each case reads as one plain-English sentence that names the
/// bad value and says what to do.
public enum StoreError: UserFacingError, Equatable, Sendable {
    case missingDatabase(path: String)
    case databaseIsDirectory(path: String)
    case databaseUnderFile(path: String, file: String)
    case folderMissing(path: String, folder: String)
    case notYswdDatabase(path: String)
    case newerDatabase(path: String)
    case fileExists(path: String)
    case unknownActivity(String)
    case unknownParticipant(String)
    case unknownContribution(Int64)
    case unknownTheme(activity: String, key: String, known: [String])
    case unknownDecision(activity: String, key: String, known: [String])
    case duplicateActivity(String)
    case duplicateParticipant(String)
    case duplicateTheme(activity: String, key: String)
    case duplicateDecision(activity: String, key: String)
    case duplicateSourceId(activity: String, sourceId: String, existing: Int64)
    case contributionOfOtherActivity(id: Int64, activity: String, owner: String)
    case emptyContributionRange(from: Int64, to: Int64, activity: String)
    case noExplanation(activity: String, theme: String)
    case participantErased(String)
    case notErased(String)
    /// SQLite itself refused or failed (a full disk, a damaged file, a lock held too long).
    case database(message: String, busy: Bool)
    case themedOutOfScope(id: Int64, themes: [String])
    case backupFailed(path: String, reason: String)
    case notEmpty
    case recordChanged(String)
    case unknownUpdate(activity: String, number: Int, count: Int)
    case unknownRecipient(activity: String, ref: String)
    case parentCycle(String)
    case quoteNotAllowed(id: Int64, reason: QuoteRefusal)
    case quoteNotChosen(id: Int64, theme: String)
    case notInTheme(id: Int64, theme: String)
    case updateOutdated(activity: String, number: Int)
    case renditionExists(activity: String, number: Int, format: String)
    case unknownOrganisation(key: String, known: [String])
    case duplicateOrganisation(String)
    case organisationInUse(key: String, activities: Int)
    case unknownUser(String)
    case duplicateUser(String)
    case userDisabled(String)
    case passwordLinkInvalid
    case reasonRequired(activity: String, update: Int, themes: [String], field: Field = .entry("reason"))
    /// A value the store cannot read as what its column should hold.
    case unreadable(column: String)

    public var description: String { message(naming: \.flag) }

    /// The field the error is about, when it is about one.
    public var field: Field? {
        if case .reasonRequired(_, _, _, let field) = self { return field }
        return nil
    }

    public func message(naming name: (Field) -> String) -> String {
        message(naming: name, fixing: \.commandLine)
    }

    public func message(naming name: (Field) -> String, fixing fix: (Remedy) -> String) -> String {
        switch self {
        case .missingDatabase(let path):
            return "there is no yswd database at \(path); " + fix(.createDatabase)
        case .databaseIsDirectory(let path):
            return "\(path) is a folder, not a database file; give a file name such as \(path)/yswd.sqlite"
        case .databaseUnderFile(let path, let file):
            return "\(path) cannot be a database because \(file) is a file, not a folder"
        case .folderMissing(let path, let folder):
            return "\(path) cannot be created because the folder \(folder) does not exist; create it first"
        case .notYswdDatabase(let path):
            return "\(path) is not a yswd database; it was left untouched"
        case .newerDatabase(let path):
            return
                "\(path) was written by a newer version of yswd; install that version to use it (nothing was changed)"
        case .fileExists(let path):
            return "\(path) already exists; choose a new file name"
        case .unknownActivity(let ref):
            return "there is no activity '\(ref)'; " + fix(.listActivities)
        case .unknownParticipant(let ref):
            return "there is no participant '\(ref)'; " + fix(.listParticipants)
        case .unknownContribution(let id):
            return "there is no contribution \(id); " + fix(.listContributions(activity: nil))
        case .unknownTheme(let activity, let key, let known):
            return "\(activity) has no theme '\(key)'; " + Self.choices("its themes are", known)
        case .unknownDecision(let activity, let key, let known):
            return "\(activity) has no decision '\(key)'; " + Self.choices("its decisions are", known)
        case .duplicateActivity(let ref):
            return "there is already an activity '\(ref)'; choose another ref or " + fix(.updateActivity(ref))
        case .duplicateParticipant(let ref):
            return "there is already a participant '\(ref)'; choose another ref or " + fix(.updateParticipant(ref))
        case .duplicateTheme(let activity, let key):
            return "\(activity) already has a theme '\(key)'; choose another key or "
                + fix(.updateTheme(activity: activity, key: key))
        case .duplicateDecision(let activity, let key):
            return "\(activity) already has a decision '\(key)'; choose another key or "
                + fix(.updateDecision(activity: activity, key: key))
        case .duplicateSourceId(let activity, let sourceId, let existing):
            return "\(activity) already has a contribution with source id '\(sourceId)' (number \(existing))"
        case .contributionOfOtherActivity(let id, let activity, let owner):
            return "contribution \(id) belongs to \(owner), not \(activity)"
        case .emptyContributionRange(let from, let to, let activity):
            return "\(activity) has no contributions numbered \(from) to \(to)"
        case .noExplanation(let activity, let theme):
            return "theme '\(theme)' of \(activity) has no explanation to withdraw"
        case .participantErased(let ref):
            return "participant '\(ref)' has been erased; their record can no longer be changed"
        case .themedOutOfScope(let id, let themes):
            return
                "contribution \(id) feeds the theme\(themes.count == 1 ? "" : "s") \(themes.joined(separator: ", "));"
                + " " + fix(.unlinkWhenOutOfScope(themes: themes.count))
        case .database(_, true):
            return
                "another change kept the database busy for over \(Int(StorePolicy.busyTimeout)) seconds, so"
                + " nothing was written; try again when it has finished"
        case .unreadable(let column):
            return "the database holds a value in column \(column) that yswd cannot read; the file may have been"
                + " changed by another program (nothing was written)"
        case .database(let message, false):
            return "the database could not complete the request (\(message)); nothing was written"
        case .notErased(let ref):
            return "participant \(ref) has not been erased, so there is nothing to finish; "
                + fix(.eraseParticipant(ref))
        case .backupFailed(let path, let reason):
            return "could not write the backup \(path): \(reason)"
        case .quoteNotAllowed(let id, let reason):
            return "contribution \(id) cannot be quoted: \(reason.message(fixing: fix))"
        case .unknownOrganisation(let key, let known):
            return "there is no organisation '\(key)'; "
                + (known.isEmpty
                    ? fix(.addOrganisation(key))
                    : "the organisations are \(known.joined(separator: ", "))")
        case .duplicateOrganisation(let key):
            return "organisation \(key) is already recorded; use another key, or " + fix(.updateOrganisation(key))
        case .organisationInUse(let key, let activities):
            return "organisation \(key) ran \(counted(activities, "activity", plural: "activities")); move them to "
                + "another organisation " + fix(.moveActivities(organisation: key)) + " before removing it"
        case .reasonRequired(let activity, let update, let themes, let field):
            return "this changes the answer to \(themes.count == 1 ? "theme" : "themes") "
                + "\(themes.joined(separator: ", ")), which people were told about in update \(update) of \(activity); "
                + "add \(name(field)) \"why this changed\", in words for the public (the next update says what changed, and why)"
        case .unknownUser(let email):
            return "there is no user \(email); " + fix(.listUsers)
        case .duplicateUser(let email):
            return "there is already a user \(email); " + fix(.changeRole(user: email))
        case .userDisabled(let email):
            return "user \(email) is disabled; " + fix(.resetUser(email))
        case .passwordLinkInvalid:
            return "this link to set a password has been used or has expired; ask an admin for a new one"
        case .updateOutdated(let activity, let number):
            return "the record of \(activity) has changed since update \(number) was published, so another format of it"
                + " would not say the same; " + fix(.publishNewUpdate)
        case .renditionExists(let activity, let number, let format):
            return "update \(number) of \(activity) was already published as \(format); "
                + fix(.showRendition(activity: activity, number: number, format: format))
        case .notInTheme(let id, let theme):
            return "contribution \(id) is not in theme \(theme), so it cannot be taken out of it; "
                + fix(.listThemeContributions(activity: nil, theme: theme))
        case .quoteNotChosen(let id, let theme):
            return "contribution \(id) is not a chosen quote of theme \(theme); " + fix(.listQuotes)
        case .parentCycle(let id):
            return "result '\(id)' is its own ancestor through parent/id; fix the parents in the file"
        case .notEmpty:
            return "the database already holds a record; " + fix(.generateAnyway)
        case .recordChanged(let ref):
            return "the record of \(ref) changed while the update was being made; nothing was recorded, so run it again"
        case .unknownUpdate(let activity, let number, let count):
            return "\(activity) has no update \(number); "
                + (count == 0
                    ? "none has been recorded yet (" + fix(.recordUpdate(activity: activity)) + ")"
                    : "its updates are numbered 1 to \(count)")
        case .unknownRecipient(let activity, let ref):
            return
                "participant '\(ref)' is not owed a follow-up for \(activity); "
                + fix(.seeFollowUps(activity: activity))
        }
    }

    private static func choices(_ lead: String, _ known: [String]) -> String {
        known.isEmpty ? "it has none yet" : "\(lead): \(known.joined(separator: ", "))"
    }
}

extension Optional where Wrapped == Int64 {
    /// The id of a row that has been saved or fetched, which always has one.
    /// - Throws: ``StoreError/database(message:busy:)`` for a row that was never saved: a defect.
    package func saved() throws -> Int64 {
        guard let self else { throw StoreError.database(message: "a row was used before it was saved", busy: false) }
        return self
    }
}

/// Why a contribution cannot be chosen as a quote.
public enum QuoteRefusal: Sendable, Equatable, CustomStringConvertible {
    case anonymous
    case noConsent(participant: String)
    case erased(participant: String)
    case outOfScope
    case notLinked(theme: String)
    case erasedText

    public var description: String { message(fixing: \.commandLine) }

    /// The reason, with each way to put it right as `fix` says it.
    public func message(fixing fix: (Remedy) -> String) -> String {
        switch self {
        case .anonymous: "it has no participant, so nobody agreed to be quoted"
        case .noConsent(let participant):
            "participant \(participant) did not agree to be quoted; "
                + fix(.recordQuoteConsent(participant: participant))
        case .erased(let participant): "participant \(participant) was erased"
        case .outOfScope: "it is marked out of scope"
        case .notLinked(let theme):
            "it is not linked to theme \(theme); " + fix(.linkToTheme(theme: theme))
                + ", or choose it under its own theme"
        case .erasedText: "its text was erased"
        }
    }
}
