import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

extension Yswd {
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the participant-facing \"you said, we did\" update of an activity.",
            discussion: HelpText.reflowed(
                """
                Formats: html (one self-contained web page), easy-read (a web page in easy read), large-print, md,
                txt, and the open data json and csv. Without --out the update goes to standard output.

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
                the answer each theme had, as an update that is never changed (see `yswd updates`). One update can
                have several renditions: repeat --format to record them together, or add one later with --add-to
                N while the record still says what update N said. Another rendition never replaces an update.

                In another language: --language cy publishes the update in Welsh, from the activity's translations
                (yswd translate) and the team's catalogue of phrases; --bilingual cy publishes Welsh then English,
                section by section. With --record, the update is recorded in the source language with the
                language's renditions beside it, so no one hears later than anyone else; --add-to N --language cy
                adds them to update N, or publishes them again there when a translation has changed since (the
                earlier one is kept). While any text has no current translation (never translated, or translated from a text
                that has since changed), the update is refused, naming each; --allow-untranslated shows those in
                the source language, marked as such, with a line saying so. Easy read wording is checked in
                English only. The open data (json, csv) is in the source language.

                Examples:
                  yswd publish GP-ACCESS-2026 --format html --out gp-access.html
                  yswd publish GP-ACCESS-2026 --bilingual cy --out gp-cy.html
                  yswd publish GP-ACCESS-2026 --format html --format easy-read \\
                    --format large-print --out update-1 --record --channel web
                  yswd publish GP-ACCESS-2026 --record --add-to 1 --format md --out gp-1.md
                  yswd publish GP-ACCESS-2026 --format json --early
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(
            name: .customLong("format"),
            help: ArgumentHelp(
                "The format to write (default html); repeat for several renditions of one update, --out then "
                    + "naming a folder."))
        var formats: [PublishFormat] = []
        @Option(help: "The file to write (default: standard output); with several formats, a folder.")
        var out: String?
        @Option(
            name: .customLong("add-to"),
            help: ArgumentHelp(
                "Add the formats to recorded update N as further renditions of it, while the record still says what "
                    + "it said.", valueName: "N"))
        var addTo: Int?
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
        @Option(
            help: ArgumentHelp(
                "Publish in this language (a BCP 47 tag, one of the team's languages).", valueName: "TAG"))
        var language: String?
        @Option(
            help: ArgumentHelp(
                "Publish in this language, then in the source language, each whole (Welsh then English).",
                valueName: "TAG"))
        var bilingual: String?
        @Flag(
            help: ArgumentHelp(
                "With --language or --bilingual: publish while some texts have no current translation, showing them "
                    + "in the source language, marked as such."))
        var allowUntranslated = false

        func validate() throws {
            if !channels.isEmpty, !record {
                throw ValidationError("--channel says where a recorded update went; add --record")
            }
            if addTo != nil, !record { throw ValidationError("--add-to N adds to a recorded update; add --record") }
            if addTo != nil, !channels.isEmpty {
                throw ValidationError("--channel goes with a new update; a rendition added to it keeps its channels")
            }
            if Set(formats).count < formats.count { throw ValidationError("give each --format once") }
            if formats.count > 1, out == nil {
                throw ValidationError("several formats need --out FOLDER to write them to")
            }
            if language != nil, bilingual != nil {
                throw ValidationError("give --language or --bilingual, not both")
            }
            if allowUntranslated, language == nil, bilingual == nil {
                throw ValidationError("--allow-untranslated goes with --language or --bilingual")
            }
            if language != nil || bilingual != nil, let data = formats.first(where: { $0.template == nil }) {
                throw ValidationError(
                    "--format \(data.rawValue) is open data, which is in the source language; use html, easy-read,"
                        + " large-print, md or txt")
            }
            if language != nil || bilingual != nil, record, addTo == nil, out == nil {
                throw ValidationError(
                    "recording an update in another language records the source language beside it: give --out FOLDER")
            }
        }

        func run() async throws {
            _ = try EntryRules.number(quotes, field: .entry("quotes"), in: 0...20)
            let formats = self.formats.isEmpty ? [PublishFormat.html] : self.formats
            if let out { try formats.count > 1 ? OutputPaths.checkFolder(out) : OutputPaths.checkFile(out) }
            let templates = try template.load(required: formats.compactMap(\.template))
            for format in formats where template.folder != nil && format.template == nil {
                note("note: --template is not used for \(format.rawValue), which is open data")
            }
            let tag = try (language ?? bilingual).map {
                try LanguageTag(parsing: $0, field: .entry(language != nil ? "language" : "bilingual"))
            }
            let store = try await self.store.open()
            var version: LanguageVersion?
            if let tag {
                version = try await Translating.version(
                    store: store, ref: activity, language: tag, bilingual: bilingual != nil,
                    allowUntranslated: allowUntranslated)
            }
            // A rendition added to an update says what that update said, as of its day.
            var earlier: PublishedUpdate?
            if let addTo { earlier = try await store.update(ref: activity, number: addTo) }
            let date = try Parse.date(asOf, field: .entry("as-of")) ?? earlier?.published
            // A new update in another language is recorded with the source language's renditions first.
            let languages: [LanguageVersion?] =
                version == nil ? [nil] : record && addTo == nil ? [nil, version] : [version]
            let prepared = try await PreparedUpdate.prepare(
                store: store, ref: activity, formats: formats, languages: languages, templates: templates, asOf: date,
                quotesPerTheme: quotes, quoteMode: quoteMode)
            if let version { languageNotes(version, formats: formats) }
            let waived = try PreparedUpdate.check(
                prepared, early: early || earlier != nil, strict: strict, allowing: allowed)
            for warning in prepared.flatMap(\.easyReadWarnings) { note("warning: easy read: \(warning)") }
            if let first = prepared.first { notes(first) }

            var number: Int?
            if let earlier, let first = prepared.first {
                let added = try await PreparedUpdate.addRenditions(
                    prepared, in: store, to: earlier.number, waivers: waived)
                number = earlier.number
                let again = prepared.compactMap { update in
                    added?.rendition(update.format.rawValue, language: update.language?.renditionLanguage ?? "en")
                }.filter { $0.revision > 1 }
                let names = formats.map(\.rawValue).joined(separator: ", ")
                note(
                    again.isEmpty
                        ? "Added \(names) to update \(earlier.number) of \(activity) (\(first.snapshot.asOf.spoken))."
                        : "Published \(names) again on update \(earlier.number) of \(activity), as version"
                            + " \(again[0].revision) (\(first.snapshot.asOf.spoken)); the earlier version is kept.")
            } else if record, let first = prepared.first {
                let recorded = try await first.record(
                    in: store, channels: channels, waivers: waived, renditions: Array(prepared.dropFirst()))
                number = recorded.number
                note(
                    "Recorded as update \(recorded.number) of \(activity), in "
                        + "\(formats.map(\.rawValue).joined(separator: ", ")) (SHA-256 of the \(first.format.rawValue): "
                        + "\(recorded.sha256)).")
            } else {
                try await store.recordWaivers(ref: activity, waived)
            }
            try write(prepared, number: number)
        }

        /// Writes each rendition: to --out (a file, or with several formats a folder of
        /// ACTIVITY-N.EXT files), or to standard output.
        private func write(_ prepared: [PreparedUpdate], number: Int?) throws {
            guard let out else {
                for update in prepared { FileHandle.standardOutput.write(update.publication.bytes) }
                return
            }
            guard prepared.count > 1 else {
                try OutputPaths.write(prepared.first?.publication.bytes ?? Data(), to: out)
                note("Wrote \(out).")
                return
            }
            try OutputPaths.makeFolder(out, privateOnly: false)
            for update in prepared {
                let path =
                    out + "/"
                    + Self.fileName(
                        activity, number: number, format: update.format, language: update.language?.renditionLanguage)
                try OutputPaths.write(update.publication.bytes, to: path)
                note("Wrote \(path).")
            }
        }

        /// A rendition's file in an --out folder: `GP-1.html`, `GP-1.easy-read.html`, `GP-1.cy.html`,
        /// `GP.md` when not recorded.
        static func fileName(_ ref: String, number: Int?, format: PublishFormat, language: String? = nil) -> String {
            let safe = String(ref.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
            return safe + (number.map { "-\($0)" } ?? "") + (language.map { ".\($0)" } ?? "") + "."
                + format.fileExtension
        }

        /// What staff should know of an update in another language: texts shown in the source language,
        /// and easy read not checked.
        private func languageNotes(_ version: LanguageVersion, formats: [PublishFormat]) {
            let phrases = MessageCatalogue.known.filter { version.catalogue.phrases[$0] == nil }.count
            if allowUntranslated {
                note(
                    "note: texts with no current \(version.language.englishName) translation are shown in the source"
                        + " language, marked as such; yswd translate status \(activity) lists them"
                        + (phrases > 0 ? ". \(counted(phrases, "built-in phrase")) are not translated either" : ""))
            }
            if formats.contains(.easyRead) {
                note(
                    "note: easy read in \(version.language.englishName) was not checked for long sentences and words;"
                        + " yswd checks English only")
            }
        }

        /// What the update says that staff should know before it goes out.
        private func notes(_ prepared: PreparedUpdate) {
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
        }
    }
}
