import FeedbackLoop
import Foundation
import GRDB
import Testing

@testable import FeedbackLoopStore

/// Rules that run in SQL for speed agree with their Swift twins, on random records: participants
/// with every mix of consent, format, contact and erasure; contributions linked to themes or not;
/// decisions adopted or partly, in every status (dropped ones included), explanations, follow-ups
/// sent before and after answers change.
@Suite struct RuleAgreementTests {
    static let activitiesPerStore = 5
    static let stores = 100  // 500 random activity records in all

    @Test func theSQLRulesAgreeWithTheirSwiftTwinsOnRandomRecords() throws {
        let seed = ProcessInfo.processInfo.environment["YSWD_RULE_SEED"].flatMap(UInt64.init) ?? 20_261_128
        var random = SeededGenerator(seed: seed)
        var checked = (themes: 0, participants: 0, owed: 0, unreachable: 0)
        for index in 0..<Self.stores {
            let store = try EngagementStore.inMemory(clock: pinnedClock)
            try Self.randomRecord(store, &random)
            let context = "seed \(seed), store \(index)"
            let facts = try RawFacts(store)
            for summary in try store.loopSummaries() {
                // "A dropped decision answers nothing": the summary query's theme facts, and ThemeAnswer.
                let sqlAnswers = summary.themes.map(\.answer.rawValue).sorted()
                let swiftAnswers = facts.themeAnswers(activity: summary.ref).map(\.rawValue).sorted()
                #expect(sqlAnswers == swiftAnswers, "theme answers of \(summary.ref), \(context)")
                checked.themes += swiftAnswers.count

                // "Who is owed a personal follow-up", and who of them cannot be reached.
                let owed = facts.owedFollowUps(activity: summary.ref)
                let unreachable = owed.filter { !$0.contact.isReachable }
                #expect(summary.owedFollowUps == owed.count, "owed follow-ups of \(summary.ref), \(context)")
                #expect(summary.unreachable == unreachable.count, "unreachable of \(summary.ref), \(context)")
                let recipients = try store.followUpRecipients(ref: summary.ref).map(\.ref).sorted()
                #expect(recipients == owed.map(\.ref).sorted(), "follow-up recipients of \(summary.ref), \(context)")
                checked.participants += facts.participants.count
                checked.owed += owed.count
                checked.unreachable += unreachable.count
            }
            // The same facts when the query picks out one activity.
            for ref in (1...Self.activitiesPerStore).map({ "A\($0)" }) {
                let one = try store.loopSummaries(LoopFilter(ref: ref))
                let all = try store.loopSummaries().filter { $0.ref == ref }
                #expect(one == all, "\(ref) alone and in the whole list, \(context)")
            }
        }
        // The random records exercise every branch of both rules.
        #expect(checked.themes > 800 && checked.owed > 80 && checked.unreachable > 20, "\(checked)")
    }

