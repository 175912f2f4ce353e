import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopTranslate
import FeedbackLoopWorkflows
import Foundation

extension TranslationFile.Format: ExpressibleByArgument {}

extension Yswd {
    struct TranslateCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "translate",
            abstract: "Hand an activity's texts, and yswd's own phrases, to translators and take them back.",
            discussion: HelpText.reflowed(
                """
                yswd never translates by machine: translators get the texts and give them back. Set the team's
                languages first (yswd config set languages en,cy,ur); the first is the source language.

                Each translation is kept with the source text it translates. When that text changes, its
                translation is out of date: `translate status` and `loops` say so, an update in that language is
                refused until it is translated again, and the next export offers it again.

                The quotes chosen for an update are offered too (quote:ID): a quote is published as said, and
                its translation goes beside it when there is one, so an update need not wait for it.

                Examples:
                  yswd translate status GP
                  yswd translate export GP --language cy --out gp-cy.xlf
                  yswd translate import gp-cy.xlf
                  yswd translate strings --language cy --format csv --out cy.csv
                """),
            subcommands: [Status.self, Export.self, Import.self, Strings.self])
    }
}

/// A target language typed by a user.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("The language, as a BCP 47 tag such as cy (Welsh) or ur (Urdu).", valueName: "TAG"))
    var language: String

    func tag() throws -> LanguageTag { try LanguageTag(parsing: language) }
}

extension Yswd.TranslateCommand {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Say, for each of the team's languages, which of an activity's texts are not translated or out of date.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd translate status GP-ACCESS-2026 --language cy
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: ArgumentHelp("Only this language (a BCP 47 tag).", valueName: "TAG"))
        var language: String?

        func run() async throws {
            let only = try language.map { try LanguageTag(parsing: $0) }
            let store = try await self.store.open()
            let settings = try await store.settings()
            if let only { _ = try Translating.target(only, settings: settings) }
            let languages = only.map { [$0] } ?? settings.targetLanguages
            guard !languages.isEmpty else {
                print(
                    "The team publishes in \(settings.sourceLanguage.named) only; add languages with yswd config set languages."
                )
                return
            }
            let texts = try await Translating.texts(store: store, ref: activity)
            for language in languages {
                let coverage = TranslationCoverage(
                    texts, try await store.translations(ref: activity, language: language), language: language)
                let total = coverage.current.count + coverage.stale.count + coverage.missing.count
                print(coverage.summary + " (\(coverage.current.count) of \(total) current).")
                for text in coverage.stale { print("  out of date: \(text.key) (\(text.section))") }
                for text in coverage.missing { print("  not translated: \(text.key) (\(text.section))") }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an activity's texts still to translate into a language, for a translator.",
            discussion: HelpText.reflowed(
                """
                XLIFF 2.0 is for translation tools (each text a unit, with where it appears and its character
                limit as notes); CSV is for a spreadsheet: fill in the last column. Only texts not translated, or
                translated from a text that has since changed, are written, unless --all.

                Example:
                  yswd translate export GP --language cy --format csv --out gp.csv
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @OptionGroup var language: LanguageOption
        @Option(help: "xliff or csv.")
        var format: TranslationFile.Format = .xliff
        @Option(help: "The file to write.")
        var out: String
        @Flag(help: "Every text, with its current translation where it has one.")
        var all = false

        func run() async throws {
            let language = try language.tag()
            try OutputPaths.checkFile(out)
            let store = try await self.store.open()
            let file = try await Translating.export(store: store, ref: activity, language: language, all: all)
            try OutputPaths.write(file.data(as: format), to: out)
            if file.units.isEmpty {
                note(
                    "Every text of \(activity) has a current \(language.englishName) translation; wrote \(out) with none."
                )
            } else {
                note(
                    "Wrote \(out): \(counted(file.units.count, "text")) of \(activity) to translate into \(language.named)."
                )
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take translations back from a file `translate export` or `translate strings` wrote.",
            discussion: HelpText.reflowed(
                """
                Every translated unit is checked: its text must still be in the record with the source it was
                translated from, and the translation must fit the text's limit and carry no direction
                controls. One bad unit refuses the whole file, and nothing is written.

                Example:
                  yswd translate import gp-cy.xlf
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The XLIFF or CSV file.")
        var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TranslationFileError.unreadable(path: file)
            }
            let parsed = try TranslationFile.read(data, path: file)
            let store = try await self.store.open()
            let imported = try await Translating.importFile(parsed, path: file, store: store)
            let what = imported.activity.map { "of \($0)" } ?? "of the team's catalogue of phrases"
            print(
                "Imported \(counted(imported.written, "translation")) \(what) into \(imported.language.named)"
                    + (imported.empty > 0 ? "; \(counted(imported.empty, "unit")) had no translation yet." : "."))
        }
    }

    struct Strings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write yswd's own phrases (headings, letters' wording, dates) for a translator.",
            discussion: HelpText.reflowed(
                """
                Every fixed phrase of every template (web pages, easy read, large print, letters, emails, text
                messages, the site) comes from a catalogue per language. This writes the phrases the team's
                catalogue does not have yet (every phrase with --all); `yswd translate import FILE` installs the
                translations. Keep each {{placeholder}} as it is: yswd fills it in. Your own templates (--template
                DIR) reach the same catalogue by writing a phrase as {{#t}}English words{{/t}}.

                Example:
                  yswd translate strings --language cy --out phrases-cy.xlf
                """))

        @OptionGroup var store: StoreOptions
        @OptionGroup var language: LanguageOption
        @Option(help: "xliff or csv.")
        var format: TranslationFile.Format = .xliff
        @Option(help: "The file to write.")
        var out: String
        @Flag(help: "Every phrase, with its current translation where it has one.")
        var all = false

        func run() async throws {
            let language = try language.tag()
            try OutputPaths.checkFile(out)
            let store = try await self.store.open()
            let file = try await Translating.exportPhrases(store: store, language: language, all: all)
            try OutputPaths.write(file.data(as: format), to: out)
            note("Wrote \(out): \(counted(file.units.count, "phrase")) to translate into \(language.named).")
        }
    }
}
