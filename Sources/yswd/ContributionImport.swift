import ArgumentParser
import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore
import Foundation

extension Yswd.ContributionCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import survey responses from a CSV export (SmartSurvey, Microsoft Forms, Citizen Space, …).",
            discussion: HelpText.reflowed(
                """
                Each named text column becomes its own contribution; blank cells are skipped and counted. All or
                nothing: a bad row stops the import with its line and column, and nothing is written. Importing the
                same file again adds nothing. History records the import once.

                Example:
                  yswd contribution import GP-ACCESS-2026 responses.csv \\
                    --text-column "What could be better?" --text-column "Anything else?" \\
                    --id-column "Response ID" --date-column "Submitted" \\
                    --date-format "dd/MM/yyyy HH:mm" \\
                    --method survey --participant-column "Respondent" --email-column "Email" \\
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
        @Option(help: "The column with each respondent's pseudonymous ref (unknown refs create participants).")
        var participantColumn: String?
        @Option(help: "The column with respondents' email addresses (kept private).")
        var emailColumn: String?
        @Option(help: "The column with respondents' phone numbers (kept private).")
        var phoneColumn: String?
        @Option(help: "The yes/no column: asked to hear back.")
        var wantsFeedbackColumn: String?
        @Option(help: "The yes/no column: agreed to be quoted.")
        var mayQuoteColumn: String?
        @Option(help: "The column with theme keys, separated by ';'.")
        var themeColumn: String?
        @Flag(help: "Create unknown theme keys (with the key as provisional wording).")
        var createThemes = false
        @Option(help: "The field separator: ',' (default), ';' or tab.")
        var delimiter: CSVDelimiter = .comma
        @Option(help: "The file's character encoding.")
        var encoding: CSVReader.Encoding = .utf8
        @Option(help: "Refuse fields larger than this many KB (default 1024).")
        var maxFieldKB: Int = 1024
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
        }

        func run() throws {
            _ = try EntryRules.number(maxFieldKB, field: .entry("max-field-kb"), in: 1...102_400)
            let columns = ContributionColumns(
                text: textColumns, id: idColumn, date: dateColumn, datePattern: dateFormat,
                method: method, methodColumn: methodColumn,
                participant: participantColumn, email: emailColumn, phone: phoneColumn,
                wantsFeedback: wantsFeedbackColumn, mayQuote: mayQuoteColumn, themes: themeColumn)
            let store = try store.open()
            _ = try store.activity(ref: activity)
            let (hash, size) = try FileDigest.sha256(path: file)
            let reader = try CSVReader(
                path: file, delimiter: delimiter.byte, encoding: encoding, maxFieldBytes: maxFieldKB * 1024)
            var rows = try ContributionRows(reader: reader, columns: columns, fileHash: hash, fileSize: size)
            var bar = ProgressBar()
            let report = try store.importContributions(
                activity: activity, rows: &rows,
                source: ImportSource(name: (file as NSString).lastPathComponent, sha256: hash),
                createThemes: createThemes, dryRun: dryRun, progress: { bar.show(fraction: $0, rows: $1) })
            bar.finish()
            print(report.sentence(dryRun: dryRun))
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
struct ProgressBar {
    private let enabled = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private var drawn = false

    mutating func show(fraction: Double, rows: Int) {
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
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
