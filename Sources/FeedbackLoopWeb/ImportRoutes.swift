import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Importing a survey export: upload the CSV (kept in the record, so any app server can continue),
/// see how yswd reads it and a preview, choose the columns and what each method word means, check
/// it (every bad row listed), then import it. The upload is deleted when the import ends or is
/// abandoned.
struct ImportRoutes {
    let store: any RecordStore

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/import", needs: .editor) { request, context, _ in
            let activity = try await found { try await store.activity(ref: context.parameters.require("ref")) }
            return Pages.render(
                "import",
                ImportPage(
                    frame: Frame("Import contributions to \(activity.title)", context: context, section: "activities"),
                    activity: activity))
        }
        routes.upload("/activities/{ref}/import", needs: .editor) { request, context, account in
            // The form is multipart: its token is one of its parts, checked once the body is read.
            let ref = try context.parameters.require("ref")
            let activity = try await found { try await store.activity(ref: ref) }
            do {
                let sent = try await Upload.read(request, context: context, limit: WebLimits.uploadBytes)
                let sniff = try FileSniff.sniff(data: sent.content)
                try Upload.checkShape(sent.content, encoding: sniff.encoding, delimiter: sniff.delimiter)
                let id = try await store.acting(as: account.name).keepUpload(
                    activity: ref, userId: try Self.userId(account), fileName: sent.name, content: sent.content)
                return Pages.redirect(Paths.activity(ref) + "/import/\(id)")
            } catch let problem as Upload.Problem {
                var page = ImportPage(
                    frame: Frame("Import contributions to \(activity.title)", context: context, section: "activities"),
                    activity: activity)
                page.fail(problem)
                return Pages.render("import", page, status: problem.status)
            }
        }
        routes.page("/activities/{ref}/import/{upload}", needs: .editor) { request, context, account in
            let (activity, upload) = try await pending(context, account)
            let form = FormData(pairs: upload.choices.flatMap { name, values in values.map { (name, $0) } })
            return try await columnsPage(activity: activity, upload: upload, form: form, context: context, check: nil)
        }
        routes.change("/activities/{ref}/import/{upload}", needs: .editor) { request, context, change in
            let (form, store, account) = change.parts
            let (activity, upload) = try await pending(context, account)
            var choices = form.fields
            choices["csrf"] = nil
            choices["action"] = nil
            try await store.keepUploadChoices(id: upload.id, choices)
            let action = form.typed("action")
            guard action == "check" || action == "import" else {
                return try await columnsPage(
                    activity: activity, upload: upload, form: form, context: context, check: nil)
            }
            let reading = try Reading(upload: upload, form: form)
            let check = try await run(upload, reading: reading, form: form, store: store, dryRun: action == "check")
            if action == "import", let report = check.report {
                try await store.removeUpload(id: upload.id)
                return try await Pages.redirect(
                    Paths.activity(activity.ref) + "/contributions", saying: report.sentence(dryRun: false),
                    store: store, context: context)
            }
            return try await columnsPage(
                activity: activity, upload: upload, reading: reading, form: form, context: context, check: check)
        }
        routes.page("/activities/{ref}/import/{upload}/problems.csv", needs: .editor) { request, context, account in
            let (_, upload) = try await pending(context, account)
            let form = FormData(pairs: upload.choices.flatMap { name, values in values.map { (name, $0) } })
            let reading = try Reading(upload: upload, form: form)
            let check = try await run(upload, reading: reading, form: form, store: store, dryRun: true)
            var csv = "line,column,value,problem\r\n"
            for problem in check.invalid?.problems ?? [] {
                csv +=
                    [String(problem.line), problem.column ?? "", problem.value ?? "", problem.why]
                    .map(Self.csvField).joined(separator: ",") + "\r\n"
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"rows-that-cannot-be-imported.csv\"",
                ], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        routes.change("/activities/{ref}/import/{upload}/abandon", needs: .editor) { request, context, change in
            let (_, store, account) = change.parts
            let (activity, upload) = try await pending(context, account)
            try await store.removeUpload(id: upload.id)
            return try await Pages.redirect(
                Paths.activity(activity.ref),
                saying: "The import of \(upload.fileName) was abandoned. The uploaded file has been deleted.",
                store: store, context: context)
        }
    }

    /// The activity and the upload an address names: only the account that uploaded it can see it.
    private func pending(_ context: StaffContext, _ account: StaffAccount) async throws -> (Activity, PendingUpload) {
        let ref = try context.parameters.require("ref")
        let activity = try await found { try await store.activity(ref: ref) }
        guard
            let upload = try await store.upload(
                id: context.parameters.require("upload"), activity: ref, userId: try Self.userId(account))
        else {
            throw Refusal.notFound(
                "That upload has been imported, abandoned or has expired (uploads are kept for a day). Upload the"
                    + " file again.")
        }
        return (activity, upload)
    }

    /// What a check (or an import) found.
    struct Check: Sendable {
        var report: ImportReport?
        var invalid: InvalidRows?
        var errors: [FieldError] = []
    }

    /// Checks the upload with the form's choices (a dry run), or imports it.
    private func run(
        _ upload: PendingUpload, reading: Reading, form: FormData, store: any RecordStore, dryRun: Bool
    ) async throws -> Check {
        var check = Check()
        let text = form.all("text-column")
        if text.isEmpty {
            check.errors.append(
                FieldError(field: "text-column", message: "Tick at least one column of what people said"))
        }
        let mapping = try await methodMapping(upload, reading: reading, form: form, store: store)
        check.errors += mapping.errors
        let settings = try await store.settings()
        var language: String?
        if let given = form["language"] {
            do {
                let tag = try LanguageTag(parsing: given)
                try settings.checkLanguage(tag)
                language = tag == settings.sourceLanguage ? nil : tag.code
            } catch {
                check.errors.append(FieldError(field: "language", message: "Choose one of your team’s languages"))
            }
        }
        guard check.errors.isEmpty else { return check }
        let columns = ContributionColumns(
            text: text, id: form["id-column"], date: form["date-column"],
            datePattern: form["date-format"] ?? form["date-column"].flatMap { reading.detectDates(column: $0) },
            methodColumn: form["method-column"], participant: form["participant-column"],
            email: form["email-column"], phone: form["phone-column"], wantsFeedback: form["wants-feedback-column"],
            mayQuote: form["may-quote-column"], themes: form["theme-column"], methodMap: mapping.map,
            contactMeansWantsFeedback: form.ticked("contact-wants-feedback"), language: form["language-column"],
            languages: settings.languages)
        do {
            let hash = FileDigest.sha256(data: upload.content)
            var rows = try ContributionRows(
                reader: reading.reader(), columns: columns, fileHash: hash, fileSize: upload.content.count)
            check.report = try await store.importContributions(
                activity: upload.activityRef, rows: &rows,
                source: ImportSource(
                    name: upload.fileName, sha256: hash, language: language,
                    languageColumn: form["language-column"] != nil),
                createThemes: form.ticked("create-themes"), skipInvalid: form.ticked("skip-invalid"), dryRun: dryRun)
            if !dryRun { try await store.rememberMethodMappings(mapping.map) }
        } catch let invalid as InvalidRows {
            check.invalid = invalid
            check.errors.append(
                FieldError(
                    field: "problems",
                    message:
                        "\(counted(invalid.rows, "row")) cannot be imported. Fix \(invalid.rows == 1 ? "it" : "them")"
                        + " in the file and upload it again, or tick ‘Leave out rows that cannot be imported’"))
        } catch let error as any UserFacingError {
            var noted = FormCheck(labels: ImportColumnsPage.labels)
            noted.note(error, default: "text-column")
            check.errors += noted.errors
        }
        return check
    }

    /// What each distinct value of the method column means: as chosen on the form, else as
    /// remembered, else yswd's own word. A value with no meaning is an error on its own field.
    private func methodMapping(_ upload: PendingUpload, reading: Reading, form: FormData, store: any RecordStore)
        async throws -> (map: [String: EngagementMethod], errors: [FieldError])
    {
        guard let column = form["method-column"] else { return ([:], []) }
        var map: [String: EngagementMethod] = [:]
        var errors: [FieldError] = []
        let values = reading.methodValues(column: column)
        let remembered = try await store.methodMappings()
        for (index, value) in values.enumerated() {
            if let chosen = form["method-\(index + 1)"].flatMap(EngagementMethod.init(rawValue:)) {
                map[value] = chosen
            } else if let known = remembered[ContributionColumns.methodKey(value)]
                ?? (try? EngagementMethod.parse(value, field: "method"))
            {
                map[value] = known
            } else {
                errors.append(FieldError(field: "method-\(index + 1)", message: "Choose what ‘\(value)’ means"))
            }
        }
        return (map, errors)
    }

    private func columnsPage(
        activity: Activity, upload: PendingUpload, reading: Reading? = nil, form: FormData, context: StaffContext,
        check: Check?
    ) async throws -> Response {
        let reading = try reading ?? Reading(upload: upload, form: form)
        var preview = reading.reader()
        let page = ImportColumnsPage(
            frame: Frame("Choose the columns of \(upload.fileName)", context: context, section: "activities"),
            activity: activity, upload: upload, reading: reading,
            preview: (try? FilePreview.read(&preview, rows: 10)) ?? FilePreview(header: [], rows: []),
            methodValues: form["method-column"].map { reading.methodValues(column: $0) } ?? [],
            remembered: try await store.methodMappings(), form: form, check: check,
            languages: try await store.settings().languages)
        return Pages.render("import-columns", page, status: (check?.errors.isEmpty ?? true) ? .ok : .badRequest)
    }

    /// The id of a signed-in account (a session's account always has one).
    static func userId(_ account: StaffAccount) throws -> Int64 {
        guard let id = account.id else { throw Refusal.signInNeeded }
        return id
    }

    static func csvField(_ text: String) -> String {
        let text = SafeText.bidi(text)
        let safe = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// How an upload is read: the encoding and separator found (or chosen instead).
struct Reading: Sendable {
    let upload: PendingUpload
    let sniff: FileSniff
    let encoding: CSVReader.Encoding
    let delimiter: CSVReader.Delimiter

    init(upload: PendingUpload, form: FormData) throws {
        self.upload = upload
        sniff = try FileSniff.sniff(data: upload.content)
        encoding = form["encoding"].flatMap(CSVReader.Encoding.init(rawValue:)) ?? sniff.encoding
        delimiter = form["delimiter"].flatMap(CSVReader.Delimiter.init(rawValue:)) ?? sniff.delimiter
    }

    func reader() -> CSVReader {
        CSVReader(data: upload.content, delimiter: delimiter.byte, encoding: encoding)
    }

    /// The distinct values of the method column, in the order first met.
    func methodValues(column: String) -> [String] {
        var reader = reader()
        return (try? FilePreview.distinctValues(of: column, in: &reader, limit: 50)) ?? []
    }

    /// The date form that reads every date of a column, when one does.
    func detectDates(column: String) -> String? {
        var reader = reader()
        return DateReader.detect((try? FilePreview.values(of: column, in: &reader, limit: 2000)) ?? [])
    }
}

extension Upload.Problem {
    var status: HTTPResponse.Status {
        switch self {
        case .tooLarge: .contentTooLarge
        case .notCSV, .notText: .unsupportedMediaType
        case .noFile, .unreadable, .tooManyColumns, .headerTooLong: .badRequest
        }
    }

    var message: String {
        switch self {
        case .tooLarge: "The file is larger than 50 MB. Split it into smaller files and import each one."
        case .notCSV(let name):
            "\(name) is not a CSV file. Save the survey export as CSV (a .csv file) and upload that."
        case .notText(let name):
            "\(name) is a spreadsheet, not a CSV file. Open it, save it as CSV (a .csv file) and upload that."
        case .tooManyColumns(let count):
            "The file has \(count.formatted()) columns. yswd reads files of up to \(Upload.maxColumns) columns:"
                + " keep the columns you need and upload it again."
        case .headerTooLong:
            "The first line of the file, with the column names, is longer than 64 KB. Check that the file is a"
                + " survey export with one row of column names."
        case .noFile: "Choose a CSV file to upload."
        case .unreadable: "The file could not be read. Upload it again."
        }
    }
}
