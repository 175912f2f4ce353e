import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Participants: publishers and admins only, as their contact details are private. Adding one,
/// and (admins only) erasing one's details, as `yswd participant erase` does.
struct ParticipantRoutes {
    let store: any RecordStore
    static let labels = [
        "ref": "Reference", "name": "Name", "email": "Email address", "phone": "Phone number",
        "address": "Postal address", "salutation": "Greeting in letters",
        "prefers": "Preferred format", "language": "Language", "change-language": "Language",
        "erase-ref": "Participant to erase", "confirm": "Type the reference again",
        "change-ref": "Participant to change", "change-email": "New email address", "change-phone": "New phone number",
    ]
    static let pageSize = 100

    /// A language chosen on a form: one of the team's, or nil when none was chosen.
    static func language(_ value: String?, field: String, store: any RecordStore) async throws -> String? {
        guard let value = value?.trimmed, !value.isEmpty else { return nil }
        let tag = try LanguageTag(parsing: value, field: .entry(field))
        try await store.settings().checkLanguage(tag, field: .entry(field))
        return tag.code
    }

    func add(to routes: Routes) {
        routes.page("/participants", needs: .publisher) { request, context, account in
            let page = request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
            // A link from a page that needs someone's details fixed opens the change form on them.
            let change = request.uri.queryParameters["change"].map { FormData(pairs: [("change-ref", String($0))]) }
            return try await render(context, account: account, page: page, form: change, errors: [], notice: nil)
        }
        routes.change("/participants", needs: .publisher) { request, context, change in
            let (form, store, account) = change.parts
            var check = FormCheck(labels: Self.labels)
            var language: String?
            do {
                language = try await Self.language(form["language"], field: "language", store: store)
            } catch let error as any UserFacingError {
                check.note(error, default: "language")
            }
            let contact = check.value("email") {
                try ParticipantContact(
                    participantId: 0, name: form["name"]?.trimmed, email: form["email"]?.trimmed,
                    phone: form["phone"]?.trimmed, address: form["address"]?.trimmed,
                    prefers: form["prefers"].flatMap { PreferredFormat(rawValue: $0) },
                    salutation: form["salutation"]?.trimmed,
                    language: language
                ).checked(against: nil)
            }
            if let contact, check.isEmpty {
                do {
                    try await store.addParticipant(
                        Participant(
                            ref: form.typed("ref").trimmed, wantsFeedback: form.ticked("wants-feedback"),
                            mayQuote: form.ticked("may-quote")), contact: contact)
                    return Pages.redirect("/participants")
                } catch let error as any UserFacingError {
                    check.note(error, default: "ref")
                }
            }
            return try await render(context, account: account, page: 1, form: form, errors: check.errors, notice: nil)
        }
        routes.change("/participants/change", needs: .publisher) { request, context, change in
            let (form, store, account) = change.parts
            var check = FormCheck(labels: Self.labels)
            do {
                let changeLanguage = try await Self.language(
                    form["change-language"], field: "change-language", store: store)
                try await store.updateParticipant(ref: form.typed("change-ref").trimmed) { participant, contact in
                    switch form.typed("change-feedback") {
                    case "yes": participant.wantsFeedback = true
                    case "no": participant.wantsFeedback = false
                    default: break
                    }
                    switch form.typed("change-quote") {
                    case "yes": participant.mayQuote = true
                    case "no": participant.mayQuote = false
                    default: break
                    }
                    var changed = contact
                    if let email = form["change-email"] { changed.email = email.trimmed }
                    if let phone = form["change-phone"] { changed.phone = phone.trimmed }
                    if let address = form["change-address"] { changed.address = address.trimmed }
                    if let salutation = form["change-salutation"] { changed.salutation = salutation.trimmed }
                    if let prefers = form["change-prefers"].flatMap({ PreferredFormat(rawValue: $0) }) {
                        changed.prefers = prefers
                    }
                    if let language = changeLanguage { changed.language = language }
                    contact = try changed.checked(against: contact)
                }
                return Pages.redirect("/participants")
            } catch let error as any UserFacingError {
                check.note(error, default: "change-ref")
            }
            return try await render(context, account: account, page: 1, form: form, errors: check.errors, notice: nil)
        }
        routes.change("/participants/erase", needs: .admin) { request, context, change in
            let (form, store, account) = change.parts
            let ref = form.typed("erase-ref").trimmed
            guard form.typed("confirm").trimmed == ref, !ref.isEmpty else {
                let error = FieldError(field: "confirm", message: "Type the participant’s reference again to confirm")
                return try await render(context, account: account, page: 1, form: form, errors: [error], notice: nil)
            }
            var check = FormCheck(labels: Self.labels)
            do {
                let report = try await store.eraseParticipant(
                    ref: ref, contributions: form.ticked("erase-contributions"))
                let notice =
                    "Erased \(ref)’s contact details"
                    + (report.contributionsRedacted > 0
                        ? " and the text of \(counted(report.contributionsRedacted, "contribution"))" : "")
                    + ". No copy is left in the database files."
                return try await render(context, account: account, page: 1, form: nil, errors: [], notice: notice)
            } catch let incomplete as ErasureIncomplete {
                return try await render(
                    context, account: account, page: 1, form: nil, errors: [],
                    notice: "\(incomplete.ref) is erased from the record, but another program was reading the"
                        + " database, so a copy of the erased details may still be in its files. When nothing else is"
                        + " using the database, erase \(incomplete.ref) again on this page to finish.")
            } catch let error as any UserFacingError {
                check.note(error, default: "erase-ref")
            }
            return try await render(context, account: account, page: 1, form: form, errors: check.errors, notice: nil)
        }
    }

