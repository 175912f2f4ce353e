import FeedbackLoop

/// A text field of a form, as its partial shows it: label, hint, the value typed, and its error.
struct TextField: Sendable {
    var name: String
    var label: String
    var hint: String?
    var value: String
    var error: String?
    var multiline = false
    var kind = "text"
    /// The ids of the hint and the error, for `aria-describedby`.
    var describedBy: String?

    init(
        _ name: String, _ label: String, hint: String? = nil, form: FormData?, errors: [FieldError],
        multiline: Bool = false
    ) {
        self.name = name
        self.label = label
        self.hint = hint
        value = form?.typed(name) ?? ""
        error = errors.first { $0.field == name }?.message
        self.multiline = multiline
        describedBy = describing(name, hint: hint, error: error)
    }

    /// A date: typed as 30/04/2027 or 2027-04-30.
    static func date(_ name: String, _ label: String, hint: String? = nil, form: FormData?, errors: [FieldError])
        -> TextField
    {
        TextField(
            name, label, hint: (hint.map { $0 + " " } ?? "") + "For example, 30/04/2027.", form: form, errors: errors)
    }
}

/// Tick boxes for a list of values, several of which may be ticked.
struct CheckboxGroup: Sendable {
    var name: String
    var legend: String
    var hint: String?
    var options: [Option]
    var error: String?
    var describedBy: String?

    struct Option: Sendable {
        var id: String
        var value: String
        var label: String
        var checked: Bool
    }

    init(
        _ name: String, _ legend: String, hint: String? = nil, values: [String], labels: [String: String] = [:],
        form: FormData?, errors: [FieldError]
    ) {
        self.name = name
        self.legend = legend
        self.hint = hint
        let ticked = Set(form?.all(name) ?? [])
        options = values.enumerated().map { index, value in
            Option(
                id: index == 0 ? name : "\(name)-\(index + 1)", value: value, label: labels[value] ?? value.readable,
                checked: ticked.contains(value))
        }
        error = errors.first { $0.field == name }?.message
        describedBy = describing(name, hint: hint, error: error)
    }
}

/// A list to choose one from.
struct SelectField: Sendable {
    var name: String
    var label: String
    var hint: String?
    var options: [Choice]
    var error: String?
    var describedBy: String?

    init(
        _ name: String, _ label: String, hint: String? = nil, choices: [(value: String, label: String)],
        form: FormData?, errors: [FieldError]
    ) {
        self.name = name
        self.label = label
        self.hint = hint
        let chosen = form?.typed(name) ?? ""
        options = choices.map { Choice(value: $0.value, label: $0.label, selected: $0.value == chosen) }
        error = errors.first { $0.field == name }?.message
        describedBy = describing(name, hint: hint, error: error)
    }
}

/// The `aria-describedby` of a field: its hint's id and its error's, when it has them.
func describing(_ name: String, hint: String?, error: String?) -> String? {
    let ids = [hint.map { _ in name + "-hint" }, error.map { _ in name + "-error" }].compactMap { $0 }
    return ids.isEmpty ? nil : ids.joined(separator: " ")
}

extension String {
    /// A fixed-list value as words: "co-design" reads "Co design".
    var readable: String { replacingOccurrences(of: "-", with: " ").capitalisedFirst }
}

/// Collects the problems with a form, one per field, by checking each value as the command line would.
struct FormCheck {
    private(set) var errors: [FieldError] = []
    let labels: [String: String]
    /// What this form's field names start with, where one page holds several forms (`theme-`).
    let prefix: String

    /// The form's own names for fields the store names otherwise (`key` for a theme's short name).
    let aliases: [String: String]

    init(labels: [String: String], prefix: String = "", aliases: [String: String] = [:]) {
        self.labels = labels
        self.prefix = prefix
        self.aliases = aliases
    }

    /// The value `check` gives, or nil with the error noted against its field.
    mutating func value<T>(_ name: String, _ check: () throws -> T) -> T? {
        do { return try check() } catch let error as any UserFacingError {
            note(error, default: name)
            return nil
        } catch {
            errors.append(FieldError(field: name, message: "\(error)"))
            return nil
        }
    }

    /// Notes an error from the store or the domain against the field it names.
    mutating func note(_ error: any UserFacingError, default name: String) {
        let field = error.field.map(formName) ?? name
        let message = error.message(
            naming: { labels[formName($0)] ?? $0.name.readable.lowercased() }, fixing: WebRemedy.words
        ).capitalisedFirst
        errors.append(FieldError(field: labels[field] == nil ? name : field, message: message))
    }

    /// The form's name for a field an error names.
    private func formName(_ field: Field) -> String {
        let name = Self.aliases[field.name] ?? field.name
        return aliases[name] ?? prefix + name
    }

    /// The command line's names for the values that pick a record, as the forms name their fields.
    static let aliases = ["KEY": "key", "REF": "ref", "EMAIL": "email", "change-reason": "reason"]

    /// Notes a problem in the form's own words against `field`.
    mutating func note(_ message: String, field: String) {
        errors.append(FieldError(field: field, message: message))
    }

    var isEmpty: Bool { errors.isEmpty }
}
