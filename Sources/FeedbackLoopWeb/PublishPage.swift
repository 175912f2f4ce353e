import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

/// The publishing page: each format to preview, the formats, channels and languages to record, and
/// what the privacy guard and the answers say first.
struct PublishPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var formats: [Preview]
    var format: CheckboxGroup
    /// The latest recorded update, to add renditions to.
    var addTo: AddTo?

    struct AddTo: Sendable {
        var number: Int
        var checked: Bool
    }
    var channels: CheckboxGroup
    /// When the team publishes in more than one language: which, beside the source language.
    var language: SelectField?
    var findings: [Finding]
    var hasFindings: Bool
    var unanswered: String?
    var unthemed: String?
    var donePromised: String?
    var needsEarly: Bool

    var early: Bool
    var hasErrors: Bool
    var errors: [FieldError]

    static func label(_ format: PublishFormat) -> String {
        switch format {
        case .html: "Web page"
        case .easyRead: "Easy read web page"
        case .largePrint: "Large print web page"
        case .md: "Markdown"
        case .txt: "Plain text"
        case .json: "Open data (JSON)"
        case .csv: "Open data (CSV)"
        }
    }

    struct Preview: Sendable {
        var label: String
        var link: String
    }

    struct Finding: Sendable {
        var id: String
        var what: String
        var location: String
        var checked: Bool
    }

    init(
        frame: Frame, activity: Activity, prepared: PreparedUpdate?, latest: Int?, form: FormData?,
        errors: [FieldError], settings: TeamSettings = TeamSettings()
    ) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        let formats: [PublishFormat] = [.html, .easyRead, .largePrint, .md, .txt, .json, .csv]
        self.formats = formats.map {
            Preview(label: Self.label($0), link: Paths.activity(activity.ref) + "/preview/\($0.rawValue)")
        }
        format = CheckboxGroup(
            "format", "Formats to record", hint: "Each is a rendition of one update, not an update of its own.",
            values: formats.map(\.rawValue),
            labels: Dictionary(uniqueKeysWithValues: formats.map { ($0.rawValue, Self.label($0)) }),
            form: form ?? FormData(pairs: [("format", PublishFormat.html.rawValue)]), errors: errors)
        addTo = latest.map { AddTo(number: $0, checked: form?["add-to"] == String($0)) }
        let ticked = form.map { $0.all("channel") } ?? activity.feedbackChannels.map(\.rawValue)
        channels = CheckboxGroup(
            "channel", "Where it is published", values: FeedbackChannel.allCases.map(\.rawValue),
            form: FormData(pairs: ticked.map { ("channel", $0) }), errors: errors)
        let source = settings.sourceLanguage.englishName
        let others = settings.targetLanguages.flatMap { language in
            [
                (language.code, "\(source), with \(language.englishName) (\(language.ownName)) beside it"),
                (
                    "\(language.code)+\(settings.sourceLanguage.code)",
                    "\(source), with \(language.englishName) then \(source) on one page beside it"
                ),
            ]
        }
        language =
            others.isEmpty
            ? nil
            : SelectField(
                "language", "Languages",
                hint: "Every text must have a current translation; see the activity’s translations page.",
                choices: [("", "\(source) only")] + others, form: form, errors: errors)
        let allowed = Set(form?.all("allow") ?? [])
        findings = (prepared?.findings ?? []).map {
            Finding(
                id: $0.id, what: "\($0.kind.label): ‘\($0.match)’", location: $0.location,
                checked: allowed.contains($0.id))
        }
        hasFindings = !findings.isEmpty
        let missing = prepared?.unanswered ?? []
        unanswered =
            missing.isEmpty
            ? nil
            : "These themes have no answer yet: \(missing.joined(separator: ", ")). Publishing now says so, and when an answer is due."
        let unthemedViews = prepared?.unthemed ?? 0
        unthemed =
            unthemedViews == 0
            ? nil
            : "\(counted(unthemedViews, "view")) \(unthemedViews == 1 ? "is" : "are") not yet grouped into themes. "
                + "Publishing now says so, and when we will report on them."
        let promised = prepared?.doneButPromised ?? []
        donePromised =
            promised.isEmpty
            ? nil
            : "Marked done, but still saying what we will do: \(promised.joined(separator: ", ")). "
                + "Change each decision's text to say what was done."
        needsEarly = unanswered != nil || unthemed != nil
        early = form?.ticked("early") ?? false

        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
