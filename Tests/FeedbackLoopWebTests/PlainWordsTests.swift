import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopPublish
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import FeedbackLoopStore
@testable import FeedbackLoopWeb

/// No web page or refusal sends people to the terminal: no `yswd` command, no `--flag`, no
/// backtick, whatever they do wrong.
@Suite struct PlainWordsTests {
    /// Words that belong to the command line.
    static func commandLineWords(in text: String) -> [String] {
        var found: [String] = []
        if text.contains("yswd ") { found.append("yswd and a space, as a command starts") }
        if let flag = text.firstMatch(of: Self.flag) { found.append("a flag: \(text[flag.range])") }
        if text.contains("`") { found.append("a backtick") }
        return found
    }

    nonisolated(unsafe) static let flag = try! Regex(#"(?:^|[\s(“"])--[a-z]"#)

    static let finding = PrivacyFinding(kind: .email, location: "theme phone", match: "jo@example.org")

    /// One of every refusal the store and the publisher give.
    static let storeErrors: [StoreError] = [
        // (Only the command line opens a database file, so its errors about the file are left out.)
        .fileExists(path: "x"), .unknownActivity("GP"), .unknownParticipant("P"),
        .unknownContribution(3), .unknownTheme(activity: "GP", key: "k", known: ["a"]),
        .unknownDecision(activity: "GP", key: "k", known: []), .duplicateActivity("GP"), .duplicateParticipant("P"),
        .duplicateTheme(activity: "GP", key: "k"), .duplicateDecision(activity: "GP", key: "k"),
        .duplicateSourceId(activity: "GP", sourceId: "s", existing: 1),
        .contributionOfOtherActivity(id: 1, activity: "GP", owner: "X"),
        .emptyContributionRange(from: 1, to: 2, activity: "GP"), .noExplanation(activity: "GP", theme: "t"),
        .participantErased("P"), .notErased("P"), .database(message: "disk full", busy: false),
        .database(message: "busy", busy: true), .themedOutOfScope(id: 1, themes: ["a"]),
        .backupFailed(path: "x", reason: "r"), .notEmpty, .recordChanged("GP"),
        .unknownUpdate(activity: "GP", number: 2, count: 0), .unknownUpdate(activity: "GP", number: 2, count: 1),
        .unknownRecipient(activity: "GP", ref: "P"), .parentCycle("r"),
        .quoteNotAllowed(id: 1, reason: .anonymous), .quoteNotAllowed(id: 1, reason: .noConsent(participant: "P")),
        .quoteNotAllowed(id: 1, reason: .notLinked(theme: "t")), .quoteNotChosen(id: 1, theme: "t"),
        .notInTheme(id: 1, theme: "t"), .updateOutdated(activity: "GP", number: 1),
        .renditionExists(activity: "GP", number: 1, format: "html"), .unknownOrganisation(key: "o", known: []),
        .unknownOrganisation(key: "o", known: ["a"]), .duplicateOrganisation("o"),
        .organisationInUse(key: "o", activities: 2), .unknownUser("a@b.org"), .duplicateUser("a@b.org"),
        .userDisabled("a@b.org"), .passwordLinkInvalid,
        .reasonRequired(activity: "GP", update: 1, themes: ["t"]),
    ]

    static let errors: [any UserFacingError] =
        storeErrors + [
            PublishError.noThemes(activity: "GP"), PublishError.privacyFindings([finding]),
            PublishError.unknownWaiver(id: "F9", findings: [finding]), PublishError.noPublicContact(activity: "GP"),
            PublishError.unanswered(activity: "GP", themes: ["t"]), PublishError.unthemed(activity: "GP", views: 2),
            PublishError.noPostalAddress(letters: 1),
            ImportRowError(line: 2, column: "Themes", problem: "'x' is not a theme of GP", remedy: .createThemes),
            ImportError.invalidUTF8(line: 2), ImportError.fieldTooLarge(line: 2, column: 1, limitKB: 1024),
            InvalidRows(problems: [ImportProblem(line: 2, column: "How", value: "x", why: "not a method")]),
        ]

    @Test func everyRefusalReadsWithoutCommandLineWordsInTheBrowser() {
        for error in Self.errors {
            let (text, _) = WebRemedy.message(error, labels: ["reason": "Why this changed"])
            #expect(Self.commandLineWords(in: text).isEmpty, "\(text)")
        }
        // The command line keeps its own words for the same errors.
        #expect(StoreError.unknownActivity("GP").description.contains("`yswd activity list`"))
    }

    @Test func aMissingPublicContactLinksToTheFieldThatFixesIt() {
        let (text, link) = WebRemedy.message(PublishError.noPublicContact(activity: "GP"))
        #expect(text.contains("add a public contact on the activity’s ‘Change the activity’ page"))
        #expect(link?.path == "/activities/GP/edit#public-contact")
    }

    /// Every route, as every role, with missing, unknown and wrong values: no page says a command.
    @Test func everyPageAndRefusalTheWebGivesIsFreeOfCommandLineWords() async throws {
        let harness = try await WebHarness()
        let routes = harness.server.router().routes.filter { $0.method != .head }.map {
            ($0.method == .get, $0.path.description)
        }
        try await harness.test { client in
            let admin = try await client.signIn(.admin)
            let viewer = try await client.signIn(.viewer)
            var seen = 0
            func check(_ response: TestResponse, _ what: String) {
                seen += 1
                let body = response.body.text
                guard response.headers[.contentType]?.hasPrefix("text/html") == true else { return }
                #expect(Self.commandLineWords(in: body).isEmpty, "\(what): \(Self.commandLineWords(in: body))")
            }
            let fills = [
                ["ref": "GP", "key": "phone", "id": "2", "number": "1", "format": "html", "upload": "x", "token": "x"],
                [
                    "ref": "NOPE", "key": "nope", "id": "999", "number": "9", "format": "nope", "upload": "x",
                    "token": "x",
                ],
                [
                    "ref": "GP", "key": "call-back", "id": "abc", "number": "x", "format": "pdf", "upload": "x",
                    "token": "x",
                ],
            ]
            for (isPage, route) in routes {
                for fill in fills {
                    var path = route
                    for (name, value) in fill { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                    if isPage {
                        check(try await client.get(path, cookie: admin.cookie), "GET \(path)")
                        check(try await client.get(path, cookie: viewer.cookie), "GET \(path) as viewer")
                    } else {
                        let bad: [[(String, String)]] = [
                            [],
                            [("ref", "GP"), ("key", "phone"), ("theme-key", "phone"), ("said", ""), ("text", "")],
                            [
                                ("due", "31/02/2027"), ("closes", "soon"), ("email", "not-an-email"),
                                ("action", "remove"),
                            ],
                            [("action", "import"), ("text-column", "Nope"), ("format", "html")],
                            [("key", "due-soon-days"), ("value", "many"), ("erase-ref", "P-1"), ("confirm", "P-1")],
                        ]
                        for form in bad {
                            check(
                                try await client.post(path, form + [("csrf", admin.csrf)], cookie: admin.cookie),
                                "POST \(path) \(form)")
                        }
                        check(
                            try await client.post(path, [("csrf", viewer.csrf)], cookie: viewer.cookie),
                            "POST \(path) as viewer")
                    }
                }
            }
            #expect(seen > 300)
        }
    }
}
