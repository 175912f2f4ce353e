import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopStore

struct ImportPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var action: String
    var hasErrors = false
    var errors: [FieldError] = []
    var fileError: String?

    init(frame: Frame, activity: Activity) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        action = Paths.activity(activity.ref) + "/import"
    }

    mutating func fail(_ problem: Upload.Problem) {
        hasErrors = true
        errors = [FieldError(field: "file", message: problem.message)]
        fileError = problem.message
    }
}

/// The steps of an import on one page: how the file reads, a preview, the columns, what each
/// method word means, and what the check found.
struct ImportColumnsPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var action: String
    var problemsLink: String
    var name: String
    var encoding: SelectField
    var delimiter: SelectField
    var dateFormat: SelectField
    var previewHeader: [String]
    var previewRows: [PreviewRow]
    var previewNote: String
    var textColumns: CheckboxGroup
    var columns: [SelectField]
    /// The language the responses were given in, where the team has more than one.
    var language: SelectField?
    var methods: [MethodValue]
    var hasMethods: Bool
    var contactWantsFeedback: Bool
    var createThemes: Bool
    var skipInvalid: Bool
    var outcome: String?
    var problems: [ProblemRow]
    var hasProblems: Bool
    var problemsHeading: String
    var hasErrors: Bool
    var errors: [FieldError]

    struct PreviewRow: Sendable {
        var cells: [String]
    }

    struct ProblemRow: Sendable {
        var line: Int
        var column: String
        var value: String
        var why: String
    }

    /// One distinct value of the method column and the method it means.
    struct MethodValue: Sendable {
        var value: String
        var valueName: String
        var select: SelectField
    }

    /// The labels of the fields an error can name.
    static let labels = [
        "text-column": "Columns of what people said", "id-column": "Each response’s id",
        "date-column": "The date each response was received", "method-column": "How each response was gathered",
        "participant-column": "Each respondent’s reference", "email-column": "Email addresses",
        "phone-column": "Phone numbers", "wants-feedback-column": "Asked to hear back",
        "may-quote-column": "Agreed to be quoted", "theme-column": "Themes’ short names",
        "language-column": "The language of each response", "language": "The language the responses were given in",
    ]

    init(
        frame: Frame, activity: Activity, upload: PendingUpload, reading: Reading, preview: FilePreview,
        methodValues: [String], remembered: [String: EngagementMethod], form: FormData,
        check: ImportRoutes.Check?, languages: [LanguageTag] = [.english]
    ) {
        let errors = check?.errors ?? []
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        action = path + "/import/" + upload.id
        problemsLink = action + "/problems.csv"
        name = upload.fileName
        var chosen = form
        chosen.setDefault("encoding", reading.encoding.rawValue)
        chosen.setDefault("delimiter", reading.delimiter.rawValue)
        encoding = SelectField(
            "encoding", "Character encoding",
            hint: "It was read as \(reading.sniff.encoding.label): \(reading.sniff.encodingReason). If letters"
                + " such as é or ’ look wrong in the preview, choose another.",
            choices: CSVReader.Encoding.allCases.map { ($0.rawValue, $0.label) }, form: chosen, errors: errors)
        delimiter = SelectField(
            "delimiter", "Columns are separated by",
            choices: CSVReader.Delimiter.allCases.map { ($0.rawValue, $0.label) }, form: chosen, errors: errors)
        dateFormat = SelectField(
            "date-format", "Dates are written as",
            hint: "Found from the dates in the file unless you choose.",
            choices: [("", "Found from the file")] + DateReader.usualPatterns.map { ($0, DateReader.example($0)) },
            form: chosen, errors: errors)
        let shown = min(preview.header.count, 30)
        previewHeader = Array(preview.header.prefix(shown))
        previewRows = preview.rows.map { row in
            PreviewRow(cells: (0..<shown).map { index in index < row.count ? String(row[index].prefix(80)) : "" })
        }
        previewNote =
            "The first \(counted(preview.rows.count, "row")) of the file"
            + (preview.header.count > shown ? ", and its first \(shown) of \(preview.header.count) columns." : ".")
        let header = preview.header
        textColumns = CheckboxGroup(
            "text-column", "Columns of what people said", hint: "Tick every column that holds people’s words.",
            values: header, labels: Dictionary(header.map { ($0, $0) }) { first, _ in first }, form: form,
            errors: errors)
        let choices = [("", "None")] + header.map { ($0, $0) }
        columns = [
            ("id-column", "Each response’s id", "Makes importing the file again safe."),
            ("date-column", "The date each response was received", nil),
            ("method-column", "How each response was gathered", "Next you say what each of its words means."),
            (
                "participant-column", "Each respondent’s reference",
                "If there is none, each email address or phone number is one person."
            ),
            ("email-column", "Email addresses", "Kept private. Used to send follow-ups."),
            ("phone-column", "Phone numbers", "Kept private."),
            ("wants-feedback-column", "Asked to hear back (yes or no)", nil),
            ("may-quote-column", "Agreed to be quoted (yes or no)", nil),
            ("theme-column", "Themes’ short names, separated by ;", nil),
        ].map { SelectField($0.0, $0.1, hint: $0.2, choices: choices, form: form, errors: errors) }
        if languages.count > 1 {
            let names = languages.map(\.englishName).joined(separator: ", ")
            columns.append(
                SelectField(
                    "language-column", "The language of each response",
                    hint: "Its cells name one of your languages (\(names)) by name or tag. People hear back in it.",
                    choices: choices, form: form, errors: errors))
            language = SelectField(
                "language", "The language the responses were given in",
                hint: "Where no column says. People who left contact details hear back in it, unless a language is"
                    + " recorded for them already.",
                choices: languages.map { ($0.code, $0.englishName) }, form: form, errors: errors)
        }
        let methodChoices =
            [("", "Choose a method")] + EngagementMethod.allCases.map { ($0.rawValue, $0.rawValue.readable) }
        methods = methodValues.enumerated().map { index, value in
            var answered = form
            let known =
                remembered[ContributionColumns.methodKey(value)]
                ?? (try? EngagementMethod.parse(value, field: "method"))
            if let known { answered.setDefault("method-\(index + 1)", known.rawValue) }
            return MethodValue(
                value: value, valueName: "method-value-\(index + 1)",
                select: SelectField(
                    "method-\(index + 1)", "‘\(value)’ means", choices: methodChoices, form: answered, errors: errors))
        }
        hasMethods = !methods.isEmpty
        contactWantsFeedback = form.ticked("contact-wants-feedback")
        createThemes = form.ticked("create-themes")
        skipInvalid = form.ticked("skip-invalid")
        outcome = check?.report.map { $0.sentence(lead: "No problems found. Importing will add ") }
        problems = (check?.invalid?.problems.prefix(InvalidRows.listed) ?? []).map {
            ProblemRow(line: $0.line, column: $0.column ?? "", value: $0.value ?? "", why: $0.why.capitalisedFirst)
        }
        hasProblems = !problems.isEmpty
        let invalidRows = check?.invalid?.rows ?? 0
        problemsHeading =
            "\(counted(invalidRows, "row")) cannot be imported"
            + (check?.invalid.map { $0.problems.count > InvalidRows.listed } == true
                ? ": the first \(InvalidRows.listed) problems" : "")
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
