import Foundation
import Testing

@Suite struct ExternalFormatTests {
    @Test func themingImportedResponsesInBulk() async throws {
        let yswd = try ImportCommandTests.prepared([
            "survey.csv": Data("Text\nThe PHONE queue\nNo phone answer\nParking\nPhoné menu\n".utf8)
        ])
        defer { yswd.remove() }
        try yswd.ok("contribution", "import", "GP", "survey.csv", "--text-column", "Text")
        try yswd.ok("contribution", "update", "GP", "2", "--out-of-scope", "about another service")
        let before = try yswd.fingerprint()
        #expect(
            try yswd.ok("theme", "link", "GP", "phones", "--matching", "phone", "--dry-run").hasPrefix(
                "Would link 2 contributions"))
        #expect(try yswd.fingerprint() == before)
        #expect(
            try yswd.ok("theme", "link", "GP", "phones", "--matching", "phone")
                == "Linked 2 contributions containing 'phone' to theme phones.\n")
        #expect(try yswd.ok("theme", "link", "GP", "phones", "--matching", "phone").hasPrefix("Linked 0"))
        let unthemed = try yswd.ok("contribution", "list", "GP", "--unthemed", "--format", "csv")
        #expect(unthemed.contains("Parking"))
        #expect(!unthemed.contains("PHONE"))
        let history = try yswd.ok("history", "GP", "--format", "csv")
        #expect(history.contains("Bulk link: linked 2; matching “phone”; theme “phones”."))
        #expect(!history.contains("themeContribution"))
        let loops = try yswd.ok("loops", "--as-of", "2030-01-01", "--format", "json")
        #expect(loops.contains("\"unthemedContributions\" : 1"))
    }

    static let results = """
        id;parent/id;title/en;description/en;start_date;end_date;status/id;progress
        10;;Call-back service;"<p>A <b>call-back</b> option &amp; more</p>";2026-02-01;2026-06-30;2;40
        11;10;Phone menu;<p>Shorter</p>;2026-02-01;2026-03-01;3;100

        """

    @Test func decidimProgressKeepsTwoDecimalsBothWays() async throws {
        let results = """
            id;title/en;progress
            1;Call-back service;46.33
            2;Phone menu;12.5
            3;Website;100

            """
        let yswd = try ImportCommandTests.prepared(["results.csv": Data(results.utf8)])
        defer { yswd.remove() }
        try yswd.ok("import", "decidim-results", "GP", "results.csv")
        let listed = try yswd.ok("decision", "list", "GP", "--format", "json")
        let decisions = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(decisions.map { $0["progress"] as? Double } == [46.33, 12.5, 100])
        let exported = try yswd.ok("export", "decidim-results", "GP")
        for progress in [";46.33;", ";12.5;", ";100;"] { #expect(exported.contains(progress), "\(exported)") }
    }

    @Test func decidimResultsComeInAsDecisionsAndGoBackOut() async throws {
        let yswd = try ImportCommandTests.prepared(["results.csv": Data(Self.results.utf8)])
        defer { yswd.remove() }
        #expect(
            try yswd.ok("import", "decidim-results", "GP", "results.csv")
                == "Imported 2 Decidim results: 2 new decisions, 0 updated.\n")
        let listed = try yswd.ok("decision", "list", "GP", "--format", "json")
        let decisions = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(decisions.map { $0["key"] as? String } == ["decidim-10", "decidim-11"])
        #expect(decisions.map { $0["status"] as? String } == ["in-progress", "done"])
        #expect(decisions.first?["description"] as? String == "A call-back option & more")
        #expect(decisions.allSatisfy { ($0["responds"] as? [Any])?.isEmpty == true })
        // Re-importing updates in place.
        let changed = Self.results.replacingOccurrences(of: "2026-06-30;2;40", with: "2026-07-31;3;100")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: yswd.folder + "/results.csv"))
        #expect(try yswd.ok("import", "decidim-results", "GP", "results.csv").contains("0 new decisions, 2 updated"))
        #expect(try yswd.ok("decision", "list", "GP").contains("decidim-10  done"))
        // Linking a theme, then exporting.
        try yswd.ok("decision", "update", "GP", "decidim-10", "--responds-to", "phones")
        let exported = try yswd.ok("export", "decidim-results", "GP")
        #expect(
            exported.contains(
                #"10;;Call-back service;"<p>A call-back option &amp; more</p>";2026-02-01;2026-07-31;done;Done;100;"#))
        #expect(exported.contains("11;10;Phone menu;"))
    }

    @Test(arguments: [
        ("id;parent/id;title/en\n1;;A\n2;99;B\n", "line 3, column parent/id: parent '99' is not a result in this file"),
        ("id;title/en\n1;A\n2;\n", "line 3, column title/en: the title is empty"),
    ])
    func aBadDecidimFileChangesNothing(content: String, message: String) throws {
        let yswd = try ImportCommandTests.prepared(["bad.csv": Data(content.utf8)])
        defer { yswd.remove() }
        let before = try yswd.snapshot()
        let result = try yswd.run(["import", "decidim-results", "GP", "bad.csv"])
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: \(message)"
                + (message.hasSuffix("empty") ? "; every result needs one in locale 'en'\n" : "\n"))
        #expect(try yswd.snapshot() == before)
    }

    @Test func openConsultDatasets() async throws {
        let yswd = try ImportCommandTests.prepared([:])
        defer { yswd.remove() }
        try yswd.ok("config", "set", "organisation", "Coventry ICB")
        try FileManager.default.createDirectory(atPath: yswd.folder + "/open", withIntermediateDirectories: false)
        try yswd.ok("export", "openconsult", "--out", "open", "--as-of", "2026-11-27")
        let core = try String(contentsOfFile: yswd.folder + "/open/consultations.csv", encoding: .utf8)
        #expect(
            core
                == "ConsultationId,Title,StatusCurrent,Description,OrganizationName,StatusCurrentMapped\r\nGP,GP access,collecting,Find out,Coventry ICB,Active\r\n"
        )
        let changes = try String(contentsOfFile: yswd.folder + "/open/status-changes.csv", encoding: .utf8)
        #expect(changes.hasPrefix("ConsultationId,Status,StatusDate,StatusMapped\r\nGP,collecting,"))
        let missing = try yswd.run(["export", "openconsult", "--out", "nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: --out nowhere is not a folder; create it first\n")
    }
}
