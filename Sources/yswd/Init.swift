import ArgumentParser
import FeedbackLoopSQLite
import FeedbackLoopStore

extension Yswd {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database (owner-only), or bring an existing one up to date.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd init --database /srv/engagement/yswd.sqlite
                """))

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let path = store.databasePath
            let (_, created) = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: store.actorName)
            print(
                created ? "Created the yswd database \(path)." : "\(path) is already a yswd database; it is up to date."
            )
        }
    }
}
