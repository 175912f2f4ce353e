import FeedbackLoop

struct ImportPage: Sendable {
    var frame: Frame
    var title: String
    var action: String
    var hasErrors = false
    var errors: [FieldError] = []
    var fileError: String?

    init(frame: Frame, activity: Activity) {
        self.frame = frame
        title = activity.title
        action = Paths.activity(activity.ref) + "/import?csrf=" + frame.csrf
    }

    mutating func fail(_ problem: Upload.Problem) {
        hasErrors = true
        errors = [FieldError(field: "file", message: problem.message)]
        fileError = problem.message
    }
}

struct ImportColumnsPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var action: String
    var name: String
    var textColumns: CheckboxGroup
    var columns: [SelectField]
    var delimiter: SelectField
    var createThemes: Bool
    var outcome: String?
    var hasErrors: Bool
    var errors: [FieldError]

    init(
        frame: Frame, activity: Activity, action: String, header: [String], form: FormData, outcome: String?,
        errors: [FieldError]
    ) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        self.action = action
        name = form.typed("name")
        textColumns = CheckboxGroup(
            "text-column", "Columns of what people said", hint: "Tick every column that holds people’s words.",
            values: header, form: form, errors: errors)
        let choices = [("", "None")] + header.map { ($0, $0) }
        columns = [
            ("id-column", "Each response’s id (makes importing the file again safe)"),
            ("date-column", "The date each response was received"), ("method-column", "How each response was gathered"),
            ("participant-column", "Each respondent’s reference"), ("email-column", "Email addresses (kept private)"),
            ("phone-column", "Phone numbers (kept private)"),
            ("wants-feedback-column", "Asked to hear back (yes or no)"),
            ("may-quote-column", "Agreed to be quoted (yes or no)"), ("theme-column", "Theme keys, separated by ;"),
        ].map { SelectField($0.0, $0.1, choices: choices, form: form, errors: errors) }
        delimiter = SelectField(
            "delimiter", "Columns are separated by", choices: [(",", "Commas"), (";", "Semicolons"), ("tab", "Tabs")],
            form: form, errors: errors)
        createThemes = form.ticked("create-themes")
        self.outcome = outcome
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
