import ArgumentParser
import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore
import Foundation
import Synchronization

extension Yswd.ContributionCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import survey responses from a CSV export (SmartSurvey, Microsoft Forms, Citizen Space, …).",
            discussion: HelpText.reflowed(
                """
                Each named text column becomes its own contribution; blank cells are skipped and counted. All or
                nothing: every row that cannot be imported is listed with its line, column and value, and nothing
                is written (unless --skip-invalid leaves those rows out). Importing the same file again adds
                nothing. History records the import once.

                The encoding (UTF-8, UTF-16 or Windows-1252) and the separator are found from the file unless
                given, and so is the date form when --date-format is not given. A method column may hold the
                survey tool's own words: map each to a method with --method-map "Online survey=survey"; yswd
                remembers the mapping for the next import. Without --participant-column, each distinct email
                address or phone number is one participant, found again when the file is imported again.

                Example:
                  yswd contribution import GP-ACCESS-2026 responses.csv \\
                    --text-column "What could be better?" --text-column "Anything else?" \\
                    --id-column "Response ID" --date-column "Submitted" \\
                    --date-format "dd/MM/yyyy HH:mm" \\
                    --method-column "How" --method-map "Online survey=survey" \\
                    --method-map "Paper=survey" \\
                    --participant-column "Respondent" --email-column "Email" \\
                    --wants-feedback-column "Keep me informed" --may-quote-column "Quote me"
                """))

        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: "The CSV file.")
        var file: String
        @Option(name: .customLong("text-column"), help: "A column holding what people said; repeat for several.")
        var textColumns: [String] = []
        @Option(help: "The column with each response's id (makes re-imports exact).")
        var idColumn: String?
        @Option(help: "The column with the date each response was received.")
        var dateColumn: String?
        @Option(help: "The date's Unicode pattern, e.g. dd/MM/yyyy HH:mm (default: YYYY-MM-DD or DD/MM/YYYY).")
        var dateFormat: String?
        @Option(help: "How every response was gathered.")
        var method: EngagementMethod?
        @Option(help: "The column giving how each response was gathered.")
        var methodColumn: String?
        @Option(
            name: .customLong("method-map"),
            help:
                "What a value of the method column means, as VALUE=METHOD (\"Online survey=survey\"); repeat for several."
        )
        var methodMap: [String] = []
        @Option(help: "The column with each respondent's pseudonymous ref (unknown refs create participants).")
        var participantColumn: String?
        @Option(help: "The column with respondents' email addresses (kept private).")
        var emailColumn: String?
        @Option(help: "The column with respondents' phone numbers (kept private).")
        var phoneColumn: String?
        @Option(help: "The yes/no column: asked to hear back.")
        var wantsFeedbackColumn: String?
        @Flag(help: "Everyone who left an email address or phone number asked to hear back (when no column says).")
        var contactWantsFeedback = false
        @Option(help: "The yes/no column: agreed to be quoted.")
        var mayQuoteColumn: String?
        @Option(
            help: ArgumentHelp(
                "The language the responses were given in, when not the team's first (a BCP 47 tag such as cy or pl):"
                    + " a quote of one is published in it, marked as such, and respondents who left contact details"
                    + " hear back in it unless a language is already recorded for them.", valueName: "TAG"))
        var language: String?
        @Option(
            help: ArgumentHelp(
                "The column with the language each response was given in: one of the team's languages, by its tag"
                    + " (cy), English name (Welsh) or own name (Cymraeg); a blank cell takes --language."))
        var languageColumn: String?
        @Option(help: "The column with theme keys, separated by ';'.")
        var themeColumn: String?
        @Flag(help: "Create unknown theme keys (with the key as provisional wording).")
        var createThemes = false
        @Option(help: "The field separator: ',', ';' or tab (default: the one the header uses most).")
        var delimiter: CSVReader.Delimiter?
        @Option(help: "The file's character encoding (default: found from the file).")
        var encoding: CSVReader.Encoding?
        @Option(help: "Refuse fields larger than this many KB (default 1024).")
        var maxFieldKB: Int = 1024
        @Flag(help: "Leave out the rows that cannot be imported (history lists them) instead of importing nothing.")
        var skipInvalid = false
        @Flag(help: "Check the whole file and report what would be imported, without writing anything.")
        var dryRun = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if textColumns.isEmpty { throw ValidationError("Give at least one --text-column NAME.") }
            if method != nil, methodColumn != nil {
                throw ValidationError("--method and --method-column cannot both be given.")
            }
            if dateFormat != nil, dateColumn == nil { throw ValidationError("--date-format needs --date-column.") }
            if createThemes, themeColumn == nil { throw ValidationError("--create-themes needs --theme-column.") }
            if !methodMap.isEmpty, methodColumn == nil { throw ValidationError("--method-map needs --method-column.") }
        }

        /// The `--method-map` values, read.
        private func methodMapping() throws -> [String: EngagementMethod] {
            var map: [String: EngagementMethod] = [:]
            for pair in methodMap {
                guard let equals = pair.lastIndex(of: "="), !pair[..<equals].trimmed.isEmpty else {
                    throw CommandError(
                        "--method-map '\(pair)' is not VALUE=METHOD; write it as \"Online survey=survey\"")
                }
                map[String(pair[..<equals]).trimmed] = try EngagementMethod.parse(
                    String(pair[pair.index(after: equals)...]), field: .entry("method-map"))
            }
            return map
        }

        func run() async throws {
            _ = try EntryRules.number(maxFieldKB, field: .entry("max-field-kb"), in: 1...102_400)
            let given = try methodMapping()
            let store = try await store.open()
            _ = try await store.activity(ref: activity)
            let sniff = try FileSniff.sniff(path: file)
            let encoding = encoding ?? sniff.encoding
            if self.encoding == nil, encoding != .utf8 {
                FileHandle.standardError.write(
                    Data("Reading the file as \(encoding.label): \(sniff.encodingReason).\n".utf8))
            }
            let delimiter = (delimiter ?? sniff.delimiter).byte
            var datePattern = dateFormat
            if let dateColumn, datePattern == nil {
                var sample = try CSVReader(path: file, delimiter: delimiter, encoding: encoding)
                datePattern = DateReader.detect(try FilePreview.values(of: dateColumn, in: &sample, limit: 500))
            }
            let settings = try await store.settings()
            let columns = await ContributionColumns(
                text: textColumns, id: idColumn, date: dateColumn, datePattern: datePattern,
                method: method, methodColumn: methodColumn,
                participant: participantColumn, email: emailColumn, phone: phoneColumn,
                wantsFeedback: wantsFeedbackColumn, mayQuote: mayQuoteColumn, themes: themeColumn,
                methodMap: try store.methodMappings().merging(given) { _, new in new },
                contactMeansWantsFeedback: contactWantsFeedback, language: languageColumn,
                languages: settings.languages)
            let (hash, size) = try FileDigest.sha256(path: file)
            let reader = try CSVReader(
                path: file, delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldKB * 1024)
            var rows = try ContributionRows(reader: reader, columns: columns, fileHash: hash, fileSize: size)
            let bar = ProgressBar()
            let report: ImportReport
            do {
                report = try await store.importContributions(
                    activity: activity, rows: &rows,
                    source: ImportSource(
                        name: (file as NSString).lastPathComponent, sha256: hash,
                        language: try await Self.language(language, store: store),
                        languageColumn: languageColumn != nil),
                    createThemes: createThemes, skipInvalid: skipInvalid, dryRun: dryRun,
                    progress: { bar.show(fraction: $0, rows: $1) })
            } catch let invalid as InvalidRows {
                bar.finish()
                var ways: [String] = []
                if let methodColumn, invalid.problems.contains(where: { $0.column == methodColumn }) {
                    ways.append("say what each method means with --method-map \"VALUE=METHOD\"")
                }
                ways.append("leave \(invalid.rows == 1 ? "it" : "them") out with --skip-invalid")
                throw CommandError(invalid.explained(ways: ways))
            } catch ImportError.fieldTooLarge(let line, let column, let limit) {
                bar.finish()
                throw CommandError(
                    "line \(line), column \(column): the field is over \(limit) KB; if it is right, raise the limit"
                        + " with --max-field-kb")
            }
            bar.finish()
            if !dryRun, !given.isEmpty { try await store.rememberMethodMappings(given) }
            if !report.leftOut.problems.isEmpty {
                print("Left out, as they cannot be imported:")
                for problem in report.leftOut.problems.prefix(InvalidRows.listed) { print("  " + problem.sentence) }
            }
            print(report.sentence(dryRun: dryRun))
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
/// The import's progress on standard error, drawn from the thread the import runs on.
final class ProgressBar: Sendable {
    private let enabled = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private let drawn = Mutex(false)

    func show(fraction: Double, rows: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let width = 30
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let line = String(
            format: "\r[%@%@] %3.0f%%  %d rows  %.0f rows/s  %d:%02d left ",
            String(repeating: "#", count: filled), String(repeating: ".", count: width - filled), fraction * 100, rows,
            rate,
            Int(left) / 60, Int(left) % 60)
        FileHandle.standardError.write(Data(line.utf8))
        drawn.withLock { $0 = true }
    }

    func finish() {
        if drawn.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

extension Yswd.ContributionCommand.Import {
    /// The file's language, checked as one of the team's; nil for the source language.
    static func language(_ text: String?, store: any RecordStore) async throws -> String? {
        guard let text else { return nil }
        let tag = try LanguageTag(parsing: text)
        let settings = try await store.settings()
        try settings.checkLanguage(tag)
        return tag == settings.sourceLanguage ? nil : tag.code
    }
}
