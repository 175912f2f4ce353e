import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopTranslate
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// Translations: for each of the team's languages, which of an activity's texts are not translated
/// or out of date; the files to hand to a translator (the activity's texts, and yswd's own phrases);
/// and the upload that takes them back. The same steps as `yswd translate`.
struct TranslationRoutes {
    let store: any RecordStore

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/translations", needs: .publisher) { request, context, _ in
            try await page(context, error: nil)
        }
        routes.page("/activities/{ref}/translations/{file}", needs: .publisher) { request, context, _ in
            let ref = try context.parameters.require("ref")
            let (language, format) = try Self.file(context.parameters.require("file"))
            _ = try await found { try await store.activity(ref: ref) }
            let file = try await Translating.export(store: store, ref: ref, language: language)
            return Self.download(file, format: format, name: "\(ref)-\(language.code)")
        }
        routes.page("/translations/phrases/{file}", needs: .publisher) { request, context, _ in
            let (language, format) = try Self.file(context.parameters.require("file"))
            let file = try await Translating.exportPhrases(store: store, language: language)
            return Self.download(file, format: format, name: "phrases-\(language.code)")
        }
        routes.upload("/activities/{ref}/translations", needs: .publisher) { request, context, account in
            let ref = try context.parameters.require("ref")
            _ = try await found { try await store.activity(ref: ref) }
            let message: String
            do {
                let sent = try await Upload.read(
                    request, context: context, limit: WebLimits.uploadBytes,
                    accepting: [".xlf", ".xliff", ".xml", ".csv"])
                let file = try TranslationFile.read(sent.content, path: sent.name)
                if let other = file.activity, other != ref {
                    message =
                        "\(sent.name) holds the texts of \(other), not of this activity. Upload it on \(other)’s"
                        + " translations page."
                } else {
                    let imported = try await Translating.importFile(
                        file, path: sent.name, store: store.acting(as: account.name))
                    let what = imported.activity == nil ? "of yswd’s own phrases" : "of this activity’s texts"
                    return try await Pages.redirect(
                        Paths.activity(ref) + "/translations",
                        saying: "\(counted(imported.written, "translation")) \(what) imported into "
                            + "\(imported.language.englishName).", store: store, context: context)
                }
            } catch let problem as Upload.Problem {
                message =
                    if case .notCSV(let name) = problem {
                        "\(name) is not a translation file. Upload the XLIFF (.xlf) or CSV file downloaded here,"
                            + " with the translations filled in."
                    } else {
                        problem.message
                    }
            } catch let error as any UserFacingError {
                message = error.message(naming: \.description)
            }
            return try await page(context, error: message)
        }
    }

    /// `cy.xlf` or `cy.csv`: the language and the format.
    static func file(_ name: String) throws -> (LanguageTag, TranslationFile.Format) {
        let parts = name.split(separator: ".")
        guard parts.count == 2,
            let format = parts[1] == "xlf" ? .xliff : TranslationFile.Format(rawValue: String(parts[1])),
            let language = try? LanguageTag(parsing: String(parts[0]))
        else { throw Refusal.notFound() }
        return (language, format)
    }

    static func download(_ file: TranslationFile, format: TranslationFile.Format, name: String) -> Response {
        let (type, ext) =
            format == .xliff ? ("application/xliff+xml; charset=utf-8", "xlf") : ("text/csv; charset=utf-8", "csv")
        return FollowUpRoutes.download(file.data(as: format), name: "\(name).\(ext)", type: type)
    }

    private func page(_ context: StaffContext, error: String?) async throws -> Response {
        let ref = try context.parameters.require("ref")
        let activity = try await found { try await store.activity(ref: ref) }
        let settings = try await store.settings()
        let texts = try await Translating.texts(store: store, ref: ref)
        var languages: [TranslationsPage.Language] = []
        for language in settings.targetLanguages {
            let coverage = TranslationCoverage(
                texts, try await store.translations(ref: ref, language: language), language: language)
            let phrases = try await store.phraseTranslations(language: language)
            let missingPhrases = MessageCatalogue.known.filter { phrases[$0] == nil }.count
            languages.append(
                TranslationsPage.Language(
                    coverage: coverage, missingPhrases: missingPhrases,
                    path: Paths.activity(ref)))
        }
        let page = TranslationsPage(
            frame: Frame("Translations: \(activity.title)", context: context, section: "activities"),
            title: activity.title, path: Paths.activity(ref), action: Paths.activity(ref) + "/translations",
            source: settings.sourceLanguage.englishName, languages: languages, hasLanguages: !languages.isEmpty,
            hasErrors: error != nil, errors: error.map { [FieldError(field: "file", message: $0)] } ?? [],
            fileError: error)
        return Pages.render("translations", page, status: error == nil ? .ok : .badRequest)
    }
}

/// The translations page's view.
struct TranslationsPage: Sendable {
    var frame: Frame
    var title: String
    var path: String
    var action: String
    var source: String
    var languages: [Language]
    var hasLanguages: Bool
    var hasErrors: Bool
    var errors: [FieldError]
    var fileError: String?

    struct Language: Sendable {
        var code: String
        var name: String
        var ownName: String
        var rtl: Bool
        var summary: String
        var texts: [Text]
        var hasTexts: Bool
        var xliffHref: String
        var csvHref: String
        var phrasesSummary: String
        var phrasesXliffHref: String
        var phrasesCsvHref: String

        init(coverage: TranslationCoverage, missingPhrases: Int, path: String) {
            let language = coverage.language
            code = language.code
            name = language.englishName
            ownName = language.ownName
            rtl = language.isRightToLeft
            // Quotes need no translation to go out (one shows beside the quote when there is one).
            let quotes = (coverage.stale + coverage.missing).filter(\.optional).count
            let total = coverage.current.count + coverage.stale.count + coverage.missing.count
            summary =
                coverage.isComplete
                ? "Every text has a current translation"
                    + (quotes == 0
                        ? " (\(total) of \(total))."
                        : ", except \(counted(quotes, "quote")), which can go out without one.")
                : "\(coverage.current.count) of \(total) texts have a current translation."
            texts =
                coverage.stale.map { Text(text: $0, state: "Out of date: the English changed after it was translated") }
                + coverage.missing.map {
                    Text(
                        text: $0,
                        state: $0.optional ? "Not translated (a quote can go out without one)" : "Not translated")
                }
            hasTexts = !texts.isEmpty
            xliffHref = path + "/translations/\(language.code).xlf"
            csvHref = path + "/translations/\(language.code).csv"
            phrasesSummary =
                missingPhrases == 0
                ? "Every phrase yswd uses in updates, letters and messages is translated."
                : "\(counted(missingPhrases, "phrase")) yswd uses in updates, letters and messages "
                    + (missingPhrases == 1 ? "is" : "are") + " not translated."
            phrasesXliffHref = "/translations/phrases/\(language.code).xlf"
            phrasesCsvHref = "/translations/phrases/\(language.code).csv"
        }
    }

    struct Text: Sendable {
        var section: String
        var source: String
        var state: String

        init(text: TranslatableText, state: String) {
            section = text.section
            source = SafeText.display(text.source)
            self.state = state
        }
    }
}
