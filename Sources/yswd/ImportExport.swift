import ArgumentParser
import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct ImportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring records in from other systems (survey exports: `yswd contribution import`).",
            subcommands: [DecidimImport.self])
    }

    struct ExportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write records out for other systems and open data.",
            subcommands: [DecidimExport.self, OpenConsultExport.self])
    }
}

extension Yswd.ImportCommand {
    struct DecidimImport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decidim-results",
            abstract: "Import Decidim accountability results as decisions (re-importing updates them).",
            discussion: HelpText.reflowed(
                """
                The file is Decidim's results CSV (semicolon-separated). Each result becomes a decision keyed
                decidim-ID; its HTML description is kept as plain text; progress 100 is done, above 0 in progress,
                else planned; end_date is the due date. An empty title or a parent id not in the file rejects the
                whole file. Imported decisions answer no theme until you link them:
                  yswd decision update ACTIVITY decidim-12 --responds-to THEME

                Example:
                  yswd import decidim-results GP-ACCESS-2026 results.csv --locale en
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "Decidim's results CSV.")
        var file: String
        @Option(help: "The language of the title and description columns (title/LOCALE).")
        var locale: String = "en"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await store.open()
            _ = try await store.activity(ref: activity)
            let results = try DecidimResults.read(path: file, locale: locale)
            let decisions = results.map { result in
                Decision(
                    activityId: 0, key: "decidim-\(result.id)", text: result.title, status: result.status,
                    due: result.endDate, description: result.description, starts: result.startDate,
                    progress: result.progress, externalId: result.id)
            }
            var parents: [String: String] = [:]
            for result in results { parents[result.id] = result.parentId }
            let report = try await store.importResults(
                activity: activity, decisions, parents: parents,
                source: ImportSource(
                    name: (file as NSString).lastPathComponent, sha256: try FileDigest.sha256(path: file).hex))
            print(
                "Imported \(counted(results.count, "Decidim result")): \(counted(report.created, "new decision")), \(report.updated) updated."
            )
        }
    }
}

extension Yswd.ExportCommand {
    struct DecidimExport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decidim-results",
            abstract: "Write an activity's decisions as Decidim accountability results CSV.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd export decidim-results GP-ACCESS-2026 --out results.csv
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "The file to write (default: standard output).")
        var out: String?
        @Option(help: "The language of the title and description columns.")
        var locale: String = "en"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let decisions = try await store.open().decisions(activity: activity)
            let exportIds = Dictionary(
                decisions.compactMap { decision in decision.id.map { ($0, decision.externalId ?? decision.key) } },
                uniquingKeysWith: { first, _ in first })
            let results = decisions.map { decision in
                DecidimResult(
                    id: decision.externalId ?? decision.key, parentId: decision.parentId.flatMap { exportIds[$0] },
                    title: decision.text,
                    description: decision.description, startDate: decision.starts, endDate: decision.due,
                    progress: decision.progress ?? (decision.status == .done ? 100 : nil), status: decision.status)
            }
            try Output.write(DecidimResults.csv(results, locale: locale), to: out)
        }
    }

    struct OpenConsultExport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openconsult",
            abstract: "Write the OpenConsult consultations and status-changes datasets as CSV.",
            discussion: HelpText.reflowed(
                """
                Writes consultations.csv (ConsultationId, Title, StatusCurrent, Description, OrganizationName,
                StatusCurrentMapped) and status-changes.csv (ConsultationId, Status, StatusDate, StatusMapped).
                OrganizationName is the name of the activity's organisation (activity --organisation KEY), or else
                the organisation setting (yswd config set organisation NAME).

                Example:
                  yswd export openconsult --out open-data/
                """))

        @Option(help: "The folder to write the two files in (default: the current folder).")
        var out: String = "."
        @OptionGroup var rules: RuleOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try rules.check()
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandError("--out \(out) is not a folder; create it first")
            }
            let store = try await store.open()
            let (loopRules, today) = try await rules.resolve(store)
            let recorded = try await store.recordedDates()
            let activities = await Dictionary(uniqueKeysWithValues: try store.activities().map { ($0.ref, $0) })
            let names = try await store.organisationNames()
            let consultations = try await store.loopSummaries().map { summary in
                OpenConsult.Consultation(
                    id: summary.ref, title: summary.title, description: activities[summary.ref]?.purpose ?? "",
                    state: loopRules.status(of: summary, asOf: today).state, recorded: recorded[summary.ref],
                    opens: summary.opens, closes: summary.closes)
            }
            let folder = URL(fileURLWithPath: out)
            try Output.write(
                OpenConsult.consultationsCSV(consultations) { consultation in
                    activities[consultation.id]?.organisationId.flatMap { names[$0] } ?? loopRules.settings.organisation
                },
                to: folder.appending(path: "consultations.csv").path())
            try Output.write(
                OpenConsult.statusChangesCSV(consultations, asOf: today),
                to: folder.appending(path: "status-changes.csv").path())
            print(
                "Wrote \(counted(consultations.count, "consultation")) to \(out)/consultations.csv and status-changes.csv."
            )
        }
    }
}

enum Output {
    /// Writes text to a file, or to standard output when no file is named.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError("could not write \(path): check that its folder exists and can be written to")
        }
    }
}
