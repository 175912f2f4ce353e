import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

extension Yswd {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the participant-facing \"you said, we did\" update of an activity.",
            discussion: HelpText.reflowed(
                """
                Formats: html (one self-contained web page), easy-read (a web page in easy read), md, txt, and the
                open data json and csv. Without --out the update goes to standard output.

                Every update says where to ask questions: set a public contact first (yswd config set
                public-contact, or the activity's --public-contact). It is meant to be published and is never a
                privacy finding. Themes come most views first; out-of-scope contributions are not counted, and
                anonymous ones count as views, not people. An update is published once every theme has an answer;
                --early publishes sooner, and the update names each unanswered theme and when its answer is due.

                Every update after the first opens with "What has changed since DATE, and why": the changes to
                the answers since the latest recorded update, each with the --reason given for it.

                Quotes are only those a person chose with `yswd quote add`, from participants who agreed to be
                quoted (--quote-mode auto takes the earliest instead; --quotes N is the most per theme).

                Every update passes the privacy guard first: contact details and participant refs are never
                included, and every text is checked for email addresses, UK phone numbers, NHS numbers, full UK
                postcodes, participants' names and addresses, and people's names (a title such as Dr or Nurse
                before a name, and the names of staff recorded as the lead or as who decided). A finding stops
                the update and is listed with an ID; after checking it, pass --allow ID to publish anyway (the
                waiver is recorded in history).

                Easy read uses each text's --easy-read wording. Where one is missing, sentences over 15 words
                and words over 3 syllables are listed as warnings; --strict makes them errors.

                --record keeps the exact bytes published, with their SHA-256, the date, format and channels, and
                the answer each theme had, as an update that is never changed (see `yswd updates`).

                Examples:
                  yswd publish GP-ACCESS-2026 --format html --out gp-access.html
                  yswd publish GP-ACCESS-2026 --format easy-read \\
                    --out gp-access-easy-read.html --record --channel web
                  yswd publish GP-ACCESS-2026 --format json --early
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "The format to write.")
        var format = PublishFormat.html
        @Option(help: "The file to write (default: standard output).")
        var out: String?
        @OptionGroup var template: TemplateOptions
        @Flag(help: "Record the update as published: its exact bytes, hash, date, format and channels.")
        var record = false
        @Option(
            name: .customLong("channel"),
            help: ArgumentHelp(
                "With --record: a channel it was published through (repeat; default: the activity's feedback "
                    + "channels)."))
        var channels: [FeedbackChannel] = []
        @Option(name: .customLong("allow"), help: "Publish despite this privacy finding, after checking it (repeat).")
        var allowed: [String] = []
        @Option(help: "Quotes per theme, from participants who agreed to be quoted (0 for none).")
        var quotes = 2
        @Option(
            name: .customLong("quote-mode"),
            help: "chosen: the quotes chosen with `yswd quote add`; auto: the earliest under each theme.")
        var quoteMode = QuoteMode.chosen
        @Flag(help: "Publish while themes are unanswered: the update names them and says when an answer is due.")
        var early = false
        @Flag(help: "Make easy read warnings errors.")
        var strict = false
        @Option(help: "The publication date (YYYY-MM-DD; default: today in the team's time zone).")
        var asOf: String?

        func validate() throws {
            if !channels.isEmpty, !record {
                throw ValidationError("--channel says where a recorded update went; add --record")
            }
        }

        func run() throws {
            _ = try EntryRules.number(quotes, field: .entry("quotes"), in: 0...20)
            let date = try Parse.date(asOf, field: .entry("as-of"))
            if let out { try OutputPaths.checkFile(out) }
            let templates = try template.load(required: format.template.map { [$0] } ?? [])
            if template.folder != nil, format.template == nil {
                note("note: --template is not used for \(format.rawValue), which is open data")
            }
            let store = try self.store.open()
            let prepared = try PreparedUpdate.prepare(
                store: store, ref: activity, format: format, templates: templates, asOf: date, quotesPerTheme: quotes,
                quoteMode: quoteMode)
            let publication = prepared.publication
            let waived = try prepared.check(early: early, strict: strict, allowing: allowed)
            for warning in prepared.easyReadWarnings { note("warning: easy read: \(warning)") }
            if !prepared.unanswered.isEmpty {
                note(
                    "note: published early: the update says these have no answer yet: "
                        + prepared.unanswered.joined(separator: ", "))
            }
            if prepared.unthemed > 0 {
                note(
                    "note: published early: the update says \(counted(prepared.unthemed, "view")) "
                        + "\(prepared.unthemed == 1 ? "is" : "are") not yet grouped into themes")
            }
            for key in prepared.doneButPromised {
                note(
                    "warning: decision \(key) is done, but its text still says what we will do; give what was done "
                        + "with `yswd decision update \(activity) \(key) --text \"...\"`")
            }

            if prepared.snapshot.activity.publicSummary == nil {
                note(
                    "note: no public summary is recorded, so the purpose is published as \"What we asked, and why\"; "
                        + "give the words people were told with `yswd activity update \(activity) --public-summary TEXT`"
                )
            }
            if record {
                let recorded = try prepared.record(in: store, channels: channels, waivers: waived)
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