    private func render(
        _ context: StaffContext, account: StaffAccount, page: Int, form: FormData?, errors: [FieldError],
        notice: String?
    ) async throws -> Response {
        let all = try await store.participants()
        let languages = try await store.settings().languages
        func languageChoices(_ none: String) -> [(String, String)] {
            [("", none)] + languages.map { ($0.code, "\($0.englishName) (\($0.ownName))") }
        }
        let pages = Pagination(count: all.count, page: page, size: Self.pageSize) { "/participants?page=\($0)" }
        let view = ParticipantsPage(
            frame: Frame(Titles.listing("Participants", page: pages.number), context: context, section: "participants"),
            heading: counted(all.count, "participant"),
            rows: all[pages.range].map {
                ParticipantsPage.Row(
                    ref: $0.ref, wantsFeedback: $0.wantsFeedback ? "Yes" : "No", mayQuote: $0.mayQuote ? "Yes" : "No",
                    prefers: $0.prefers.map { $0 == .text ? "Text message" : $0.rawValue.readable } ?? "",
                    contact: $0.erased ? "Erased" : $0.contactOnFile.joined(separator: ", "),
                    contributions: String($0.contributions))
            }, pages: pages,
            fields: [
                TextField("ref", "Reference", hint: "Pseudonymous, such as P-0042.", form: form, errors: errors),
                TextField(
                    "name", "Name (optional, private)", hint: "Printed above the address on letters.", form: form,
                    errors: errors),
                TextField(
                    "salutation", "Greeting in letters (optional, private)",
                    hint: "Such as Mrs Khan, for “Dear Mrs Khan,”. Left empty, it comes from the name.", form: form,
                    errors: errors),
                TextField("email", "Email address (optional, private)", form: form, errors: errors),
                TextField("phone", "Phone number (optional, private)", form: form, errors: errors),
                TextField(
                    "address", "Postal address (optional, private)", hint: "At most 6 lines.", form: form,
                    errors: errors, multiline: true),
            ],
            prefers: SelectField(
                "prefers", "Preferred format for a follow-up",
                choices: [("", "Not known")]
                    + PreferredFormat.allCases.map {
                        ($0.rawValue, $0 == .text ? "Text message" : $0.rawValue.readable)
                    },
                form: form, errors: errors),
            language: languages.count > 1
                ? SelectField(
                    "language", "Language they hear back in", choices: languageChoices("The team’s first language"),
                    form: form, errors: errors) : nil,
            erase: account.role.allows(.admin)
                ? [
                    TextField("erase-ref", "Participant to erase", form: form, errors: errors),
                    TextField("confirm", "Type the reference again", form: form, errors: errors),
                ] : [],
            change: [
                TextField("change-ref", "Participant to change", form: form, errors: errors),
                TextField("change-email", "New email address (optional)", form: form, errors: errors),
                TextField("change-phone", "New phone number (optional)", form: form, errors: errors),
                TextField(
                    "change-address", "New postal address (optional)", form: form, errors: errors, multiline: true),
                TextField("change-salutation", "New greeting in letters (optional)", form: form, errors: errors),
            ],
            changeChoices: [
                SelectField(
                    "change-feedback", "Wants to hear back",
                    choices: [("", "Leave as it is"), ("yes", "Yes"), ("no", "No")], form: form, errors: errors),
                SelectField(
                    "change-quote", "May be quoted", choices: [("", "Leave as it is"), ("yes", "Yes"), ("no", "No")],
                    form: form, errors: errors),
                SelectField(
                    "change-prefers", "Preferred format",
                    choices: [("", "Leave as it is")]
                        + PreferredFormat.allCases.map {
                            ($0.rawValue, $0 == .text ? "Text message" : $0.rawValue.readable)
                        },
                    form: form, errors: errors),
            ]
                + (languages.count > 1
                    ? [
                        SelectField(
                            "change-language", "Language they hear back in", choices: languageChoices("Leave as it is"),
                            form: form, errors: errors)
                    ] : []),
            canErase: account.role.allows(.admin), notice: notice, errors: errors)
        return Pages.render("participants", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}

struct ParticipantsPage: Sendable {
    var frame: Frame
    var heading: String
    var rows: [Row]
    var pages: Pagination
    var fields: [TextField]
    var prefers: SelectField
    /// Shown when the team publishes in more than one language.
    var language: SelectField?
    var erase: [TextField]
    var change: [TextField]
    var changeChoices: [SelectField]
    var canErase: Bool
    var notice: String?
    var hasErrors: Bool
    var errors: [FieldError]

    struct Row: Sendable {
        var ref: String
        var wantsFeedback: String
        var mayQuote: String
        var prefers: String
        var contact: String
        var contributions: String
    }

    init(
        frame: Frame, heading: String, rows: [Row], pages: Pagination, fields: [TextField], prefers: SelectField,
        language: SelectField?, erase: [TextField], change: [TextField], changeChoices: [SelectField], canErase: Bool,
        notice: String?,
        errors: [FieldError]
    ) {
        self.change = change
        self.changeChoices = changeChoices
        self.frame = frame
        self.heading = heading
        self.rows = rows
        self.pages = pages
        self.fields = fields
        self.prefers = prefers
        self.language = language
        self.erase = erase
        self.canErase = canErase
        self.notice = notice
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
