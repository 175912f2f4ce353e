import FeedbackLoop
import FeedbackLoopStore

/// The form that adds or changes an activity: the command line's options as fields, checked by
/// the same rules, with every problem named against its field.
struct ActivityForm: Sendable {
    static let labels: [String: String] = [
        "ref": "Reference", "title": "Title", "purpose": "Purpose", "can-influence": "What people can influence",
        "level": "Level of engagement", "public-summary": "What we asked, and why",
        "constraints": "What could not change",
        "method": "Methods", "audience": "Audiences", "lead": "Lead", "partner": "Partners", "resources": "Resources",
        "service": "Service", "public-contact": "Public contact", "organisation": "Organisation",
        "announced": "Announced", "opens": "Opens", "closes": "Closes", "cadence-weeks": "Weeks between updates",
        "feedback-by": "Feedback promised by", "feedback-channel": "How people will hear back",
    ]

    /// Reads the form into `activity` (a new one, or the stored one being changed).
    static func read(
        _ form: FormData, into activity: inout Activity, organisations: [String: Int64], check: inout FormCheck,
        isNew: Bool
    ) {
        if isNew, let ref = check.value("ref", { try EntryRules.identifier(form.typed("ref"), field: .entry("ref")) }) {
            activity.ref = ref
        }
        for (name, path) in [("title", \Activity.title), ("purpose", \.purpose), ("can-influence", \.canInfluence)] {
            if let text = check.value(name, { try requireText(form.typed(name), field: .entry(name)) }) {
                activity[keyPath: path] = text
            }
        }
        if let level = check.value("level", { try EngagementLevel.parse(form.typed("level"), field: .entry("level")) })
        {
            activity.level = level
        }
        let optional: [(String, WritableKeyPath<Activity, String?>)] = [
            ("public-summary", \.publicSummary), ("constraints", \.constraints), ("lead", \.lead),
            ("resources", \.resources), ("service", \.service), ("public-contact", \.publicContact),
        ]
        for (name, path) in optional { activity[keyPath: path] = form[name]?.trimmed }
        activity.methods = form.all("method").compactMap { EngagementMethod(rawValue: $0) }
        activity.feedbackChannels = form.all("feedback-channel").compactMap { FeedbackChannel(rawValue: $0) }
        activity.audiences = list(form.typed("audience"))
        activity.partners = list(form.typed("partner"))
        let dates: [(String, WritableKeyPath<Activity, CalendarDate?>)] = [
            ("announced", \.announced), ("opens", \.opens), ("closes", \.closes), ("feedback-by", \.feedbackBy),
        ]
        for (name, path) in dates {
            let typed = form[name]
            activity[keyPath: path] = typed.flatMap { text in
                check.value(name) { try CalendarDate.parseTyped(text, field: .entry(name)) }
            }
        }
        activity.cadenceWeeks = form["cadence-weeks"].flatMap { text in
            check.value("cadence-weeks") {
                guard let weeks = Int(text.trimmed) else {
                    throw RecordError.outOfRange(field: .entry("cadence-weeks"), value: text, range: EntryRules.weeks)
                }
                return try EntryRules.number(weeks, field: .entry("cadence-weeks"), in: EntryRules.weeks)
            }
        }
        let organisation = form.typed("organisation")
        activity.organisationId = organisation.isEmpty ? nil : organisations[organisation]
        if check.isEmpty { _ = check.value("closes") { try activity.validate() } }
    }

    /// A list typed one per line or separated by commas.
    private static func list(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split { $0 == "\n" || $0 == "," }.map { $0.trimmed }.filter {
            !$0.isEmpty && seen.insert($0).inserted
        }
    }

    /// The form's fields, filled from what was typed (or the stored activity, as typed text).
    struct View: Sendable {
        var frame: Frame
        var heading: String
        var action: String
        var isNew: Bool
        var ref: TextField
        var texts: [TextField]
        var level: SelectField
        var methods: CheckboxGroup
        var details: [TextField]
        var organisation: SelectField
        var dates: [TextField]
        var channels: CheckboxGroup
        var hasErrors: Bool
        var errors: [FieldError]
        var cancel: String

