import ArgumentParser
import FeedbackLoopPostgres
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
                  yswd init --database postgres://yswd@db.example.org/engagement
                """))

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let address = try store.address
            let created: Bool
            switch address {
            case .sqlite(let path):
                created = try SQLiteStore.open(path: path, mode: .createIfMissing, actor: store.actorName).created
            case .postgres(let server):
                let (opened, made) = try await PostgresStore.open(
                    server, mode: .createIfMissing, actor: store.actorName)
                opened.close()
                created = made
            }
            let name = address.shown
            print(
                created ? "Created the yswd database \(name)." : "\(name) is already a yswd database; it is up to date."
            )
        }
    }
}
