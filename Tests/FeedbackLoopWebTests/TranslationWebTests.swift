import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import YswdTestSupport

@testable import FeedbackLoopWeb

/// Issue 24 in the web app: the translations page, its files for a translator, and the upload.
@Suite struct TranslationWebTests {
    @Test func aPublisherHandsTextsToATranslatorAndTakesThemBack() async throws {
        let harness = try await WebHarness()
        _ = try await harness.store.setSetting(.languages, to: "en,cy,ur")
        let store = harness.store
        try await harness.test { client in
            let session = try await client.signIn(.publisher)
            let page = try await client.get("/activities/GP/translations", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.text.contains("Welsh (<span lang=\"cy\">Cymraeg</span>)"))
            #expect(page.body.text.contains("Urdu (<span lang=\"ur\" dir=\"rtl\">اردو</span>)"))
            #expect(page.body.text.contains("Not translated"))

            let file = try await client.get("/activities/GP/translations/cy.csv", cookie: session.cookie)
            #expect(file.status == .ok && file.headers[.contentType] == "text/csv; charset=utf-8")
            let csv = file.body.text
            #expect(csv.hasPrefix("\u{FEFF}activity,key,where it appears,most characters,en,cy\r\n"))
            #expect(csv.contains("GP,theme:phone:you-said,"))
            let xliff = try await client.get("/activities/GP/translations/cy.xlf", cookie: session.cookie)
            #expect(xliff.body.text.contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""))
            let phrases = try await client.get("/translations/phrases/ur.csv", cookie: session.cookie)
            #expect(phrases.body.text.contains(",\"You said, we did\","))

            // Filled in and sent back: every text now current.
            let filled = csv.replacingOccurrences(of: ",\r\n", with: ",Cymraeg\r\n")
            let sent = try await client.upload(
                Data(filled.utf8), name: "gp-cy.csv", csrf: session.csrf, session: session,
                to: "/activities/GP/translations")
            #expect(sent.status == .seeOther, "\(sent.body.text)")
            let after = try await client.get("/activities/GP/translations", cookie: session.cookie)
            #expect(after.body.text.contains("Every text has a current translation"), "\(after.body.text)")

            // A file whose English changed since is refused, with why; a file that is not one, too.
            try await store.updateTheme(activity: "GP", key: "phone", said: "Nobody answers")
            let stale = try await client.upload(
                Data(filled.utf8), name: "gp-cy.csv", csrf: session.csrf, session: session,
                to: "/activities/GP/translations")
            #expect(stale.status == .badRequest)
            #expect(stale.body.text.contains("its source has changed since the export"), "\(stale.body.text)")
            // The activity's page says so, and links to the translations.
            let overview = try await client.get("/activities/GP", cookie: session.cookie).body.text
            #expect(
                overview.contains("<p><a href=\"/activities/GP/translations\">Welsh: 1 text out of date</a></p>"),
                "\(overview)")
            let wrong = try await client.upload(
                Data("x".utf8), name: "notes.docx", csrf: session.csrf, session: session,
                to: "/activities/GP/translations")
            #expect(wrong.body.text.contains("notes.docx is not a translation file"))

            // A person who hears back in Urdu: nobody's follow-up is written until the Urdu is ready.
            try await store.updateParticipant(ref: "P-1") { _, contact in contact.language = "ur" }
            let followUps = try await client.get("/activities/GP/follow-ups", cookie: session.cookie)
            #expect(followUps.body.text.contains("Urdu is not ready"), "\(followUps.body.text)")
            #expect(followUps.body.text.contains("/activities/GP/translations"))

            // An update recorded in English and Welsh links each rendition by its language.
            let welshVersion = LanguageVersion(
                catalogue: MessageCatalogue(language: try LanguageTag(parsing: "cy")),
                translations: try await store.translations(ref: "GP", language: try LanguageTag(parsing: "cy")),
                allowsUntranslated: true)
            let prepared = try await PreparedUpdate.prepare(
                store: store, ref: "GP", formats: [.html], languages: [nil, welshVersion])
            _ = try await prepared[0].record(
                in: store, channels: [.web], waivers: [], renditions: Array(prepared.dropFirst()))
            let updates = try await client.get("/activities/GP/updates", cookie: session.cookie).body.text
            #expect(
                updates.contains("<a href=\"/activities/GP/updates/1/html?language=cy\">Web page in Welsh</a>"),
                "\(updates)")
            let welshPage = try await client.get("/activities/GP/updates/1/html?language=cy", cookie: session.cookie)
            #expect(welshPage.body.text.contains("<html lang=\"cy\">"), "the Welsh rendition, not the English")
            let englishPage = try await client.get("/activities/GP/updates/1/html", cookie: session.cookie)
            #expect(englishPage.body.text.contains("<html lang=\"en\">"))

            // Editors see the activity, not its translations.
            let editor = try await client.signIn(.editor)
            #expect(try await client.get("/activities/GP/translations", cookie: editor.cookie).status == .forbidden)
        }
        let welsh = try await store.translations(ref: "GP", language: try LanguageTag(parsing: "cy"))
        #expect(!welsh.isEmpty && welsh.allSatisfy { $0.text == "Cymraeg" })
    }
}
