import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// Publishing: preview each format on a page of its own, review the privacy findings, record the
/// update; the recorded updates' exact bytes; personal follow-ups to download and mark sent.
struct PublishingRoutes {
    let store: any RecordStore

    /// A published page's own policy: its inline style, and still no script and no framing.
    static let previewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    func add(to routes: Routes) {
        routes.page("/activities/{ref}/publish", needs: .publisher) { request, context, _ in
            return try await page(ref: context.parameters.require("ref"), context: context, form: nil, errors: [])
        }
        routes.page("/activities/{ref}/preview/{format}", needs: .publisher) { request, context, _ in
            let ref = try context.parameters.require("ref")
            guard let format = PublishFormat(rawValue: try context.parameters.require("format")) else {
                throw Refusal.notFound()
            }
            _ = try await found { try await store.activity(ref: ref) }
            let prepared = try await PreparedUpdate.prepare(store: store, ref: ref, format: format)
            return Self.preview(prepared.publication.bytes, format: format, back: Paths.activity(ref) + "/publish")
        }
        routes.change("/activities/{ref}/publish", needs: .publisher) { request, context, change in
            let (form, store, _) = change.parts
            let ref = try context.parameters.require("ref")
            let activity = try await found { try await store.activity(ref: ref) }
            let action = form.typed("action")
            if action == "change" { return try await page(ref: ref, context: context, form: form, errors: []) }
            let chosen = form.all("format").compactMap { PublishFormat(rawValue: $0) }
            let formats = chosen.isEmpty ? [PublishFormat.html] : chosen
            var check = FormCheck(labels: [
                "format": "Formats to record", "early": "Publish early", "allow": "Privacy findings",
                "add-to": "Add to the latest update",
            ])
            do {
                // Renditions added to an update say what it said, as of its day.
                var earlier: PublishedUpdate?
                if let number = form["add-to"].flatMap(Int.init) {
                    earlier = try await store.update(ref: ref, number: number)
                }
                // In another language: the source language's renditions with it, or, added to an update, it alone.
                let version = try await Self.language(form["language"], ref: ref, store: store)
                let prepared = try await PreparedUpdate.prepare(
                    store: store, ref: ref, formats: formats,
                    languages: version == nil ? [nil] : earlier == nil ? [nil, version] : [version],
                    asOf: earlier?.published)
                let waivers = try PreparedUpdate.check(
                    prepared, early: form.ticked("early") || earlier != nil, allowing: form.all("allow"))
                // Checked: first say what will be published, and publish only when confirmed.
                guard action == "confirm" else {
                    return try await confirmPage(
                        activity: activity, prepared: prepared, earlier: earlier, waivers: waivers, form: form,
                        context: context)
                }
                let labels = formats.map { PublishPage.label($0).lowercased() }
                if let earlier {
                    try await PreparedUpdate.addRenditions(prepared, in: store, to: earlier.number, waivers: waivers)
                    return try await Pages.redirect(
                        Paths.activity(ref) + "/updates/\(earlier.number)/recorded",
                        saying: "Added to update \(earlier.number): \(labels.joined(separator: ", ")).", store: store,
                        context: context)
                }
                guard let first = prepared.first else { throw Refusal.notFound() }
                let channels = form.all("channel").compactMap { FeedbackChannel(rawValue: $0) }
                let update = try await first.record(
                    in: store, channels: channels, waivers: waivers, renditions: Array(prepared.dropFirst()))
                return Pages.redirect(Paths.activity(ref) + "/updates/\(update.number)/recorded")
            } catch let error as TranslationError {
                check.note(Self.sentence(error), field: "language")
            } catch let error as any UserFacingError {
                check.note(error, default: error is PublishError ? "allow" : "format")
            }
            return try await page(ref: ref, context: context, form: form, errors: check.errors)
        }
        routes.page("/activities/{ref}/updates/{number}/recorded", needs: .publisher) { request, context, _ in
            let ref = try context.parameters.require("ref")
            let number = try context.parameters.require("number", as: Int.self)
            let update = try await found { try await store.update(ref: ref, number: number) }
            let owed = try await store.followUpRecipients(ref: ref).count
            return Pages.render(
                "publish-done",
                PublishDonePage(
                    frame: Frame(
                        "Update \(number) recorded: \(update.activityTitle)", context: context, section: "activities"),
                    update: update, owed: owed))
        }
        routes.page("/activities/{ref}/updates/{number}") { request, context, _ in
            let ref = try context.parameters.require("ref")
            let number = try context.parameters.require("number", as: Int.self)
            let update = try await found { try await store.update(ref: ref, number: number) }
            return Self.published(update.bytes, format: PublishFormat(rawValue: update.format) ?? .txt)
        }
        routes.page("/activities/{ref}/updates/{number}/{format}") { request, context, _ in
            let ref = try context.parameters.require("ref")
            let number = try context.parameters.require("number", as: Int.self)
            let update = try await found { try await store.update(ref: ref, number: number) }
            let language = request.uri.queryParameters["language"].map(String.init) ?? "en"
            guard let format = PublishFormat(rawValue: try context.parameters.require("format")),
                let rendition = update.rendition(format.rawValue, language: language)
            else { throw Refusal.notFound("Update \(number) was not published in that format and language.") }
            return Self.published(rendition.bytes, format: format)
        }
    }