    /// A random record: participants, activities, themes, contributions, decisions, explanations,
    /// follow-ups, later changes and erasures.
    static func randomRecord(_ store: EngagementStore, _ random: inout SeededGenerator) throws {
        let formats: [PreferredFormat?] = [nil, .email, .letter, .easyRead, .phone, PreferredFormat.none]
        let people = (0..<random.int(0...8)).map { "P\($0)" }
        for ref in people {
            try store.addParticipant(
                Participant(ref: ref, wantsFeedback: random.chance(0.7), mayQuote: random.chance(0.5)),
                contact: ParticipantContact(
                    participantId: 0, email: random.chance(0.5) ? "\(ref.lowercased())@example.org" : nil,
                    phone: random.chance(0.3) ? "07700 900\(random.int(100...999))" : nil,
                    address: random.chance(0.4) ? "1 High Street, Coventry" : nil, prefers: random.pick(formats)))
        }
        for number in 1...activitiesPerStore {
            let ref = "A\(number)"
            try store.addActivity(
                Activity(
                    ref: ref, title: "Activity \(number)", purpose: "Find out", canInfluence: "Something",
                    level: .consult, opens: date("2026-01-05"), closes: date("2026-02-27")))
            let themes = (0..<random.int(0...4)).map { "t\($0)" }
            for key in themes { try store.addTheme(activity: ref, key: key, said: "People said \(key)") }
            var contributions: [Int64] = []
            for _ in 0..<random.int(0...8) {
                let who = people.isEmpty || random.chance(0.2) ? nil : random.pick(people)
                contributions.append(
                    try store.addContribution(activity: ref, text: "A view", participantRef: who).id ?? 0)
            }
            for contribution in contributions where !themes.isEmpty && random.chance(0.7) {
                for key in Set((0..<random.int(1...2)).map { _ in random.pick(themes) }) {
                    try store.linkTheme(activity: ref, key: key, contributions: [.single(contribution)])
                }
            }
            var decisions: [String] = []
            for index in 0..<(themes.isEmpty ? 0 : random.int(0...3)) {
                let key = "d\(index)"
                let responds = Set((0..<random.int(1...2)).map { _ in random.pick(themes) }).sorted().map {
                    ThemeResponse(theme: $0, outcome: random.chance(0.6) ? .adopted : .partly)
                }
                try store.addDecision(
                    activity: ref,
                    Decision(
                        activityId: 0, key: key, text: "We will do \(key)",
                        status: random.pick([.planned, .inProgress, .done, .dropped]),
                        due: random.chance(0.5) ? date("2026-06-30") : nil, responds: responds))
                decisions.append(key)
            }
            for key in themes where random.chance(0.4) {
                try store.explain(
                    activity: ref, theme: key, why: "Because of \(key)", reason: random.pick([.cost, .outsideControl]))
            }
            // Follow-ups sent to some of those owed one; then some answers change; then more are sent.
            try sendSome(store, ref, &random)
            for key in decisions where random.chance(0.3) {
                try store.updateDecision(activity: ref, key: key) {
                    $0.status = random.pick([.inProgress, .done, .dropped])
                    $0.text += " (changed)"
                }
            }
            if random.chance(0.5) { try sendSome(store, ref, &random) }
        }
        for ref in people where random.chance(0.15) {
            try store.eraseParticipant(ref: ref, contributions: random.chance(0.5))
        }
    }

    static func sendSome(_ store: EngagementStore, _ ref: String, _ random: inout SeededGenerator) throws {
        let sent = try store.followUpRecipients(ref: ref).filter { _ in random.chance(0.5) }
        try store.recordFollowUps(
            ref: ref, sent.map { ($0.participantId, $0.prefers ?? .email) }, on: date("2026-03-01"))
    }
}

/// Every row the two rules read, loaded plainly, with the rules applied in Swift.
struct RawFacts {
    struct Person {
        var id: Int64
        var ref: String
        var wantsFeedback: Bool
        var erased: Bool
        var contact: FollowUpContact
    }

    let participants: [Int64: Person]
    let activities: [String: Int64]
    let themes: [Row]  // id, activityId, key, said
    let responses: [Row]  // themeId, decisionId, outcome, status, due, text, impact
    let explanations: [Int64: Row]  // by themeId: reason, why
    let links: [Row]  // contribution id, activityId, participantId, themeId
    let followUps: [Row]  // activityId, participantId, signature

