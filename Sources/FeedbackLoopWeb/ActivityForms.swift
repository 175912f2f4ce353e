import FeedbackLoop

/// The small forms on an activity's page: add a contribution, a theme, a decision, an explanation.
/// After a refused post, the form posted shows what was typed and its errors.
struct ActivityForms: Sendable {
    static let labels: [String: String] = [
        "contribution-text": "What was said", "contribution-method": "How it was gathered",
        "contribution-received": "Received", "contribution-participant": "Participant’s reference",
        "contribution-language": "The language it was given in",
        "theme-key": "Short name", "theme-said": "You said", "theme-contribution": "Contributions",
        "theme-reason": "Why this changed", "decision-key": "Short name", "decision-text": "What was decided",
        "decision-responds-to": "Themes it answers", "decision-status": "Status", "decision-due": "Due",
        "decision-decided-by": "Decided by", "decision-reason": "Why this changed", "explain-theme": "Theme",
        "explain-why": "Why it was not acted on", "explain-category": "Kind of reason",
        "explain-reason": "Why this changed", "evaluate-worked": "What worked",
        "evaluate-improve": "What to do better", "evaluate-shared-with": "Shared with",
    ]

    var contribution: [TextField]
    var contributionMethod: SelectField
    /// Where the team has more than one language.
    var contributionLanguage: SelectField?
    var theme: [TextField]
    var decision: [TextField]
    var decisionThemes: CheckboxGroup
    var decisionPartly: CheckboxGroup
    var decisionStatus: SelectField
    var explainTheme: SelectField
    var explain: [TextField]
    var explainCategory: SelectField
    var evaluation: [TextField]
    var themeReason: TextField
    var decisionReason: TextField
    var explainReason: TextField
    var hasThemes: Bool

    init(record: ActivityRecord, form: FormData?, errors: [FieldError], languages: [LanguageTag] = [.english]) {
        let themeKeys = record.themes.map(\.key)
        contribution = [
            TextField("contribution-text", "What was said", form: form, errors: errors, multiline: true),
            TextField.date("contribution-received", "Received (optional)", form: form, errors: errors),
            TextField("contribution-participant", "Participant’s reference (optional)", form: form, errors: errors),
        ]
        contributionMethod = SelectField(
            "contribution-method", "How it was gathered (optional)",
            choices: [("", "Not recorded")] + EngagementMethod.allCases.map { ($0.rawValue, $0.rawValue.readable) },
            form: form, errors: errors)
        if languages.count > 1 {
            contributionLanguage = SelectField(
                "contribution-language", "The language it was given in",
                hint: "A quote of it is published in this language, marked as such.",
                choices: languages.map { ($0.code, $0.englishName) }, form: form, errors: errors)
        }
        theme = [
            TextField(
                "theme-key", "Short name",
                hint: "A short name for the theme, unique in this activity, such as phone-queue.",
                form: form, errors: errors),
            TextField(
                "theme-said", "You said", hint: "What people said, in their terms.", form: form, errors: errors,
                multiline: true),
            TextField(
                "theme-contribution", "Contributions (optional)",
                hint: "Numbers of this activity’s contributions, such as 12 or 12-40, separated by commas.",
                form: form, errors: errors),
        ]
        decision = [
            TextField(
                "decision-key", "Short name", hint: "A short name for the decision, unique in this activity.",
                form: form,
                errors: errors),
            TextField("decision-text", "What was decided or done", form: form, errors: errors, multiline: true),
            TextField("decision-decided-by", "Decided by (optional)", form: form, errors: errors),
            TextField.date(
                "decision-due", "Due (optional)", hint: "For a commitment: when it will be done.", form: form,
                errors: errors),
        ]
        decisionThemes = CheckboxGroup(
            "decision-responds-to", "Themes it answers", values: themeKeys, form: form, errors: errors)
        decisionPartly = CheckboxGroup(
            "decision-partly", "Themes it answers only in part (optional)",
            hint: "A theme answered in part also needs an explanation of what was not done.", values: themeKeys,
            form: form, errors: errors)
        decisionStatus = SelectField(
            "decision-status", "Status", choices: DeliveryStatus.allCases.map { ($0.rawValue, $0.rawValue.readable) },
            form: form,
            errors: errors)
        explainTheme = SelectField(
            "explain-theme", "Theme", choices: record.themes.map { ($0.key, "\($0.key): \($0.said)") }, form: form,
            errors: errors)
        explain = [
            TextField(
                "explain-why", "Why it was not acted on", hint: "In participants’ terms.", form: form, errors: errors,
                multiline: true)
        ]
        explainCategory = SelectField(
            "explain-category", "Kind of reason",
            choices: ReasonCategory.allCases.map { ($0.rawValue, $0.rawValue.readable) },
            form: form, errors: errors)
        evaluation = [
            TextField("evaluate-worked", "What worked", form: form, errors: errors, multiline: true),
            TextField("evaluate-improve", "What to do better next time", form: form, errors: errors, multiline: true),
            TextField(
                "evaluate-shared-with", "Shared with (optional)",
                hint: "Partners the learning was shared with, separated by commas.",
                form: form, errors: errors),
        ]
        func reason(_ prefix: String) -> TextField {
            TextField(
                prefix + "reason", "Why this changed (needed once an update has been published)",
                hint: "In words for the public: the next update says what changed, and why.", form: form,
                errors: errors)
        }
        themeReason = reason("theme-")
        decisionReason = reason("decision-")
        explainReason = reason("explain-")
        hasThemes = !themeKeys.isEmpty
    }
}
