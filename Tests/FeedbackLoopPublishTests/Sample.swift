import FeedbackLoop
import FeedbackLoopPublish
import Foundation

/// A fixed snapshot for the renderers: every kind of answer, quotes, next steps, a public contact.
enum Sample {
    static func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, field: "date") }

    /// A one-day drop-in with a public summary and constraints; themes given in key order (the
    /// update puts the most views first), one unanswered, one with anonymous views; easy-read
    /// wordings for some texts and not others; a chosen quote; a decision text that begins "We will".
    static func snapshot(
        title: String = "Getting a GP appointment", said: String = "Getting through on the phone at 8am is very hard",
        decision: String = "We will add a call-back option to the booking line",
        explanation: String = "The car parks belong to the council, not to the practices",
        quote: String = "I care for my mum and cannot ring at 8am", impact: String = "Online bookings doubled",
        publicContact: String? = "engagement@example.nhs.uk or 024 7622 0381",
        organisation: String? = "Coventry Health Partnership", unanswered: Bool = true
    ) -> UpdateSnapshot {
        let activity = Activity(
            id: 1, ref: "GP-ACCESS-2026", title: title,
            purpose: "Understand why people find it hard to book a GP appointment",
            canInfluence: "How the booking phone line and online booking work", level: .consult,
            constraints: "GP opening hours are set nationally, so we could not change them",
            publicSummary: "We asked what makes booking a GP appointment hard, so we can fix the parts we control",
            methods: [.dropIn], lead: "Priya Shah (Practice Manager)", service: "Primary care",
            publicContact: publicContact, opens: day("2026-09-15"), closes: day("2026-09-15"),
            feedbackBy: day("2026-11-30"), feedbackChannels: [.web, .email])
        let decisions = [
            Decision(
                id: 1, activityId: 1, key: "callback", text: decision, status: .inProgress, due: day("2027-01-11"),
                responds: [ThemeResponse(theme: "phone-queue", outcome: .adopted)],
                easyRead: "We will phone you back. You will not have to wait on the phone."),
            Decision(
                id: 2, activityId: 1, key: "online-slots",
                text: "We release a quarter of appointments online each morning",
                status: .done, impact: impact, responds: [ThemeResponse(theme: "online-booking", outcome: .partly)]),
        ]
        var themes = [
            ThemeSummary(
                key: "online-booking", said: "Online booking rarely works", contributions: 2, people: 2,
                responses: [
                    DecisionResponse(
                        decision: "online-slots", text: decisions[1].text, outcome: .partly, status: .done, due: nil)
                ],
                explanation: ExplanationSummary(
                    why: "We cannot change the national NHS App", reason: .outsideControl,
                    easyRead: "The NHS App is run by the NHS in England. We cannot change it.")),
            ThemeSummary(
                key: "parking", said: "Parking is hard to find", contributions: 3, people: 2, anonymous: 1,
                responses: [], explanation: ExplanationSummary(why: explanation, reason: .outsideControl)),
            ThemeSummary(
                key: "phone-queue", said: said, easyRead: "It is hard to get through on the phone.", contributions: 7,
                people: 5, anonymous: 2,
                responses: [
                    DecisionResponse(
                        decision: "callback", text: decision, outcome: .adopted, status: .inProgress,
                        due: day("2027-01-11"), easyRead: decisions[0].easyRead)
                ], explanation: nil),
        ]
        if unanswered {
            themes.append(
                ThemeSummary(
                    key: "waiting-room", said: "The waiting room is too cold", contributions: 1, people: 1,
                    responses: [], explanation: nil))
        }
        let record = ActivityRecord(
            activity: activity,
            contributions: ContributionCounts(
                total: 14, unthemed: 0, outOfScope: 1, participants: 8, byMethod: ["drop-in": 14]),
            themes: themes, decisions: decisions, evaluation: nil)
        var snapshot = UpdateSnapshot(
            record: record, organisation: organisation, publicContact: publicContact, people: 8,
            asOf: day("2026-11-27"),
            quotes: ["phone-queue": [Quote(contributionId: 3, participantId: 3, text: quote)]],
            answerSignatures: [:])
        snapshot.views = 13
        snapshot.anonymous = 3
        snapshot.viewsByMethod = ["drop-in": 13]
        snapshot.answersDue = day("2026-11-30")
        snapshot.staffNames = ["Priya Shah (Practice Manager)"]
        snapshot.postalAddress = "Engagement team\nCoventry Health Partnership\n1 High Street\nCoventry CV1 1AA"
        snapshot.publicURL = "https://example.org/ysd/"
        return snapshot
    }

    /// The update after `snapshot()`: the call-back's due date moved, the online slots dropped and
    /// the waiting room explained, each with its reason.
    static func secondUpdate() throws -> UpdateSnapshot {
        let first = try UpdateRenderer().render(snapshot(), as: .json)
        var second = snapshot()
        second.asOf = day("2027-01-15")
        second.record.decisions[0].due = day("2027-04-30")
        second.record.decisions[1].status = .dropped
        var themes = second.record.themes
        for index in themes.indices {
            var theme = themes[index]
            theme.responses = theme.responses.map { response in
                var response = response
                if response.decision == "callback" { response.due = day("2027-04-30") }
                if response.decision == "online-slots" { response.status = .dropped }
                return response
            }
            if theme.key == "waiting-room" {
                theme.explanation = ExplanationSummary(
                    why: "The heating is being replaced in the spring", reason: .cost,
                    easyRead: "We will fix the heating in the spring.")
            }
            themes[index] = ThemeSummary(
                key: theme.key, said: theme.said, easyRead: theme.easyRead, contributions: theme.contributions,
                people: theme.people, anonymous: theme.anonymous, responses: theme.responses,
                explanation: theme.explanation)
        }
        second.record.themes = themes
        second.previous = PreviousUpdate(
            number: 1, published: day("2026-11-27"), recordedAt: "2026-11-27T10:00:00.000Z", data: first.bytes)
        second.changeReasons = [
            ChangeReason(
                theme: "phone-queue", subject: "decision callback",
                reason: "The new phone system arrives in April, not January", at: "2026-12-01T09:00:00.000Z",
                actor: "sam"),
            ChangeReason(
                theme: "online-booking", subject: "decision online-slots",
                reason: "Too few people booked the morning slots online", at: "2026-12-02T09:00:00.000Z", actor: "sam"),
            ChangeReason(
                theme: "waiting-room", subject: "explanation", reason: "We looked at it with the building team",
                at: "2026-12-03T09:00:00.000Z", actor: "sam"),
        ]
        return second
    }

    /// The fixtures folder beside this file.
    static func fixture(_ name: String) -> URL {
        URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/\(name)")
    }
}
