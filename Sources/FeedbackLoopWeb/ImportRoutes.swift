import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Importing a survey export: upload the CSV (streamed to disk), pick the columns from its header,
/// check it (a dry run: counts, or the first problem with its line), then import it.
struct ImportRoutes {
    let store: EngagementStore
    let uploads: URL

    func add(to router: Router<StaffContext>) {
        router.get("/activities/{ref}/import") { request, context in
            _ = try Access.page(request, context, needs: .editor)
            let activity = try found { try store.activity(ref: context.parameters.require("ref")) }
            return Pages.render(
                "import",
                ImportPage(
                    frame: Frame("Import contributions", context: context, section: "activities"), activity: activity))
        }
        router.post("/activities/{ref}/import") { request, context in
            // The form is multipart, so its token comes in the address.
            guard let session = context.session else { throw Refusal.signInNeeded }
            try Access.sameOrigin(request)
            guard let token = request.uri.queryParameters["csrf"].map(String.init),
                Access.constantTimeEqual(token, session.csrfToken)
            else { throw Refusal.badToken }
            guard session.account.role.allows(.editor) else { throw Refusal.role(.editor) }
            let ref = try context.parameters.require("ref")
            let activity = try found { try store.activity(ref: ref) }
            removeOldUploads()
            do {
                let (file, name) = try await Upload.save(request, into: uploads, limit: WebLimits.uploadBytes)
                let upload = file.deletingPathExtension().lastPathComponent
                var query = URLComponents()
                query.queryItems = [URLQueryItem(name: "name", value: name)]
                return Pages.redirect(Paths.activity(ref) + "/import/\(upload)?\(query.percentEncodedQuery ?? "")")
            } catch let problem as Upload.Problem {
                var page = ImportPage(
                    frame: Frame("Import contributions", context: context, section: "activities"), activity: activity)
                page.fail(problem)
                return Pages.render("import", page, status: problem.status)
            }
        }
        router.get("/activities/{ref}/import/{upload}") { request, context in
            _ = try Access.page(request, context, needs: .editor)
            let ref = try context.parameters.require("ref")
            let activity = try found { try store.activity(ref: ref) }
            let file = try uploaded(context)
            let form = FormData(pairs: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
            return try columnsPage(
                activity: activity, file: file, form: form, context: context, outcome: nil, errors: [])
        }
        router.post("/activities/{ref}/import/{upload}") { request, context in
            let (form, store, _) = try await Access.change(request, context, store: store, needs: .editor)
            let ref = try context.parameters.require("ref")
            let activity = try found { try store.activity(ref: ref) }
            let file = try uploaded(context)
            let dryRun = form.typed("action") != "import"
            var errors: [FieldError] = []
            var outcome: String?
            do {
                let columns = ContributionColumns(
                    text: form.all("text-column"), id: form["id-column"], date: form["date-column"], datePattern: nil,
                    method: nil, methodColumn: form["method-column"], participant: form["participant-column"],
                    email: form["email-column"], phone: form["phone-column"],
                    wantsFeedback: form["wants-feedback-column"], mayQuote: form["may-quote-column"],
                    themes: form["theme-column"])
                if columns.text.isEmpty {
                    throw WebFormError("Tick at least one column of what people said", field: "text-column")
                }
                let (hash, size) = try FileDigest.sha256(path: file.path)
                let reader = try CSVReader(path: file.path, delimiter: Self.delimiter(form.typed("delimiter")))
                var rows = try ContributionRows(reader: reader, columns: columns, fileHash: hash, fileSize: size)
                let report = try store.importContributions(
                    activity: ref, rows: &rows, source: ImportSource(name: form["name"] ?? "upload.csv", sha256: hash),
                    createThemes: form.ticked("create-themes"), dryRun: dryRun)
                if !dryRun {
                    try? FileManager.default.removeItem(at: file)
                    return Pages.redirect(Paths.activity(ref) + "#contributions")
                }
                outcome = report.sentence(dryRun: true)
            } catch let error as any UserFacingError {
                var check = FormCheck(labels: ["text-column": "What people said"])
                check.note(error, default: "text-column")
                errors = check.errors
            }
            return try columnsPage(
                activity: activity, file: file, form: form, context: context, outcome: outcome, errors: errors)
        }
    }

    /// The uploaded file an address names: only a name this server gave, in its uploads folder.
    private func uploaded(_ context: StaffContext) throws -> URL {
        let name = try context.parameters.require("upload")
        guard UUID(uuidString: name) != nil else { throw Refusal.notFound() }
        let file = uploads.appending(path: name + ".csv")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Refusal.notFound("That upload has been imported or has expired. Upload the file again.")
        }
        return file
    }

    private func columnsPage(
        activity: Activity, file: URL, form: FormData, context: StaffContext, outcome: String?, errors: [FieldError]
    ) throws -> Response {
        var reader = try CSVReader(path: file.path, delimiter: Self.delimiter(form.typed("delimiter")))
        let header = (try? reader.next())?.fields ?? []
        let page = ImportColumnsPage(
            frame: Frame("Choose the columns", context: context, section: "activities"), activity: activity,
            action: Paths.activity(activity.ref) + "/import/" + file.deletingPathExtension().lastPathComponent,
            header: header, form: form, outcome: outcome, errors: errors)
        return Pages.render("import-columns", page, status: errors.isEmpty ? .ok : .badRequest)
    }

    static func delimiter(_ typed: String) -> UInt8 {
        switch typed {
        case ";": UInt8(ascii: ";")
        case "tab": UInt8(ascii: "\t")
        default: UInt8(ascii: ",")
        }
    }

    /// Uploads left for more than a day are removed: an upload holds what participants said.
    private func removeOldUploads() {
        let files =
            (try? FileManager.default.contentsOfDirectory(
                at: uploads, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        for file in files {
            let modified = (try? file.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            if let modified, modified < Date().addingTimeInterval(-86_400) {
                try? FileManager.default.removeItem(at: file)
            }
        }
    }
}

extension Upload.Problem {
    var status: HTTPResponse.Status {
        switch self {
        case .tooLarge: .contentTooLarge
        case .notCSV: .unsupportedMediaType
        case .noFile, .unreadable: .badRequest
        }
    }

    var message: String {
        switch self {
        case .tooLarge: "The file is larger than 50 MB. Split it into smaller files and import each one."
        case .notCSV(let name):
            "\(name) is not a CSV file. Save the survey export as CSV (a .csv file) and upload that."
        case .noFile: "Choose a CSV file to upload."
        case .unreadable: "The file could not be read. Upload it again."
        }
    }
}
