import FeedbackLoop
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// Importing a survey export in the browser, as it comes from the survey tool.
@Suite struct ImportFlowTests {
    /// Excel's encoding, the tool's own method words, email addresses and no respondent reference.
    static let export: Data = {
        var bytes = Data("Submitted;How did you respond?;Your views;Email address\r\n".utf8)
        bytes += Data("03/02/2026 14:05;Online survey;Caf".utf8) + Data([0xE9])
        bytes += Data(" hours are short;jo@example.org\r\n".utf8)
        bytes += Data("04/02/2026;Paper;Parking is hard;sam@example.org\r\n".utf8)
        bytes += Data("05/02/2026;Paper;More buses;not-an-email\r\n".utf8)
        bytes += Data("06/02/2026;Online survey;Again from Jo;JO@example.org\r\n".utf8)
        return bytes
    }()

    static let columns: [(String, String)] = [
        ("text-column", "Your views"), ("date-column", "Submitted"), ("method-column", "How did you respond?"),
        ("email-column", "Email address"), ("contact-wants-feedback", "1"),
    ]

    @Test func anExcelExportIsReadCheckedAndImportedWithNoCommandLine() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let uploaded = try await client.upload(Self.export, name: "export.csv", csrf: editor.csrf, session: editor)
            let page = try #require(uploaded.headers[.location])
            let first = try await client.get(page, cookie: editor.cookie).body.text
            #expect(first.contains("It was read as Windows-1252 (Excel on Windows)"))
            #expect(first.contains("<option value=\";\" selected>Semicolons</option>"))
            #expect(first.contains("<td>Café hours are short</td>"))

            // Choosing the columns shows each method word to map; checking without a meaning says so.
            let before = try await harness.fingerprint()
            let fields = [("csrf", editor.csrf)] + Self.columns
            let chosen = try await client.post(page, fields + [("action", "read")], cookie: editor.cookie)
            #expect(chosen.body.text.contains("‘Online survey’ means"))
            #expect(chosen.body.text.contains("‘Paper’ means"))
            let unmapped = try await client.post(page, fields + [("action", "check")], cookie: editor.cookie)
            #expect(unmapped.status == .badRequest)
            #expect(unmapped.body.text.contains("Choose what ‘Online survey’ means"))

