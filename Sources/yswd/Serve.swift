import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore
import FeedbackLoopWeb

extension Yswd {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the staff web app: the whole record, for the whole team, in a browser.",
            discussion: HelpText.reflowed(
                """
                It listens on this computer only (127.0.0.1) unless --host says otherwise. For a team server,
                put it behind a reverse proxy that provides HTTPS and give --secure-cookies (see the README's
                "Team server"). Add the first admin with `yswd user add EMAIL --name NAME --role admin` and
                open the link it prints.

                Example:
                  yswd serve --database /srv/yswd/yswd.sqlite --port 8080
                """))

        @Option(help: "The address to listen on (default 127.0.0.1: this computer only).")
        var host = "127.0.0.1"
        @Option(help: "The port to listen on.")
        var port = 8080
        @Flag(help: "Mark the session cookie Secure: for a server reached only over HTTPS, through a proxy.")
        var secureCookies = false
        @Flag(
            help: ArgumentHelp(
                "Take each client's address from the last entry of X-Forwarded-For.",
                discussion: "Only for a server that nothing but your proxy can reach: sign-in limits count by address.")
        )
        var trustProxy = false
        @Option(help: "The most connections served at once; more wait their turn (default 1000).")
        var maxConnections = 1000
        @OptionGroup var store: StoreOptions

        func run() async throws {
            _ = try EntryRules.number(port, field: .entry("port"), in: 1...65_535)
            _ = try EntryRules.number(maxConnections, field: .entry("max-connections"), in: 1...100_000)
            let store = try await store.open(concurrentReads: true)
            print("yswd is serving \(self.store.databasePath) at http://\(host):\(port)/ (stop it with Ctrl-C).")
            try await WebServer(
                store: store, host: host, port: port, secureCookies: secureCookies, trustProxy: trustProxy,
                maxConnections: maxConnections, notifyCallbackPath: try await store.settings().notifyCallbackPath
            ).run()
        }
    }
}
