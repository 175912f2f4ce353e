import FeedbackLoop
import FeedbackLoopImport
import Foundation
import Testing

private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, field: "date") }

@Suite struct HTMLTextTests {
    @Test(arguments: [
        (
            "<p>We will add a <strong>call-back</strong> option &amp; more.</p><p>Second</p>",
            "We will add a call-back option & more.\nSecond"
        ),
        ("Line one<br>Line two<br/>Three", "Line one\nLine two\nThree"),
        ("<ul><li>One</li><li>Two</li></ul>", "- One\n- Two"),
        ("Caf&eacute;? &#233; &#x2014; &lt;b&gt;", "Caf&eacute;? é — <b>"),
        ("plain text", "plain text"),
    ])
    func plain(html: String, expected: String) {
        #expect(HTMLText.plain(html) == expected)
    }

    @Test func htmlEscapesAndRoundTrips() {
        let text = "Tom & Jerry <script>\nSecond \"line\""
        #expect(HTMLText.html(text) == "<p>Tom &amp; Jerry &lt;script&gt;</p><p>Second &quot;line&quot;</p>")
        #expect(HTMLText.plain(HTMLText.html(text)) == text)
    }
}

@Suite struct DecidimResultsTests {
    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appending(path: "decidim-\(UUID().uuidString).csv").path()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let export = """
        id;category/id;parent/id;title/en;title/ca;description/en;start_date;end_date;status/id;progress;proposal_urls
        10;;;Call-back service;Servei;"<p>A <b>call-back</b> option</p>";2026-02-01;2026-06-30;2;40;
        11;;10;Phone menu;Menú;<p>Shorter</p>;2026-02-01;2026-03-01T00:00:00+01:00;3;100;https://example.org/p/1
        12;;10;Staff training;Formació;;;;1;;

        """

    @Test func readsResultsWithParentsProgressAndPlainDescriptions() throws {
        let path = try file(Self.export)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let results = try DecidimResults.read(path: path)
        #expect(results.map(\.id) == ["10", "11", "12"])
        #expect(results.map(\.parentId) == [nil, "10", "10"])
        #expect(results.map(\.status) == [.inProgress, .done, .planned])
        #expect(results[0].description == "A call-back option")
        #expect(results[1].endDate == day("2026-03-01"))
        #expect(results[1].proposalURLs == "https://example.org/p/1")
        #expect(try DecidimResults.read(path: path, locale: "ca").map(\.title) == ["Servei", "Menú", "Formació"])
    }

    @Test(arguments: [
        (
            "id;title/en\n1;A\n2;\n", "en",
            ImportError.badValue(
                line: 3, column: "title/en", problem: "the title is empty; every result needs one in locale 'en'")
        ),
        (
            "id;parent/id;title/en\n1;;A\n2;99;B\n", "en",
            .badValue(line: 3, column: "parent/id", problem: "parent '99' is not a result in this file")
        ),
        (
            "id;title/en\n1;A\n1;B\n", "en",
            .badValue(line: 3, column: "id", problem: "result '1' appears twice in the file")
        ),
        (
            "id;title/en;progress\n1;A;150\n", "en",
            .badValue(line: 2, column: "progress", problem: "'150' is not a percentage from 0 to 100")
        ),
        ("id;title/en\n1;A\n", "fr", .missingColumn(name: "title/fr", found: ["id", "title/en"])),
        ("id;title/en\n", "en", .noRows),
    ])
    func invalidFilesAreRejectedWhole(text: String, locale: String, error: ImportError) throws {
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: error) { try DecidimResults.read(path: path, locale: locale) }
    }

    @Test func writesWhatItReads() throws {
        let results = [
            DecidimResult(
                id: "10", title: "Call-back; soon", description: "A \"call-back\" & more", startDate: day("2026-02-01"),
                progress: 40),
            DecidimResult(id: "11", parentId: "10", title: "Menu", endDate: day("2026-03-01"), progress: 100),
        ]
        let csv = DecidimResults.csv(results)
        #expect(
            csv.hasPrefix(
                "id;parent/id;title/en;description/en;start_date;end_date;status/id;status/name/en;progress;proposal_urls\r\n"
            ))
        let path = try file(csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try DecidimResults.read(path: path)
        #expect(read.map(\.title) == ["Call-back; soon", "Menu"])
        #expect(read.map(\.description) == ["A \"call-back\" & more", nil])
        #expect(read.map(\.parentId) == [nil, "10"])
        #expect(read.map(\.status) == [.inProgress, .done])
    }
}

@Suite struct OpenConsultTests {
    @Test(arguments: [
        (LoopState.planned, "Planned"), (.collecting, "Active"), (.reopened, "Re-opened"),
        (.awaitingResponse, "Completed"), (.readyToPublish, "Completed"), (.followingUp, "Completed"),
        (.closed, "Completed"),
    ])
    func statusMapping(state: LoopState, expected: String) {
        #expect(OpenConsult.mapped(state) == expected)
    }

    @Test func datasets() {
        let consultations = [
            OpenConsult.Consultation(
                id: "GP", title: "GP access, 2026", description: "Find out", state: .readyToPublish,
                recorded: day("2025-12-01"),
                opens: day("2026-01-05"), closes: day("2026-02-27")),
            OpenConsult.Consultation(
                id: "MH", title: "Crisis", description: "Hear", state: .planned, recorded: day("2026-03-01"),
                opens: day("2026-05-01")),
        ]
        #expect(
            OpenConsult.consultationsCSV(consultations) { _ in "Coventry ICB" } == """
                ConsultationId,Title,StatusCurrent,Description,OrganizationName,StatusCurrentMapped\r
                GP,"GP access, 2026",ready-to-publish,Find out,Coventry ICB,Completed\r
                MH,Crisis,planned,Hear,Coventry ICB,Planned\r

                """)
        #expect(
            OpenConsult.statusChangesCSV(consultations, asOf: day("2026-04-01")) == """
                ConsultationId,Status,StatusDate,StatusMapped\r
                GP,planned,2025-12-01,Planned\r
                GP,collecting,2026-01-05,Active\r
                GP,ready-to-publish,2026-02-28,Completed\r
                MH,planned,2026-03-01,Planned\r

                """)
    }
}
