import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopSQLite

/// What the store reads for an update: themes in order of views, honest counts, chosen quotes,
/// and the participants' details that could appear in its texts.
@Suite struct PublishingStoreTests {
    /// Three themes: `few` and `outside` with 1 view each, `many` with 3 (one anonymous, one person
    /// twice); contribution 6 is out of scope. P-1 may be quoted; P-2 may not.
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(clock: pinnedClock)
        try await store.addActivity(sampleActivity())
        try await store.addParticipant(
            Participant(ref: "P-1", mayQuote: true),
            contact: ParticipantContact(participantId: 0, name: "Ann Smith", address: "12 Elm Road, Coventry CV1 2EL"))
        try await store.addParticipant(Participant(ref: "P-2"), contact: ParticipantContact(participantId: 0))
        for (text, who) in [("a", "P-1"), ("b", "P-1"), ("c", nil), ("d", "P-2"), ("e", "P-2"), ("f", "P-1")] {
            try await store.addContribution(activity: "GP-ACCESS", text: "View \(text)", participantRef: who)
        }
        try await store.addTheme(activity: "GP-ACCESS", key: "few", said: "Few", contributions: [.single(4)])
        try await store.addTheme(
            activity: "GP-ACCESS", key: "many", said: "Many", contributions: [.range(from: 1, to: 3)])
        try await store.addTheme(activity: "GP-ACCESS", key: "outside", said: "Outside", contributions: [.single(5)])
        try await store.updateContribution(activity: "GP-ACCESS", number: 6, outOfScope: .some("About parking"))
        return store
    }

    @Test func themesComeMostViewsFirstAndCountOnlyInScopeViews() async throws {
        let store = try await Self.store()
        // A linked contribution marked out of scope by an older version still counts for nothing.
        try await store.database.write { db in
            try db.execute(sql: "UPDATE contribution SET outOfScope = 'x' WHERE id = 5")
        }
        let snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-01"))
        #expect(snapshot.record.themes.map(\.key) == ["many", "few", "outside"])
        let many = try #require(snapshot.record.themes.first)
        #expect((many.contributions, many.people, many.anonymous) == (3, 1, 1), "P-1 twice and one anonymous")
        #expect(snapshot.record.themes[2].contributions == 0, "an out-of-scope contribution is not a view")
        #expect((snapshot.views, snapshot.people, snapshot.anonymous) == (4, 2, 1))
        #expect(snapshot.answersDue == date("2026-04-30"), "the promised date")
    }

    @Test func onlyChosenQuotesAreReadUnlessAutomatic() async throws {
        let store = try await Self.store()
        var snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-01"))
        #expect(snapshot.quotes.isEmpty, "nothing is quoted until a person chooses")
        try await store.addQuote(activity: "GP-ACCESS", theme: "many", contribution: 2)
        snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-01"))
        #expect(snapshot.quotes["many"]?.map(\.text) == ["View b"])
        let auto = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-01"), quoteMode: .auto)
        #expect(auto.quotes["many"]?.map(\.text) == ["View a", "View b"], "the earliest consenting")
        await #expect(try store.chosenQuotes(activity: "GP-ACCESS").map(\.contribution) == [2])
        #expect(try historyRows(store, entity: "chosenQuote").count == 1, "history records the choice")

        // A quote goes when its link to the theme does.
        try await store.database.write { db in
            try db.execute(sql: "DELETE FROM themeContribution WHERE contributionId = 2")
        }
        await #expect(try store.chosenQuotes(activity: "GP-ACCESS").isEmpty)
    }

    /// Issue 19, finding 13: `quote list` says "published" only of the quotes an update will show.
    @Test func aQuoteBeyondTheNumberAnUpdateShowsIsNotListedAsPublished() async throws {
        let store = try await Self.store()
        try await store.addQuote(activity: "GP-ACCESS", theme: "many", contribution: 2)
        try await store.addQuote(activity: "GP-ACCESS", theme: "many", contribution: 1)
        let one = try await store.chosenQuotes(activity: "GP-ACCESS", perTheme: 1)
        #expect(one.map(\.contribution) == [2, 1])
        #expect(one.map(\.withheld) == [nil, "an update shows 1 per theme"])
        let snapshot = try await store.updateSnapshot(ref: "GP-ACCESS", asOf: date("2026-03-01"), quotesPerTheme: 1)
        #expect(snapshot.quotes["many"]?.map(\.contributionId) == [2], "the one the list says is published")
        await #expect(try store.chosenQuotes(activity: "GP-ACCESS").allSatisfy { $0.withheld == nil })
    }

    @Test func aQuoteMustBeConsentedInScopeAndLinked() async throws {

        let store = try await Self.store()
        let refusals: [(String, Int64, QuoteRefusal)] = [
            ("few", 4, .noConsent(participant: "P-2")), ("many", 3, .anonymous), ("few", 1, .notLinked(theme: "few")),
        ]
        for (theme, id, refusal) in refusals {
            await #expect(throws: StoreError.quoteNotAllowed(id: id, reason: refusal)) {
                try await store.addQuote(activity: "GP-ACCESS", theme: theme, contribution: id)
            }
        }
        try await store.addQuote(activity: "GP-ACCESS", theme: "many", contribution: 1)
        try await store.updateContribution(
            activity: "GP-ACCESS", number: 1, outOfScope: .some("Off topic"), unlink: true)
        await #expect(try store.chosenQuotes(activity: "GP-ACCESS").isEmpty, "unlinking takes the quote away")
    }

    @Test func privateTermsAreFoundByTheirFirstWord() async throws {
        let store = try await Self.store()
        let terms = try await store.privateTerms(ref: "GP-ACCESS", words: ["p-1", "12", "ann", "elm", "coventry"])
        #expect(
            Set(terms) == [
                "P-1", "12 Elm Road, Coventry CV1 2EL", "12 Elm Road", "Ann Smith", "Ann S.", "\"Ann\"", "'Ann'",
            ])
        await #expect(try store.privateTerms(ref: "GP-ACCESS", words: ["smith", "road"]) == ["Smith, Ann"])
        await #expect(try store.privateTerms(ref: "GP-ACCESS", words: ["elm", "road"]).isEmpty)
    }

    /// Issue 21: anyone on record is looked for, not only those who took part in the activity being
    /// published; staff by every name recorded for them; and a changed or erased contact no longer.
    @Test func everyoneOnRecordIsLookedFor() async throws {
        let store = try await Self.store()
        var other = sampleActivity()
        other.ref = "OTHER"
        try await store.addActivity(other)
        try await store.addParticipant(
            Participant(ref: "P-9"),
            contact: ParticipantContact(
                participantId: 0, name: "Zelda Quinn", address: "17 Hidden Lane, Rugby CV21 2AA"))
        try await store.addContribution(activity: "OTHER", text: "Elsewhere", participantRef: "P-9")
        let words = PrivacyGuardWords.of("Z. Quinn of 17 Hidden Lane told us, as did P-9").union(["p-9"])
        let terms = try await store.privateTerms(ref: "GP-ACCESS", words: words)
        for form in ["Z. Quinn", "17 Hidden Lane", "P-9"] { #expect(terms.contains(form), "\(form): \(terms)") }
        _ = try await store.addUser(email: "dev@example.org", name: "Devi Rao", role: .editor)
        await #expect(try store.staffNames(words: PrivacyGuardWords.of("Rao, Devi said")) == ["Devi Rao"])
        await #expect(try store.staffNames(words: PrivacyGuardWords.of("Nobody said")).isEmpty)
        try await store.updateParticipant(ref: "P-9") { _, contact in contact.name = "Zelda Moss" }
        await #expect(!(try store.privateTerms(ref: "GP-ACCESS", words: words)).contains("Z. Quinn"))
        try await store.eraseParticipant(ref: "P-9", contributions: false)
        await #expect(try store.privateTerms(ref: "GP-ACCESS", words: words) == ["P-9"], "only the ref is left")
        let keys = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contactKey") }
        #expect(keys == 3, "Ann Smith's: ann, smith, elm")
    }

    /// Issue 19, finding 8: a name recorded with its title is found without it, and an address by its
    /// first line and postcode.
    @Test func aRecordedNameAndAddressAreFoundInTheFormsPeopleWriteThem() async throws {
        let store = try await Self.store()
        try await store.addParticipant(
            Participant(ref: "P-3", mayQuote: true),
            contact: ParticipantContact(
                participantId: 0, name: "Mrs Amina Khan", address: "12 Long Road\nCoventry\nCV3 6AB"))
        try await store.addContribution(activity: "GP-ACCESS", text: "View g", participantRef: "P-3")
        let words = PrivacyGuardWords.of("This is Amina Khan. I live at 12 Long Road, CV3 6AB. Ask Mrs Khan.")
        let terms = try await store.privateTerms(ref: "GP-ACCESS", words: words)
        for form in ["Amina Khan", "Mrs Khan", "12 Long Road", "CV3 6AB"] { #expect(terms.contains(form), "\(form)") }
    }

    @Test func theExplainedAsWordingBecomesThePublicSummary() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            db.add(function: DatabaseFunction("yswd_actor", argumentCount: 0, pure: false) { _ in "old" })
            db.add(function: DatabaseFunction("yswd_now", argumentCount: 0, pure: false) { _ in "2026-01-01" })
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let before = try #require(SQLiteStore.knownMigrations.first { $0.hasPrefix("0007") })
        try SQLiteStore.migrator.migrate(queue, upTo: before)
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO activity (ref, title, purpose, canInfluence, level, explainedAs)
                    VALUES ('OLD', 't', 'p', 'c', 'consult', 'What we asked, in plain words')
                    """)
        }
        try queue.close()
        let store = try SQLiteStore.open(path: path, actor: "test").store
        await #expect(try store.activity(ref: "OLD").publicSummary == "What we asked, in plain words")
    }

    @Test func aNewEasyReadWordingChangesTheAnswer() async throws {
        let store = try await Self.store()
        func signatures() throws -> [String: String] {
            try store.database.read { db in try SQLiteStore.answerSignatures(db, activityId: 1) }
        }
        let before = try signatures()
        try await store.updateTheme(activity: "GP-ACCESS", key: "few", said: nil, easyRead: "A few people said this.")
        let after = try signatures()
        #expect(after["few"] != before["few"] && after["many"] == before["many"])
        try await store.updateTheme(activity: "GP-ACCESS", key: "few", said: nil, clearEasyRead: true)
        #expect(try signatures() == before, "no wording, the signature it had before")
        try await store.explain(activity: "GP-ACCESS", theme: "many", why: "Because", reason: .cost)
        let explained = try signatures()
        try await store.explain(
            activity: "GP-ACCESS", theme: "many", why: "Because", reason: .cost, easyRead: "It costs too much.")
        #expect(try signatures()["many"] != explained["many"])
    }
}

/// The words of a text as the privacy guard keys them (lower-cased runs of letters or digits).
enum PrivacyGuardWords {
    static func of(_ text: String) -> Set<String> {
        Set(
            text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map {
                PersonalDetails.key(String($0))
            })
    }
}
