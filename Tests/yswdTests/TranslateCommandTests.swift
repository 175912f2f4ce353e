import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 24: translations handed to translators and back, that cannot silently go out of date.
@Suite struct TranslateCommandTests {
    /// The publishing record with Welsh among the team's languages.
    static func welsh() throws -> Yswd {
        let yswd = try PublishCommandTests.prepared()
        try yswd.ok("config", "set", "languages", "en,cy,ur")
        return yswd
    }

    /// Fills every unit of yswd's XLIFF with `translate(source)`.
    static func translated(_ xliff: String, _ translate: (String) -> String) throws -> String {
        let document = try XMLDocument(xmlString: xliff)
        for segment in try document.nodes(forXPath: "//*[local-name()='segment']") {
            guard let segment = segment as? XMLElement,
                let source = segment.elements(forName: "source").first?.stringValue
            else { continue }
            for old in segment.elements(forName: "target") { old.detach() }
            segment.addChild(XMLElement(name: "target", stringValue: translate(source)))
        }
        return document.xmlString
    }

    /// Translates the catalogue's phrases into Welsh-ish ("CY: …", placeholders kept) and installs them.
    static func installPhrases(_ yswd: Yswd, language: String = "cy") throws {
        try yswd.ok("translate", "strings", "--language", language, "--out", "phrases.xlf")
        let file = try String(contentsOfFile: yswd.folder + "/phrases.xlf", encoding: .utf8)
        try Data(try translated(file) { "\(language.uppercased()): \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/phrases-done.xlf"))
        #expect(try yswd.ok("translate", "import", "phrases-done.xlf").contains("of the team's catalogue of phrases"))
    }

    @Test func aChangedEnglishTextMakesItsWelshTranslationStale() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--format", "xliff", "--out", "gp-cy.xlf")
        let exported = try String(contentsOfFile: yswd.folder + "/gp-cy.xlf", encoding: .utf8)
        try Data(try Self.translated(exported) { "Cymraeg: \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/gp-cy-done.xlf"))
        #expect(try yswd.ok("translate", "import", "gp-cy-done.xlf").contains("into Welsh (cy)"))
        try Self.installPhrases(yswd)
        let welsh = try yswd.ok("publish", "GP", "--language", "cy")
        #expect(welsh.contains("<html lang=\"cy\">") && welsh.contains("Cymraeg: Phones are busy at 8am"))
        #expect(try yswd.ok("translate", "status", "GP").contains("Welsh: all texts translated"))

        // The English changes after the Welsh was written.
        try yswd.ok(
            "theme", "update", "GP", "phone", "--said", "Nobody answers the phone at 8am", "--reason", "Clearer")
        let status = try yswd.ok("translate", "status", "GP", "--language", "cy")
        #expect(status.contains("Welsh: 1 text out of date"), "\(status)")
        #expect(status.contains("out of date: theme:phone:you-said"))
        #expect(try yswd.ok("loops", "--as-of", "2026-03-10").contains("GP: Welsh: 1 text out of date"))

        let before = try yswd.fingerprint()
        let refused = try yswd.run(["publish", "GP", "--language", "cy", "--record", "--out", "cy"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains("out of date (the source changed after it was translated): theme:phone:you-said"))
        #expect(!FileManager.default.fileExists(atPath: yswd.folder + "/cy"))

        // The export offers it again, with the new English and no stale Welsh beside it.
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--format", "csv", "--out", "again.csv")
        let again = try String(contentsOfFile: yswd.folder + "/again.csv", encoding: .utf8)
        #expect(again.contains("GP,theme:phone:you-said,"))
        #expect(again.contains("Nobody answers the phone at 8am,\r\n"), "\(again)")
        #expect(!again.contains("title"), "a current translation is not offered again")

        // The old unit cannot come back in: its source is not the record's any more.
        let old = try yswd.run(["translate", "import", "gp-cy-done.xlf"])
        #expect(old.status == 2)
        #expect(old.stderr.contains("theme:phone:you-said: its source has changed since the export"))
        #expect(old.stderr.contains("It now reads: \"Nobody answers the phone at 8am\""))
        #expect(try yswd.fingerprint() == before, "nothing written")

        // Shown in English, marked as such, when the team chooses to.
        let marked = try yswd.ok("publish", "GP", "--language", "cy", "--allow-untranslated")
        #expect(marked.contains("<span lang=\"en\" dir=\"ltr\">Nobody answers the phone at 8am</span>"))
    }