        init(
            frame: Frame, heading: String, action: String, isNew: Bool, form: FormData?, errors: [FieldError],
            organisations: [OrganisationSummary], cancel: String
        ) {
            self.frame = frame
            self.heading = heading
            self.action = action
            self.isNew = isNew
            self.cancel = cancel
            ref = TextField(
                "ref", "Reference", hint: "A short reference, unique in the record, such as GP-ACCESS-2026.",
                form: form,
                errors: errors)
            texts = [
                TextField("title", "Title", hint: "The title people will recognise.", form: form, errors: errors),
                TextField(
                    "purpose", "Purpose", hint: "Why the activity is happening: the goal.", form: form, errors: errors,
                    multiline: true),
                TextField("can-influence", "What people can influence", form: form, errors: errors, multiline: true),
                TextField(
                    "public-summary", "What we asked, and why (optional)",
                    hint: "In the words people were told. Published instead of the purpose.", form: form,
                    errors: errors,
                    multiline: true),
                TextField(
                    "constraints", "What could not change, and why (optional)", form: form, errors: errors,
                    multiline: true),
            ]
            level = SelectField(
                "level", "Level of engagement", hint: "How much power is shared. Informing is not engagement.",
                choices: EngagementLevel.allCases.map { ($0.rawValue, $0.words) }, form: form,
                errors: errors)
            methods = CheckboxGroup(
                "method", "Methods (optional)", values: EngagementMethod.allCases.map(\.rawValue), form: form,
                errors: errors)
            details = [
                TextField(
                    "audience", "Audiences (optional)", hint: "Groups it sets out to reach, separated by commas.",
                    form: form, errors: errors),
                TextField(
                    "lead", "Lead (optional)", hint: "The person chased when feedback is due.", form: form,
                    errors: errors),
                TextField("partner", "Partners (optional)", hint: "Separated by commas.", form: form, errors: errors),
                TextField("resources", "Resources (optional)", form: form, errors: errors),
                TextField("service", "Service (optional)", form: form, errors: errors),
                TextField(
                    "public-contact", "Public contact (optional)", hint: "Shown in published updates.", form: form,
                    errors: errors),
            ]
            organisation = SelectField(
                "organisation", "Organisation (optional)",
                choices: [("", "None")] + organisations.map { ($0.key, $0.name) }, form: form, errors: errors)
            dates = [
                TextField.date(
                    "announced", "Announced (optional)", hint: "When people were first told about it.", form: form,
                    errors: errors),
                TextField.date("opens", "Opens (optional)", form: form, errors: errors),
                TextField.date("closes", "Closes (optional)", form: form, errors: errors),
                TextField(
                    "cadence-weeks", "Weeks between updates (optional)",
                    hint: "For an ongoing activity, instead of a close date.", form: form, errors: errors),
                TextField.date(
                    "feedback-by", "Feedback promised by (optional)",
                    hint: "When participants were told they would hear back.", form: form, errors: errors),
            ]
            channels = CheckboxGroup(
                "feedback-channel", "How people will hear back (optional)",
                values: FeedbackChannel.allCases.map(\.rawValue),
                form: form, errors: errors)
            hasErrors = !errors.isEmpty
            self.errors = errors
        }
    }

    /// The stored activity as a form would have posted it, to fill the change form.
    static func typed(_ activity: Activity, organisations: [String: Int64]) -> FormData {
        var pairs: [(String, String)] = [
            ("ref", activity.ref), ("title", activity.title), ("purpose", activity.purpose),
            ("can-influence", activity.canInfluence), ("level", activity.level.rawValue),
            ("public-summary", activity.publicSummary ?? ""), ("constraints", activity.constraints ?? ""),
            ("audience", activity.audiences.joined(separator: ", ")), ("lead", activity.lead ?? ""),
            ("partner", activity.partners.joined(separator: ", ")), ("resources", activity.resources ?? ""),
            ("service", activity.service ?? ""), ("public-contact", activity.publicContact ?? ""),
            ("announced", activity.announced?.description ?? ""), ("opens", activity.opens?.description ?? ""),
            ("closes", activity.closes?.description ?? ""),
            ("cadence-weeks", activity.cadenceWeeks.map(String.init) ?? ""),
            ("feedback-by", activity.feedbackBy?.description ?? ""),
            ("organisation", organisations.first { $0.value == activity.organisationId }?.key ?? ""),
        ]
        pairs += activity.methods.map { ("method", $0.rawValue) }
        pairs += activity.feedbackChannels.map { ("feedback-channel", $0.rawValue) }
        return FormData(pairs: pairs)
    }
}
