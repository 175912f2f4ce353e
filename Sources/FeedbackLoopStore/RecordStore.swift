import FeedbackLoop
import Foundation

/// The whole engagement record, area by area: what the command line, the web app and the workflows
/// work with. Each engine (SQLite, PostgreSQL) implements it; every write is one transaction, and
/// history records each change, by ``actor``, in that same transaction.
public protocol RecordStore:
    ActivityStore, ContributionStore, AnswerStore, ParticipantStore, PublishingStore, AccountStore, SettingStore,
    HistoryStore, FactStore, ImportStore, DeliveryStore, TranslationStore
{
    /// Who is making the changes, as history records them.
    var actor: String { get }

    /// The same record, with changes recorded in history as made by `actor` (the signed-in user of
    /// the web app). It shares this store's connections.
    func acting(as actor: String) -> any RecordStore

    /// Changes whenever the record may have changed, by this process or another.
    func changeToken() async throws -> Int64
}