    /// An attribute's value (read from the list: FoundationXML's lookup by name misses attributes of an
    /// element in a default namespace).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    @Test func xliffIsWellFormedXLIFF2AndItsRoundTripChangesNothingElse() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--out", "gp.xlf")
        let data = try Data(contentsOf: URL(fileURLWithPath: yswd.folder + "/gp.xlf"))
        let document = try XMLDocument(data: data)
        let root = try #require(document.rootElement())
        #expect(root.localName == "xliff" && root.uri == "urn:oasis:names:tc:xliff:document:2.0")
        #expect(Self.attribute(root, "version") == "2.0")
        #expect(Self.attribute(root, "srcLang") == "en")
        #expect(Self.attribute(root, "trgLang") == "cy")
        let units = try document.nodes(forXPath: "//*[local-name()='unit']").compactMap { $0 as? XMLElement }
        let texts = try yswd.ok("translate", "status", "GP", "--language", "cy")
        #expect(texts.contains("(0 of \(units.count) current)"), "one unit per text: \(texts)")
        var names = Set<String>()
        for unit in units {
            let segments = unit.elements(forName: "segment")
            #expect(segments.count == 1 && segments[0].elements(forName: "source").count == 1)
            #expect(Self.attribute(unit, "id")?.isEmpty == false)
            names.insert(Self.attribute(unit, "name") ?? "")
        }
        #expect(names.count == units.count && names.contains("theme:phone:you-said") && names.contains("title"))