    init(_ store: EngagementStore) throws {
        (participants, activities, themes, responses, explanations, links, followUps) = try store.database.read {
            db in
            let people = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.ref, p.wantsFeedback, p.erasedAt, pc.prefers, pc.email, pc.phone, pc.address
                    FROM participant p LEFT JOIN participantContact pc ON pc.participantId = p.id
                    """
            ).map { row in
                Person(
                    id: row["id"], ref: row["ref"], wantsFeedback: row["wantsFeedback"],
                    erased: (row["erasedAt"] as String?) != nil,
                    contact: FollowUpContact(
                        prefers: (row["prefers"] as String?).flatMap(PreferredFormat.init(rawValue:)),
                        hasEmail: (row["email"] as String?) != nil, hasAddress: (row["address"] as String?) != nil,
                        hasPhone: (row["phone"] as String?) != nil))
            }
            return (
                Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) }),
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT ref, id FROM activity").map {
                        ($0["ref"], $0["id"])
                    }),
                try Row.fetchAll(db, sql: "SELECT id, activityId, key, said FROM theme ORDER BY id"),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT dt.themeId, d.id AS decisionId, dt.outcome, d.status, d.due, d.text, d.impact
                        FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId ORDER BY d.id
                        """),
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT themeId, reason, why FROM explanation").map
                    {
                        ($0["themeId"], $0)
                    }),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.activityId, c.participantId, tc.themeId FROM contribution c
                        JOIN themeContribution tc ON tc.contributionId = c.id
                        """),
                try Row.fetchAll(db, sql: "SELECT activityId, participantId, signature FROM followUp")
            )
        }
    }

    /// ThemeAnswer for each theme of the activity, from its responses' outcomes and statuses.
    func themeAnswers(activity ref: String) -> [ThemeAnswer] {
        themes.filter { $0["activityId"] == activities[ref] }.map { theme in
            let id: Int64 = theme["id"]
            let answers = responses.filter { $0["themeId"] == id }.compactMap { row -> (Outcome, DeliveryStatus)? in
                guard let outcome = Outcome(rawValue: row["outcome"]),
                    let status = DeliveryStatus(rawValue: row["status"])
                else { return nil }
                return (outcome, status)
            }
            return ThemeAnswer(
                responses: answers.map { (outcome: $0.0, status: $0.1) }, hasExplanation: explanations[id] != nil)
        }
    }

    /// Those owed a follow-up for the activity, by FollowUpRule.
    func owedFollowUps(activity ref: String) -> [Person] {
        guard let activityId = activities[ref] else { return [] }
        let activityLinks = links.filter { $0["activityId"] == activityId }
        return participants.values.filter { person in
            let mine = activityLinks.filter { ($0["participantId"] as Int64?) == person.id }
            let themed = Set(mine.map { $0["id"] as Int64 }).count
            let signature = self.signature(themeIds: Set(mine.map { $0["themeId"] as Int64 }))
            let followedUp = followUps.contains {
                $0["activityId"] == activityId && $0["participantId"] == person.id
                    && ($0["signature"] as String?) == signature
            }
            return FollowUpRule.isOwed(
                FollowUpRule.Facts(
                    wantsFeedback: person.wantsFeedback, erased: person.erased, prefers: person.contact.prefers,
                    themedContributions: themed, followedUpSinceLastChange: followedUp))
        }
    }

    /// The answers of these themes, as one text that changes whenever any of them does: the same
    /// parts, in the same order, as the store's signature.
    func signature(themeIds: Set<Int64>) -> String? {
        let parts = themes.filter { themeIds.contains($0["id"]) }.map { theme -> String in
            let id: Int64 = theme["id"]
            let decisions = responses.filter { $0["themeId"] == id }.map { row -> String in
                let fields: [String] = [
                    String(row["decisionId"] as Int64), row["outcome"], row["status"], (row["due"] as String?) ?? "",
                    row["text"], (row["impact"] as String?) ?? "",
                ]
                return fields.joined(separator: "\u{1F}")
            }
            let explanation = explanations[id].map { "\($0["reason"] as String)\u{1F}\($0["why"] as String)" } ?? ""
            return "\(theme["key"] as String)\u{1F}\(theme["said"] as String)\u{1E}"
                + decisions.joined(separator: "\u{1D}") + "\u{1E}" + explanation
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\u{1C}")
    }
}
