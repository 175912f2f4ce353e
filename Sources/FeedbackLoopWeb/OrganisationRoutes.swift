import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// The organisations in the care system that run engagement, for the yearly report: list, add,
/// rename and remove (editors), as `yswd organisation` does.
struct OrganisationRoutes {
    let store: any RecordStore
    static let labels = ["key": "Short name", "name": "Name", "kind": "Kind"]

    func add(to routes: Routes) {
        routes.page("/organisations") { request, context, _ in
            return try await page(context, form: nil, errors: [])
        }
        routes.change("/organisations", needs: .editor) { request, context, change in
            let (form, store, _) = change.parts
            var check = FormCheck(labels: Self.labels)
            let kind = check.value("kind") { try OrganisationKind.parse(form.typed("kind"), field: .entry("kind")) }
            if let kind, check.isEmpty {
                do {
                    switch form.typed("action") {
                    case "remove": try await store.removeOrganisation(key: form.typed("key"))
                    case "update":
                        _ = try await store.updateOrganisation(key: form.typed("key"), name: form["name"], kind: kind)
                    default:
                        _ = try await store.addOrganisation(
                            Organisation(key: form.typed("key").trimmed, name: form.typed("name"), kind: kind))
                    }
                    return Pages.redirect("/organisations")
                } catch let error as any UserFacingError {
                    check.note(error, default: "key")
                }
            }
            return try await page(context, form: form, errors: check.errors)
        }
    }

    private func page(_ context: StaffContext, form: FormData?, errors: [FieldError]) async throws -> Response {
        let kinds = OrganisationKind.allCases.map { ($0.rawValue, $0.words) }
        let adding = form?.typed("action") == "add" || form?.typed("action").isEmpty == true ? form : nil
        let view = await OrganisationsPage(
            frame: Frame("Organisations", context: context),
            rows: try store.organisations().map { organisation in
                OrganisationsPage.Row(
                    key: organisation.key, name: organisation.name, kind: organisation.kind.words,
                    activities: String(organisation.activities),
                    kinds: OrganisationKind.allCases.map { kind in
                        Choice(value: kind.rawValue, label: kind.words, selected: kind == organisation.kind)
                    })
            },
            fields: [
                TextField(
                    "key", "Short name", hint: "Unique in the record, such as uhcw.", form: adding, errors: errors
                ),
                TextField("name", "Name", form: adding, errors: errors),
            ],
            kind: SelectField("kind", "Kind", choices: kinds, form: adding, errors: errors),
            canEdit: context.account?.role.allows(.editor) ?? false, errors: errors)
        return Pages.render("organisations", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}

struct OrganisationsPage: Sendable {
    var frame: Frame
    var rows: [Row]
    var fields: [TextField]
    var kind: SelectField
    var canEdit: Bool
    var hasErrors: Bool
    var errors: [FieldError]

    struct Row: Sendable {
        var key: String
        var name: String
        var kind: String
        var activities: String
        var kinds: [Choice]
    }

    init(frame: Frame, rows: [Row], fields: [TextField], kind: SelectField, canEdit: Bool, errors: [FieldError]) {
        self.frame = frame
        self.rows = rows
        self.fields = fields
        self.kind = kind
        self.canEdit = canEdit
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}

extension OrganisationKind {
    /// The kind as people name it: "ICB", "NHS trust".
    var words: String {
        switch self {
        case .icb: "ICB (integrated care board)"
        case .trust: "NHS trust"
        case .council: "Council"
        case .primaryCare: "Primary care"
        case .voluntary: "Voluntary organisation"
        case .healthwatch: "Healthwatch"
        case .other: "Other"
        }
    }
}

extension EngagementLevel {
    /// The level as people name it: "Co-design".
    var words: String {
        switch self {
        case .inform: "Inform"
        case .consult: "Consult"
        case .involve: "Involve"
        case .coDesign: "Co-design"
        case .coProduce: "Co-produce"
        }
    }
}
