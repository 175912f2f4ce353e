import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

/// "Check before you publish": what will be recorded, and a last chance to change it. The choices
/// travel as hidden fields, so confirming publishes exactly what was checked.
struct PublishConfirmPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var heading: String
    var rows: [Row]
    var changes: [String]
    var hasChanges: Bool
    var changesHeading: String
    var isFirst: Bool
    var hidden: [Hidden]
    var button: String

    struct Row: Sendable {
        var key: String
        var value: String
    }

    struct Hidden: Sendable {
        var name: String
        var value: String
    }

    init(
        frame: Frame, activity: Activity, prepared: [PreparedUpdate], earlier: PublishedUpdate?,
        latest: PublishedUpdate?, waivers: [PrivacyWaiver], form: FormData
    ) {
        self.frame = frame
        title = activity.title
        path = Paths.activity(activity.ref)
        let formats = prepared.map { update in
            PublishPage.label(update.format)
                + (update.language.map {
                    " in \($0.language.englishName)\($0.bilingual ? " then \($0.source.englishName)" : "")"
                } ?? "")
        }
        let first = prepared.first
        if let earlier {
            heading = "Check before you add to update \(earlier.number)"
            button = "Add to update \(earlier.number)"
        } else {
            heading = "Check before you publish update \((latest?.number ?? 0) + 1)"
            button = "Publish update \((latest?.number ?? 0) + 1)"
        }
        let channels = form.all("channel").compactMap(FeedbackChannel.init(rawValue:))
        var rows = [
            Row(key: formats.count == 1 ? "Format" : "Formats", value: formats.joined(separator: ", ")),
            Row(
                key: "Where it is published",
                value: (channels.isEmpty ? activity.feedbackChannels : channels).map { $0.rawValue.readable }
                    .joined(separator: ", ").nonEmpty ?? "Not said"),
        ]
        if let unthemed = first?.unthemed, unthemed > 0 {
            rows.append(
                Row(
                    key: "Views not yet themed",
                    value: "\(counted(unthemed, "view")). The update says so, and when we will report on them."))
        }
        if let unanswered = first?.unanswered, !unanswered.isEmpty {
            rows.append(
                Row(
                    key: "Themes not yet answered",
                    value: unanswered.joined(separator: ", ") + ". The update says so, and when an answer is due."))
        }
        rows.append(
            Row(
                key: "Private details allowed",
                value: waivers.isEmpty
                    ? "None found"
                    : waivers.map { "\($0.id) (\($0.kind), in \($0.location))" }.joined(separator: "; ")))
        self.rows = rows
        let content = first.map { UpdateContent($0.snapshot) }
        changes = (content?.changes ?? []).map(Self.sentence)
        hasChanges = !changes.isEmpty
        isFirst = latest == nil
        changesHeading = latest.map { "What has changed since update \($0.number)" } ?? ""
        var hidden: [Hidden] = []
        for name in ["format", "channel", "allow"] {
            hidden += form.all(name).map { Hidden(name: name, value: $0) }
        }
        for name in ["early", "add-to", "language"] {
            if let value = form[name] { hidden.append(Hidden(name: name, value: value)) }
        }
        self.hidden = hidden
    }

    /// One change to an answer, in words.
    static func sentence(_ change: UpdateContent.Change) -> String {
        let what =
            switch change.kind {
            case "new-theme": "New theme"
            case "removed-theme": "Theme removed"
            case "changed-theme": "Theme reworded"
            case "new-decision": "New decision"
            case "changed-decision": "Decision changed"
            case "dropped-decision": "Decision dropped"
            case "removed-decision": "Decision removed"
            case "new-explanation": "New explanation"
            case "changed-explanation": "Explanation changed"
            case "withdrawn-explanation": "Explanation withdrawn"
            default: change.kind.readable
            }
        var sentence = "\(what) on ‘\(change.youSaid)’"
        switch (change.was, change.now) {
        case (let was?, let now?): sentence += ": it said “\(was)” and now says “\(now)”"
        case (nil, let now?): sentence += ": “\(now)”"
        case (let was?, nil): sentence += ": it said “\(was)”"
        case (nil, nil): break
        }
        return sentence + "." + (change.reason.map { " Why: \($0.trimmedSentence)." } ?? "")
    }
}

/// The page after an update is recorded: what was recorded, its files, and what happens next.
struct PublishDonePage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var heading: String
    var published: String
    var files: [File]
    var nextSteps: [String]
    var hasFollowUps: Bool
    var followUpsLink: String

    struct File: Sendable {
        var label: String
        var link: String

        /// A recorded rendition: "Web page", or "Web page in Welsh then English" with its language
        /// in the address.
        static func rendition(_ rendition: Rendition, base: String) -> File {
            let label = PublishFormat(rawValue: rendition.format).map(PublishPage.label) ?? rendition.format
            guard rendition.language != "en" else { return File(label: label, link: base + "/" + rendition.format) }
            let names = rendition.language.split(separator: "+").map {
                (try? LanguageTag(parsing: String($0)))?.englishName ?? String($0)
            }
            return File(
                label: label + " in " + names.joined(separator: " then "),
                link: base + "/" + rendition.format + "?language="
                    + (rendition.language.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
    }

    /// - Parameter owed: how many people are owed a personal follow-up now.
    init(frame: Frame, update: PublishedUpdate, owed followUps: Int) {
        self.frame = frame
        title = update.activityTitle
        path = Paths.activity(update.activityRef)
        heading = "Update \(update.number) recorded"
        published = "Published \(update.published.spoken)"
        let base = path + "/updates/\(update.number)"
        files = update.renditions.map { File.rendition($0, base: base) }
        if files.isEmpty {
            files = [
                File(label: PublishFormat(rawValue: update.format).map(PublishPage.label) ?? update.format, link: base)
            ]
        }
        hasFollowUps = followUps > 0
        followUpsLink = path + "/follow-ups"
        var steps: [String] = []
        if followUps > 0 {
            steps.append(
                "\(counted(followUps, "person", plural: "people")) \(followUps == 1 ? "is" : "are") owed a personal"
                    + " follow-up. Send them, then mark each one sent.")
        } else {
            steps.append("Nobody is owed a personal follow-up.")
        }
        steps.append("Build the public site so the update appears on it.")
        nextSteps = steps
    }
}

extension String {
    /// Without a full stop at the end, to end a sentence of its own.
    var trimmedSentence: String { hasSuffix(".") ? String(dropLast()) : self }

    /// Nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
