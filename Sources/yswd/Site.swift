import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

extension Yswd {
    struct Site: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a static \"you said, we did\" website from every recorded update.",
            discussion: HelpText.reflowed(
                """
                Writes index.html (updates grouped by service, newest first), a page per update under updates/,
                the open data (data/updates.json and data/updates.csv) and an Atom feed (feed.atom). Links are
                relative, so the site works opened from disk and from any web server; with --base-url the feed's
                links are absolute. Only recorded updates appear (yswd publish ACTIVITY --record).

                Examples:
                  yswd site --out public/
                  yswd site --out public/ --base-url https://example.org/you-said-we-did/
                """))

        @OptionGroup var store: StoreOptions
        @Option(help: "The folder to write the site into (created if missing).")
        var out: String
        @Option(
            help: ArgumentHelp(
                "The address the site will be served from, for absolute links in the feed (default: the public-url "
                    + "setting)."))
        var baseURL: String?
        @OptionGroup var template: TemplateOptions

        func validate() throws {
            if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                throw ValidationError(
                    "--base-url \(baseURL) is not a web address; use one like https://example.org/updates/")
            }
        }

        func run() async throws {
            try OutputPaths.checkFolder(out)
            let templates = try template.load(required: SiteBuilder.requiredTemplates)
            let store = try await self.store.open()
            let updates = try await store.allUpdates()
            let settings = try await store.settings()
            var site = SiteBuilder(
                templates: templates, organisation: settings.organisation, baseURL: baseURL ?? settings.publicURL)
            site.followUps = try await FollowUpFigures.all(in: store)
            let files = site.build(updates)
            try OutputPaths.makeFolder(out, privateOnly: false)
            let root = URL(fileURLWithPath: out)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let file = root.appending(path: path)
                try OutputPaths.makeFolder(file.deletingLastPathComponent().path, privateOnly: false)
                try OutputPaths.write(data, to: file.path)
            }
            print(
                "Wrote the site for \(counted(updates.count, "update")) to \(out) (open \(root.appending(path: "index.html").path))."
            )
        }
    }

    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write out the built-in templates, to change them for your organisation's branding.",
            discussion: HelpText.reflowed(
                """
                Writes every built-in Mustache template into the folder. Change them, then pass the folder to
                publish, followups or site with --template DIR. Templates ending .md escape for Markdown, .txt not
                at all, and the others for HTML; {{name}} is escaped, {{{name}}} is not (avoid it).

                Example:
                  yswd templates --out branding/
                """))

        @Option(help: "The folder to write the templates into (created if missing).")
        var out: String

        func run() async throws {
            try OutputPaths.checkFolder(out)
            try OutputPaths.makeFolder(out, privateOnly: false)
            let templates = TemplateSet.builtIn
            for name in TemplateSet.builtInNames {
                let path = URL(fileURLWithPath: out).appending(path: "\(name).mustache").path
                try OutputPaths.write(Data((templates.source(of: name) ?? "").utf8), to: path)
            }
            print("Wrote \(TemplateSet.builtInNames.count) templates to \(out).")
        }
    }
}