    /// The page that says what will be published, before anything is: formats, channels, what
    /// changed since the last update, what has no answer yet and the findings allowed.
    private func confirmPage(
        activity: Activity, prepared: [PreparedUpdate], earlier: PublishedUpdate?, waivers: [PrivacyWaiver],
        form: FormData, context: StaffContext
    ) async throws -> Response {
        let latest = try await store.updates(ref: activity.ref).last
        return Pages.render(
            "publish-confirm",
            PublishConfirmPage(
                frame: Frame("Check before you publish: \(activity.title)", context: context, section: "activities"),
                activity: activity, prepared: prepared, earlier: earlier, latest: latest, waivers: waivers,
                form: form))
    }

    /// A preview: the update as it will be published, under a banner that says it is not published
    /// yet, with a way back. HTML formats get the banner at the top of their body; the text formats
    /// are shown as text on a page of their own.
    static func preview(_ bytes: Data, format: PublishFormat, back: String) -> Response {
        let banner =
            "<div role=\"region\" aria-label=\"Preview\" style=\"background:#fff7bf;border:5px solid #594d00;"
            + "color:#0b0c0c;padding:10px 15px;margin:0 0 20px;font:bold 19px Arial,sans-serif\">"
            + "<p style=\"margin:0\">Preview – not published. The date on it is the day it would be published.</p>"
            + "<p style=\"margin:5px 0 0\"><a href=\"\(back)\" style=\"color:#1d70b8\">Back to publishing</a></p></div>"
        let html: String
        switch format {
        case .html, .easyRead, .largePrint:
            let page = String(decoding: bytes, as: UTF8.self)
            if let body = page.range(of: "<body"), let end = page[body.upperBound...].firstIndex(of: ">") {
                html = String(page[...end]) + banner + String(page[page.index(after: end)...])
            } else {
                html = banner + page
            }
        default:
            html =
                "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Preview – not published"
                + "</title></head><body>" + banner + "<main><pre style=\"white-space:pre-wrap;font:16px monospace\">"
                + String(decoding: bytes, as: UTF8.self).htmlEscaped + "</pre></main></body></html>"
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: previewPolicy,
            ], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// An update's bytes as their own page: HTML with its inline style allowed, and no script; the
    /// text formats as plain text.
    static func published(_ bytes: Data, format: PublishFormat) -> Response {
        let type =
            switch format {
            case .html, .easyRead, .largePrint: "text/html; charset=utf-8"
            default: "text/plain; charset=utf-8"
            }
        return Response(
            status: .ok, headers: [.contentType: type, .contentSecurityPolicy: previewPolicy],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The language chosen on the publishing form: `cy`, or `cy+en` for Welsh then English.
    static func language(_ value: String?, ref: String, store: any RecordStore) async throws -> LanguageVersion? {
        guard let value, !value.isEmpty else { return nil }
        let parts = value.split(separator: "+")
        guard let first = parts.first else { return nil }
        let language = try LanguageTag(parsing: String(first), field: .entry("language"))
        return try await Translating.version(store: store, ref: ref, language: language, bilingual: parts.count > 1)
    }

    /// Why a language is not ready, in the web app's words.
    static func sentence(_ error: TranslationError) -> String {
        switch error {
        case .incomplete(_, let language, let stale, let missing):
            "\(language.englishName) is not ready: \(counted(stale.count + missing.count, "text")) "
                + "\(stale.count + missing.count == 1 ? "has" : "have") no current translation. Translate "
                + (stale.count + missing.count == 1 ? "it" : "them") + " on the activity’s translations page first."
        case .phrasesMissing(let language, let count, _):
            "\(language.englishName) is not ready: \(counted(count, "phrase")) yswd uses in updates and letters "
                + "\(count == 1 ? "has" : "have") no translation. Download them from the translations page for a translator."
        case .sourceLanguage, .nothingTranslated: error.description
        }
    }

    private func page(ref: String, context: StaffContext, form: FormData?, errors: [FieldError]) async throws
        -> Response
    {
        let activity = try await found { try await store.activity(ref: ref) }
        let prepared = try? await PreparedUpdate.prepare(store: store, ref: ref, format: .html)
        let settings = try await store.settings()
        let view = PublishPage(
            frame: Frame("Publish an update: \(activity.title)", context: context, section: "activities"),
            activity: activity, prepared: prepared, latest: try await store.updates(ref: ref).last?.number, form: form,
            errors: errors, settings: settings)
        return Pages.render("publish", view, status: errors.isEmpty ? .ok : .badRequest)
    }
}
