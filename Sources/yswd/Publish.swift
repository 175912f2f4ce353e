import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the participant-facing \"you said, we did\" update of an activity.",
            discussion: HelpText.reflowed(
                """
                Formats: html (one self-contained web page), easy-read (a web page in easy read), md, txt, and the
                open data json and csv. Without --out the update goes to standard output.

                Every update passes the privacy guard first: contact details and participant refs are never
                included, quotes come only from participants who agreed to be quoted, and every text is checked
                for email addresses, UK phone numbers, NHS numbers and full UK postcodes. A finding stops the
                update and is listed with an ID; after checking it, pass --allow ID to publish anyway (the
                waiver is recorded in history). The public contact (yswd config set public-contact, or the
                activity's --public-contact) is meant to be published and is never a finding.

                --record keeps the exact bytes published, with their SHA-256, the date, format and channels, and
                the answer each theme had, as an update that is never changed (see `yswd updates`).

                Examples:
                  yswd publish GP-ACCESS-2026 --format html --out gp-access.html
                  yswd publish GP-ACCESS-2026 --format easy-read \\
                    --out gp-access-easy-read.html --record --channel web
                  yswd publish GP-ACCESS-2026 --format json
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(
            name: .customLong("format"), help: "html | easy-read | md | txt | json | csv.",
            completion: PublishFormat.completion)
        var formatName = "html"
        @Option(help: "The file to write (default: standard output).")
        var out: String?
        @OptionGroup var template: TemplateOptions
        @Flag(help: "Record the update as published: its exact bytes, hash, date, format and channels.")
        var record = false
        @Option(
            name: .customLong("channel"),
            help: ArgumentHelp(
                "With --record: a channel it was published through (repeat; default: the activity's feedback "
                    + "channels). One of: \(FeedbackChannel.allowedValues)."))
        var channels: [String] = []
        @Option(name: .customLong("allow"), help: "Publish despite this privacy finding, after checking it (repeat).")
        var allowed: [String] = []
        @Option(help: "Quotes per theme, from participants who agreed to be quoted (0 for none).")
        var quotes = 2
        @Option(help: "The publication date (YYYY-MM-DD; default: today in the team's time zone).")
        var asOf: String?

        func validate() throws {
            if !channels.isEmpty, !record {
                throw ValidationError("--channel says where a recorded update went; add --record")
            }
        }

        func run() throws {
            _ = try EntryRules.number(quotes, option: "--quotes", in: 0...20)
            let format = try PublishFormat.parse(formatName, option: "--format")
            let channels: [FeedbackChannel] = try Parse.values(self.channels, option: "--channel")
            let date = try Parse.date(asOf, option: "--as-of")
            if let out { try OutputPaths.checkFile(out) }
            let templates = try template.load(required: format.template.map { [$0] } ?? [])
            if template.folder != nil, format.template == nil {
                note("note: --template is not used for \(format.rawValue), which is open data")
            }
            let store = try self.store.open()
            let snapshot = try store.updateSnapshot(
                ref: activity, asOf: date ?? store.settings().today(), quotesPerTheme: quotes)
            let publication = try UpdateRenderer(templates: templates).render(snapshot, as: format)
            let waived = try PrivacyGuard.review(PrivacyGuard.scan(snapshot), allowing: allowed).map {
                PrivacyWaiver(id: $0.id, kind: $0.kind.rawValue, location: $0.location)
            }
            let unanswered = snapshot.record.themes.filter { !$0.answer.isAnswered }.map(\.key)
            if !unanswered.isEmpty {
                note("warning: not yet answered, and the update says so: \(unanswered.joined(separator: ", "))")
            }
            if record {
                let recorded = try store.recordUpdate(
                    ref: activity,
                    UpdateRecording(
                        snapshot: snapshot, format: format.rawValue,
                        channels: channels.isEmpty ? snapshot.activity.feedbackChannels : channels,
                        bytes: publication.bytes, sha256: publication.sha256, data: publication.data,
                        quotes: publication.quotes, waivers: waived))
                note("Recorded as update \(recorded.number) of \(activity) (SHA-256 \(recorded.sha256)).")
            } else {
                try store.recordWaivers(ref: activity, waived)
            }
            if let out {
                try OutputPaths.write(publication.bytes, to: out)
                note("Wrote \(out).")
            } else {
                FileHandle.standardOutput.write(publication.bytes)
            }
        }
    }
}