        let before = try yswd.fingerprint(skipping: ["translation", "history"])
        let filled = try Self.translated(String(decoding: data, as: UTF8.self)) { "Cymraeg: \($0) — ‘ac’ <b>&</b>" }
        try Data(filled.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/gp-done.xlf"))
        #expect(try yswd.ok("translate", "import", "gp-done.xlf").contains("Imported \(units.count) translations"))
        #expect(try yswd.fingerprint(skipping: ["translation", "history"]) == before, "only translations were written")

        // Exported again, every unit comes back with exactly what was imported.
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--all", "--out", "all.xlf")
        let all = try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: yswd.folder + "/all.xlf")))
        for unit in try all.nodes(forXPath: "//*[local-name()='segment']").compactMap({ $0 as? XMLElement }) {
            let source = unit.elements(forName: "source").first?.stringValue ?? ""
            #expect(unit.elements(forName: "target").first?.stringValue == "Cymraeg: \(source) — ‘ac’ <b>&</b>")
        }
        // Importing the same file again changes nothing.
        let settled = try yswd.fingerprint()
        #expect(try yswd.ok("translate", "import", "gp-done.xlf").contains("Imported 0 translations"))
        #expect(try yswd.fingerprint() == settled)
        // The history has each translation, with who and the source it translates.
        let history = try yswd.ok("history", "GP", "--format", "json")
        #expect(history.contains("\"entity\" : \"translation\"") || history.contains("\"entity\":\"translation\""))
    }

    @Test func badInputIsRefusedAndNothingIsWritten() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--format", "csv", "--out", "gp.csv")
        let csv = try String(contentsOfFile: yswd.folder + "/gp.csv", encoding: .utf8)
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--out", "gp.xlf")
        let xliff = try String(contentsOfFile: yswd.folder + "/gp.xlf", encoding: .utf8)
        let before = try yswd.fingerprint()

        func refused(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        {
            let result = try yswd.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.split(separator: "\n").count == 1, "one line", sourceLocation: sourceLocation)
        }
        func file(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/" + name))
            return name
        }
        /// The CSV with the title's translation (and the rest) set to `title`.
        func csvWith(title: String) -> String {
            csv.replacingOccurrences(
                of: "GP,title,The activity's title (it goes in text messages),160,Getting a GP appointment,",
                with:
                    "GP,title,The activity's title (it goes in text messages),160,Getting a GP appointment,\"\(title)\""
            )
        }

        try refused(
            ["translate", "export", "GP", "--language", "xx", "--out", "x.xlf"],
            "--language 'xx' is not a language tag yswd knows")
        try refused(
            ["translate", "export", "GP", "--language", "pl", "--out", "x.xlf"],
            "--language 'pl' is not one of the team's languages (en, cy, ur)")
        try refused(
            ["participant", "update", "P-1", "--language", "pl"], "--language 'pl' is not one of the team's languages")
        try refused(
            ["translate", "export", "GP", "--language", "en", "--out", "x.xlf"], "is the team's source language")
        try refused(
            ["translate", "import", try file("a.xml", "<html><body/></html>")], "is not a translation file from yswd")
        try refused(
            [
                "translate", "import",
                try file("b.xlf", xliff.replacingOccurrences(of: "yswd:activity/GP", with: "other")),
            ],
            "its file's original is 'other'")
        try refused(
            ["translate", "import", try file("c.csv", "name,email\r\nJo,jo@example.org\r\n")],
            "is not a translation file from yswd")
        try refused(["translate", "import", try file("d.xlf", String(xliff.prefix(300)))], "d.xlf, line ")
        try refused(["translate", "import", try file("e.csv", csv)], "has no translations in it yet")
        try refused(
            [
                "translate", "import",
                try file("f.csv", csvWith(title: "Teitl").replacingOccurrences(of: "GP,title,", with: "GP,old-title,")),
            ],
            "old-title: GP no longer has this text")
        try refused(
            ["translate", "import", try file("g.csv", csvWith(title: String(repeating: "Teitl hir ", count: 20)))],
            "title: translation of title is 199 characters long; keep it to 160 characters or fewer")
        try refused(
            ["translate", "import", try file("h.csv", csvWith(title: "Cael \u{202E}apwyntiad"))],
            "title: translation of title 'Cael \\u{202E}apwyntiad' is not text without direction controls")
        #expect(try yswd.fingerprint() == before, "nothing was written")
    }

    @Test func aPhraseTranslationMustKeepItsPlaceholders() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("translate", "strings", "--language", "cy", "--format", "csv", "--out", "s.csv")
        let csv = try String(contentsOfFile: yswd.folder + "/s.csv", encoding: .utf8)
        let broken = csv.split(separator: "\r\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(",Published {{published}},") ? line + "Cyhoeddwyd {{{published}}}" : String(line)
        }.joined(separator: "\r\n")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/s-cy.csv"))
        let before = try yswd.fingerprint()
        let result = try yswd.run(["translate", "import", "s-cy.csv"])
        #expect(result.status == 2 && result.stderr.contains("Published {{published}}"), "\(result.stderr)")
        #expect(result.stderr.contains("with the English's placeholders, each once: {{published}}"))
        #expect(try yswd.fingerprint() == before)
    }

    @Test func generatedFilesNeverCrashTheImport() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--out", "gp.xlf")
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--format", "csv", "--out", "gp.csv")
        let seeds = [
            try Data(contentsOf: URL(fileURLWithPath: yswd.folder + "/gp.xlf")),
            try Data(contentsOf: URL(fileURLWithPath: yswd.folder + "/gp.csv")),
        ]
        let before = try yswd.fingerprint()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<24 {
            var bytes = [UInt8](seeds[round % 2])
            // Flip, drop or insert a few bytes: a damaged file, as a mail client or an editor leaves it.
            for _ in 0..<(1 + round % 5) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: yswd.folder + "/fuzz.dat"))
            let result = try yswd.run(["translate", "import", "fuzz.dat"])
            #expect(result.status == 2, "round \(round): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: "), "round \(round): \(result.stderr)")
        }
        #expect(try yswd.fingerprint() == before)
    }

    @Test func followUpsGoInEachPersonsLanguageInTheSameRun() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("config", "set", "bilingual", "cy")
        try yswd.ok("participant", "update", "P-2", "--language", "cy")
        try yswd.ok("participant", "update", "P-1", "--language", "ur")
        // Until the Welsh and Urdu are ready, nobody's follow-up is written: no one hears later than another.
        let refused = try yswd.run(["followups", "GP", "--out", "f"])
        #expect(refused.status == 2 && refused.stderr.contains("Welsh (cy)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: yswd.folder + "/f"))

        for language in ["cy", "ur"] {
            try yswd.ok("translate", "export", "GP", "--language", language, "--out", "\(language).xlf")
            let file = try String(contentsOfFile: yswd.folder + "/\(language).xlf", encoding: .utf8)
            try Data(try Self.translated(file) { "\(language.uppercased()) \($0)" }.utf8)
                .write(to: URL(fileURLWithPath: yswd.folder + "/\(language)-done.xlf"))
            try yswd.ok("translate", "import", "\(language)-done.xlf")
            try Self.installPhrases(yswd, language: language)
        }
        try yswd.ok("followups", "GP", "--out", "f")
        let letter = try String(contentsOfFile: yswd.folder + "/f/P-2-letter.html", encoding: .utf8)
        #expect(letter.hasPrefix("<!DOCTYPE html>\n<html lang=\"cy\">"))
        let welsh = try #require(letter.range(of: "CY: Dear"))
        let english = try #require(letter.range(of: "<div class=\"second-language\" lang=\"en\" dir=\"ltr\">"))
        #expect(welsh.lowerBound < english.lowerBound && letter.contains("Dear participant,"), "Welsh, then English")
        let email = try String(contentsOfFile: yswd.folder + "/f/P-1-email.txt", encoding: .utf8)
        #expect(email.hasPrefix("Subject: UR: What happened to your views on UR Getting a GP appointment"), "\(email)")
        #expect(email.contains("UR Phones are busy at 8am") && !email.contains("----------"), "Urdu only: \(email)")
    }

    @Test func aQuoteIsPublishedInTheLanguageItWasGivenIn() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        let refused = try yswd.run(["contribution", "add", "GP", "--text", "Dim", "--language", "pl"])
        #expect(refused.status == 2 && refused.stderr.contains("--language 'pl' is not one of the team's languages"))
        try yswd.ok(
            "contribution", "add", "GP", "--text", "Mae'r ffôn bob amser yn brysur", "--participant", "P-1",
            "--language", "cy")
        try yswd.ok("theme", "link", "GP", "phone", "--contribution", "5")
        try yswd.ok("quote", "add", "GP", "phone", "5")
        let english = try yswd.ok("publish", "GP")
        #expect(
            english.contains("“<span lang=\"cy\" dir=\"ltr\">Mae&#39;r ffôn bob amser yn brysur</span>”"), "\(english)")
        #expect(english.contains("“\(PublishCommandTests.quote)”"), "the English quote, unmarked on the English page")
        let welsh = try yswd.ok("publish", "GP", "--language", "cy", "--allow-untranslated")
        #expect(welsh.contains("“Mae&#39;r ffôn bob amser yn brysur”"), "unmarked on the Welsh page")
        #expect(welsh.contains("“<span lang=\"en\" dir=\"ltr\">\(PublishCommandTests.quote)</span>”"))
        let history = try yswd.ok("history", "GP", "--format", "json")
        #expect(history.contains(#"\"language\":\"cy\""#), "history records the language")
    }

    @Test func aQuotesTranslationGoesBesideItAndIsErasedWithThePersonWhoSaidIt() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok(
            "contribution", "add", "GP", "--text", "Mae'r ffôn bob amser yn brysur", "--participant", "P-1",
            "--language", "cy")
        try yswd.ok("theme", "link", "GP", "phone", "--contribution", "5")
        try yswd.ok("quote", "add", "GP", "phone", "5")
        // The English quote is offered for Welsh; the Welsh one is not (it is Welsh already), but is for Urdu.
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--out", "cy.xlf")
        let welshFile = try String(contentsOfFile: yswd.folder + "/cy.xlf", encoding: .utf8)
        #expect(welshFile.contains("<source>\(PublishCommandTests.quote)</source>"))
        #expect(!welshFile.contains("Mae&apos;r ffôn") && !welshFile.contains("Mae'r ffôn"), "\(welshFile)")
        try yswd.ok("translate", "export", "GP", "--language", "ur", "--out", "ur.xlf")
        #expect(try String(contentsOfFile: yswd.folder + "/ur.xlf", encoding: .utf8).contains("Mae"))

        // A quote needs no translation to go out: everything else translated, it is published as said.
        let untranslated = try Self.translated(welshFile) { source in
            source == PublishCommandTests.quote ? "" : "Cymraeg: \(source)"
        }
        try Data(untranslated.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/cy-1.xlf"))
        try yswd.ok("translate", "import", "cy-1.xlf")
        try Self.installPhrases(yswd)
        let status = try yswd.ok("translate", "status", "GP")
        #expect(status.contains("Welsh: all texts translated; 1 quote has no translation beside it"), "\(status)")
        let plain = try yswd.ok("publish", "GP", "--language", "cy")
        #expect(plain.contains("“<span lang=\"en\" dir=\"ltr\">\(PublishCommandTests.quote)</span>”</p></blockquote>"))

        // Translated, the translation goes beside it, in the page's language.
        let translated = try Self.translated(welshFile) { "Cymraeg: \($0)" }
        try Data(translated.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/cy-2.xlf"))
        try yswd.ok("translate", "import", "cy-2.xlf")
        let beside = "<p>CY: Translation: “Cymraeg: \(PublishCommandTests.quote)”</p></blockquote>"
        try yswd.ok("publish", "GP", "--language", "cy", "--record", "--out", "u1")
        let recorded = try yswd.ok("updates", "GP", "--show", "1", "--language", "cy")
        #expect(recorded.contains(beside), "\(recorded)")
        let data = try yswd.ok("publish", "GP", "--format", "json")
        #expect(!data.contains("Cymraeg: \(PublishCommandTests.quote)"), "not in the open data")

        // Erased with what P-1 said: out of the recorded Welsh page, the translations and their history.
        try yswd.ok("participant", "erase", "P-1", "--contributions")
        let after = try yswd.ok("updates", "GP", "--show", "1", "--language", "cy")
        #expect(!after.contains("Cymraeg: \(PublishCommandTests.quote)"), "\(after)")
        #expect(after.contains("This quote was removed at the request of the person who said it."))
        let history = try yswd.ok("history", "GP", "--format", "json")
        #expect(!history.contains("Cymraeg: \(PublishCommandTests.quote)"), "no copy left in history")
        #expect(history.contains("Cymraeg: Phones are busy at 8am"), "the theme's translation stays")
    }

    @Test func anUpdateRecordedInTwoLanguagesIsOneUpdateAndSaysWhenItsWelshIsOutOfDate() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--out", "gp.xlf")
        let file = try String(contentsOfFile: yswd.folder + "/gp.xlf", encoding: .utf8)
        try Data(try Self.translated(file) { "Cymraeg: \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/gp-cy.xlf"))
        try yswd.ok("translate", "import", "gp-cy.xlf")
        try Self.installPhrases(yswd)
        try yswd.ok("publish", "GP", "--record", "--bilingual", "cy", "--out", "u1")
        let listed = try yswd.ok("updates", "GP")
        #expect(listed.contains("html html (cy+en)"), "one update, two renditions: \(listed)")
        let welsh = try yswd.ok("updates", "GP", "--show", "1", "--language", "cy+en")
        #expect(welsh == (try String(contentsOfFile: yswd.folder + "/u1/GP-1.cy+en.html", encoding: .utf8)))
        #expect(welsh.hasPrefix("<!DOCTYPE html>\n<html lang=\"cy\">"))

        // The open data carries both languages.
        try yswd.ok("site", "--out", "site")
        let data = try String(contentsOfFile: yswd.folder + "/site/data/updates.json", encoding: .utf8)
        #expect(data.contains("\"translations\"") && data.contains("Cymraeg: Phones are busy at 8am"), "\(data)")
        let csv = try String(contentsOfFile: yswd.folder + "/site/data/updates.csv", encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",youSaid_cy,weDid_cy,weDidNotBecause_cy"), "\(lines[0])")
        #expect(
            lines.contains { $0.contains("Phones are busy at 8am") && $0.contains("Cymraeg: Phones are busy at 8am") })
        let site = try String(contentsOfFile: yswd.folder + "/site/updates/GP-1.html", encoding: .utf8)
        #expect(site.contains("hreflang=\"cy\""), "the language versions link to each other")

        // A better Welsh wording after it was recorded: no answer changed, so the loop is not reopened,
        // and staff are told the Welsh is out of date.
        let before = try yswd.ok("loops", "--state", "closed", "--state", "following-up", "--format", "csv")
        try Data(try Self.translated(file) { "Gwell: \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/gp-cy-2.xlf"))
        try yswd.ok("translate", "import", "gp-cy-2.xlf")
        let result = try yswd.run(["updates", "GP"])
        #expect(result.stderr.contains("update 1's html in Welsh is out of date"), "\(result.stderr)")
        #expect(try yswd.ok("loops", "--state", "closed", "--state", "following-up", "--format", "csv") == before)

        // The new rendition goes on the same update, as the note says; the first is kept.
        let suggested = "yswd publish GP --record --add-to 1 --bilingual cy --format html --out FILE"
        #expect(result.stderr.contains(suggested), "\(result.stderr)")
        let again = try yswd.run([
            "publish", "GP", "--record", "--add-to", "1", "--bilingual", "cy", "--out", "u1b.html",
        ])
        #expect(again.status == 0 && again.stderr.contains("as version 2"), "\(again.stderr)")
        let now = try yswd.run(["updates", "GP"])
        #expect(now.stdout.contains("html (cy+en, version 2)") && !now.stderr.contains("out of date"), "\(now)")
        #expect(now.stdout.split(separator: "\n").count == 2, "still one update: \(now.stdout)")
        let current = try yswd.ok("updates", "GP", "--show", "1", "--language", "cy+en")
        #expect(current.contains("Gwell: Phones are busy at 8am") && !current.contains("Cymraeg: Phones"))
        #expect(try yswd.ok("loops", "--state", "closed", "--state", "following-up", "--format", "csv") == before)
        let history = try yswd.ok("history", "GP", "--format", "json")
        #expect(history.contains(#"revision\":2"#), "history keeps both versions")
        // The same bytes again are not a new version.
        let unchanged = try yswd.run([
            "publish", "GP", "--record", "--add-to", "1", "--bilingual", "cy", "--out", "u1c.html",
        ])
        #expect(unchanged.status != 0 && unchanged.stderr.contains("already published as html"), "\(unchanged.stderr)")
    }

    @Test func anImportRecordsTheLanguageItsResponsesWereGivenIn() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try Data(
            ("Id,Text,Respondent,Email,Quote me,Themes\r\n"
                + "R1,Mae'r maes parcio'n llawn,P-9,p9@example.org,yes,parking\r\n"
                + "R2,Dim lle,P-1,p1@example.org,no,parking\r\n").utf8
        ).write(to: URL(fileURLWithPath: yswd.folder + "/cy.csv"))
        try yswd.ok("participant", "update", "P-1", "--language", "ur")
        let arguments = [
            "contribution", "import", "GP", "cy.csv", "--text-column", "Text", "--id-column", "Id",
            "--participant-column", "Respondent", "--email-column", "Email", "--may-quote-column", "Quote me",
            "--theme-column", "Themes", "--contact-wants-feedback",
        ]
        let before = try yswd.fingerprint()
        let refused = try yswd.run(arguments + ["--language", "pl"])
        #expect(refused.status == 2 && refused.stderr.contains("'pl' is not one of the team's languages"))
        #expect(try yswd.fingerprint() == before, "nothing imported")
        try yswd.ok(arguments + ["--language", "cy"])
        let english = try yswd.ok("publish", "GP", "--quote-mode", "auto")
        #expect(
            english.contains("“<span lang=\"cy\" dir=\"ltr\">Mae&#39;r maes parcio&#39;n llawn</span>”"), "\(english)")

        // Who wrote in Welsh hears back in Welsh; P-1's Urdu, recorded before, stays.
        let waiting = try yswd.run(["followups", "GP", "--out", "f"])
        #expect(waiting.status == 2 && waiting.stderr.contains("Welsh (cy)"), "\(waiting.stderr)")
        try yswd.ok("translate", "export", "GP", "--language", "cy", "--out", "gp.xlf")
        let file = try String(contentsOfFile: yswd.folder + "/gp.xlf", encoding: .utf8)
        try Data(try Self.translated(file) { "Cymraeg: \($0)" }.utf8)
            .write(to: URL(fileURLWithPath: yswd.folder + "/gp-cy.xlf"))
        try yswd.ok("translate", "import", "gp-cy.xlf")
        try Self.installPhrases(yswd)
        let urdu = try yswd.run(["followups", "GP", "--out", "f"])
        #expect(urdu.status == 2 && urdu.stderr.contains("Urdu (ur)"), "\(urdu.stderr)")
    }

    @Test func aLanguageColumnGivesEachResponseAndEachPersonTheirLanguage() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        func write(_ name: String, _ rows: [String]) throws {
            try Data(
                (["Id,Text,Respondent,Email,Quote me,Themes,Iaith / Language"] + rows).joined(separator: "\r\n").utf8
            )
            .write(to: URL(fileURLWithPath: yswd.folder + "/" + name))
        }
        let arguments = [
            "--text-column", "Text", "--id-column", "Id", "--participant-column", "Respondent", "--email-column",
            "Email", "--may-quote-column", "Quote me", "--theme-column", "Themes", "--contact-wants-feedback",
            "--language-column", "Iaith / Language",
        ]
        // A language that is not one of the team's: refused at its line and column, nothing written.
        try write(
            "bad.csv", ["R1,Dim lle,W-1,w1@example.org,no,parking,cy", "R2,Nope,W-2,w2@example.org,no,parking,Klingon"])
        let before = try yswd.fingerprint()
        let refused = try yswd.run(["contribution", "import", "GP", "bad.csv"] + arguments)
        #expect(refused.status != 0, "\(refused.stdout)")
        #expect(
            refused.stderr.contains("line 3") && refused.stderr.contains("Iaith / Language")
                && refused.stderr.contains(
                    "‘Klingon’ is not one of the team’s languages; use en (English), cy (Welsh),"),
            "\(refused.stderr)")
        #expect(try yswd.fingerprint() == before, "nothing imported")

        // By tag, by name in English or in the language itself, any case; a blank cell takes --language.
        try write(
            "mixed.csv",
            [
                "R1,Mae'r maes parcio'n llawn,W-1,w1@example.org,yes,parking,Cymraeg",
                "R2,There are never any spaces,W-2,w2@example.org,yes,parking,english",
                "R3,Dim lle o gwbl,W-3,w3@example.org,yes,parking,",
                "R4,Rhy ychydig o leoedd,W-4,w4@example.org,yes,parking,CY",
            ])
        try yswd.ok(["contribution", "import", "GP", "mixed.csv"] + arguments + ["--language", "cy"])
        let page = try yswd.ok("publish", "GP", "--quote-mode", "auto", "--quotes", "10")
        #expect(page.contains("“<span lang=\"cy\" dir=\"ltr\">Mae&#39;r maes parcio&#39;n llawn</span>”"), "\(page)")
        #expect(page.contains("“<span lang=\"cy\" dir=\"ltr\">Dim lle o gwbl</span>”"))
        #expect(page.contains("“There are never any spaces”"), "English, unmarked")

        // Each person hears back in their row's language: Welsh phrases for W-1, W-3 and W-4, not for W-2.
        try Self.installPhrases(yswd)
        try yswd.ok("followups", "GP", "--allow-untranslated", "--out", "f")
        let files = try FileManager.default.contentsOfDirectory(atPath: yswd.folder + "/f")
        func followUp(_ ref: String) throws -> String {
            let name = try #require(files.first { $0.hasPrefix(ref + "-") }, "\(files)")
            return try String(contentsOfFile: yswd.folder + "/f/" + name, encoding: .utf8)
        }
        for ref in ["W-1", "W-3", "W-4"] { #expect(try followUp(ref).contains("CY: "), "\(ref) in Welsh") }
        #expect(try !followUp("W-2").contains("CY: "), "W-2 in English")
    }

    @Test func aLanguageIsAddedToAnUpdateRecordedWithoutIt() throws {
        let yswd = try Self.welsh()
        defer { yswd.remove() }
        try yswd.ok("publish", "GP", "--record", "--out", "u1.html")
        try yswd.ok("translate", "export", "GP", "--language", "ur", "--out", "gp.xlf")
        let file = try String(contentsOfFile: yswd.folder + "/gp.xlf", encoding: .utf8)
        try Data(try Self.translated(file) { "اردو: \($0)" }.utf8).write(
            to: URL(fileURLWithPath: yswd.folder + "/ur.xlf"))
        try yswd.ok("translate", "import", "ur.xlf")
        try Self.installPhrases(yswd, language: "ur")
        let added = try yswd.run([
            "publish", "GP", "--record", "--add-to", "1", "--language", "ur", "--out", "u1.ur.html",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try yswd.ok("updates", "GP").contains("html html (ur)"))
        // And a format to it afterwards, in the source language.
        let easy = try yswd.run([
            "publish", "GP", "--record", "--add-to", "1", "--format", "easy-read", "--out", "e.html",
        ])
        #expect(easy.status == 0, "\(easy.stderr)")
        let urdu = try yswd.ok("updates", "GP", "--show", "1", "--language", "ur")
        #expect(urdu.contains("<html lang=\"ur\" dir=\"rtl\">"))
    }
}