            // Mapped: the check lists the bad row, with its line, column and value.
            let mapped = fields + [("method-1", "online"), ("method-2", "survey")]
            let checked = try await client.post(page, mapped + [("action", "check")], cookie: editor.cookie)
            #expect(checked.status == .badRequest)
            #expect(checked.body.text.contains("1 row cannot be imported"))
            #expect(
                checked.body.text.contains("<td class=\"number\">4</td><td>Email address</td><td>not-an-email</td>"))
            let csv = try await client.get(page + "/problems.csv", cookie: editor.cookie)
            #expect(csv.body.text.contains("\"4\",\"Email address\",\"not-an-email\""))
            let unchanged = try await harness.fingerprint()
            #expect(
                unchanged == before,
                "changed: \(Set(unchanged.split(separator: "\n")).symmetricDifference(before.split(separator: "\n")))")

            // Leaving it out: the check counts who can hear back, then the import says what it did.
            let skipping = mapped + [("skip-invalid", "1")]
            let clean = try await client.post(page, skipping + [("action", "check")], cookie: editor.cookie)
            #expect(clean.status == .ok)
            #expect(clean.body.text.contains("No problems found. Importing will add 3 contributions from 4 rows"))
            #expect(clean.body.text.contains("2 people asked to hear back and left contact details"))
            let imported = try await client.post(page, skipping + [("action", "import")], cookie: editor.cookie)
            #expect(imported.status == .seeOther)
            #expect(imported.headers[.location] == "/activities/GP/contributions")
            let after = try await client.get("/activities/GP/contributions", cookie: editor.cookie).body.text
            #expect(after.contains("role=\"status\""))
            #expect(after.contains("Imported 3 contributions from 4 rows; 1 row that cannot be imported left out"))
            await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
            await #expect(
                try harness.strings("SELECT value || '=' || method FROM methodMapping ORDER BY value")
                    == ["online survey=online", "paper=survey"])
            // Jo's two rows are one person; Sam is another; each is owed a follow-up once themed.
            await #expect(
                try harness.strings(
                    "SELECT lower(email) FROM participantContact WHERE email LIKE '%example.org' ORDER BY 1")
                    == ["jo.bloggs@example.org", "jo@example.org", "sam@example.org"])
            // The page the upload was on has gone with it.
            #expect(try await client.get(page, cookie: editor.cookie).status == .notFound)
        }
    }

    @Test func theLanguageOfEachResponseIsChosenOnTheImportAndContributionForms() async throws {
        let harness = try await WebHarness()
        _ = try await harness.store.setSetting(.languages, to: "en,cy,ur")
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let file = Data(
                ("Views,Email,Iaith\r\nMae'r maes parcio'n llawn,w1@example.org,Cymraeg\r\n"
                    + "Too few spaces,w2@example.org,English\r\nDim lle,w3@example.org,\r\n").utf8)
            let uploaded = try await client.upload(file, name: "iaith.csv", csrf: editor.csrf, session: editor)
            let page = try #require(uploaded.headers[.location])
            let first = try await client.get(page, cookie: editor.cookie).body.text
            #expect(first.contains("The language of each response"))
            #expect(first.contains("<option value=\"cy\">Welsh</option>"), "the file's language to choose")
            let fields = [
                ("csrf", editor.csrf), ("text-column", "Views"), ("email-column", "Email"),
                ("contact-wants-feedback", "1"), ("language-column", "Iaith"), ("language", "ur"),
            ]
            let imported = try await client.post(page, fields + [("action", "import")], cookie: editor.cookie)
            #expect(imported.status == .seeOther, "\(imported.body.text)")
            // Each row's language, or the file's where the row says none; the same for who hears back.
            await #expect(
                try harness.strings(
                    "SELECT text || '=' || coalesce(language, 'en') FROM contribution WHERE text IN"
                        + " ('Mae''r maes parcio''n llawn', 'Too few spaces', 'Dim lle') ORDER BY text")
                    == ["Dim lle=ur", "Mae'r maes parcio'n llawn=cy", "Too few spaces=en"])
            await #expect(
                try harness.strings(
                    "SELECT email || '=' || coalesce(language, 'en') FROM participantContact WHERE email LIKE 'w_@%'"
                        + " ORDER BY email") == ["w1@example.org=cy", "w2@example.org=en", "w3@example.org=ur"])

            // One contribution typed in, in Welsh; a language outside the team's is refused at its field.
            let form = try await client.get("/activities/GP/contributions", cookie: editor.cookie).body.text
            #expect(form.contains("The language it was given in"))
            let added = try await client.post(
                "/activities/GP/contributions",
                [("csrf", editor.csrf), ("contribution-text", "Bore da"), ("contribution-language", "cy")],
                cookie: editor.cookie)
            #expect(added.status == .seeOther, "\(added.body.text)")
            await #expect(
                try harness.strings("SELECT language FROM contribution WHERE text = 'Bore da'") == ["cy"])
            let before = try await harness.fingerprint()
            let refused = try await client.post(
                "/activities/GP/contributions",
                [("csrf", editor.csrf), ("contribution-text", "Dzień dobry"), ("contribution-language", "pl")],
                cookie: editor.cookie)
            #expect(refused.status == .badRequest)
            #expect(
                refused.body.text.contains(
                    "id=\"contribution-language-error\"><span class=\"skip\">Error:</span> Contribution language"
                        + " &#39;pl&#39; is not one of the team&#39;s languages"))
            #expect(try await harness.fingerprint() == before, "nothing written")
        }
    }

    @Test func anUploadIsOnlyItsUploadersAndGoesWhenAbandonedOrWhenAPersonInItIsErased() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let admin = try await client.signIn(.admin)
            let uploaded = try await client.upload(Self.export, csrf: editor.csrf, session: editor)
            let page = try #require(uploaded.headers[.location])
            #expect(try await client.get(page, cookie: admin.cookie).status == .notFound)
            let abandoned = try await client.post(page + "/abandon", [("csrf", editor.csrf)], cookie: editor.cookie)
            #expect(abandoned.status == .seeOther)
            await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
            let said = try await client.get("/activities/GP", cookie: editor.cookie).body.text
            #expect(said.contains("The import of survey.csv was abandoned. The uploaded file has been deleted."))

            // An upload holding a participant's email address goes when they are erased.
            let withJo = Data("Text,Email\r\nHello,jo.bloggs@example.org\r\n".utf8)
            _ = try await client.upload(withJo, csrf: editor.csrf, session: editor)
            _ = try await client.upload(Data("Text\r\nNobody\r\n".utf8), csrf: editor.csrf, session: editor)
            _ = try await harness.store.eraseParticipant(ref: "P-1", contributions: false)
            await #expect(try harness.strings("SELECT fileName FROM importUpload").count == 1)
        }
    }
}

extension ImportFlowTests {
    @Test func anUploadLeftForADayIsDeletedWhenSomeoneSignsIn() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.upload(Self.export, csrf: editor.csrf, session: editor)
            await #expect(try harness.strings("SELECT id FROM importUpload").count == 1)
            harness.clock.advance(StorePolicy.uploadLifetime + 60)
            _ = try await client.signIn(.viewer)
            await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
        }
    }
}
