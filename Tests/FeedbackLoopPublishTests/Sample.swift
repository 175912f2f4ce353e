import FeedbackLoop
import Foundation

/// A fixed snapshot for the renderers: every kind of answer, quotes, next steps, a public contact.
enum Sample {
    static func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text, option: "date") }

    static func snapshot(
        title: String = "Getting a GP appointment", said: String = "Getting through on the phone at 8am is very hard",
        decision: String = "We will add a call-back option to the booking line",
        explanation: String = "The car parks belong to the council, not to the practices",
        quote: String = "I care for my mum and cannot ring at 8am", impact: String = "Online bookings doubled",
        publicContact: String? = "engagement@example.nhs.uk", organisation: String? = "Coventry Health Partnership"
    ) -> UpdateSnapshot {
        let activity = Activity(
            id: 1, ref: "GP-ACCESS-2026", title: title,
            purpose: "Understand why people find it hard to book a GP appointment",
            canInfluence: "How the booking phone line and online booking work", level: .consult,
            methods: [.survey, .dropIn], service: "Primary care", publicContact: publicContact,
            opens: day("2026-07-01"), closes: day("2026-08-31"), feedbackBy: day("2026-11-30"),
            feedbackChannels: [.web, .email])
        let decisions = [
            Decision(
                id: 1, activityId: 1, key: "callback", text: decision, status: .inProgress, due: day("2027-01-11"),
                responds: [ThemeResponse(theme: "phone-queue", outcome: .adopted)]),
            Decision(
                id: 2, activityId: 1, key: "online-slots",
                text: "We release a quarter of appointments online each morning",
                status: .done, impact: impact, responds: [ThemeResponse(theme: "online-booking", outcome: .partly)]),
        ]
        let themes = [
            ThemeSummary(
                key: "phone-queue", said: said, contributions: 4, people: 3,
                responses: [
                    DecisionResponse(
                        decision: "callback", text: decision, outcome: .adopted, status: .inProgress,
                        due: day("2027-01-11"))
                ], explanation: nil),
            ThemeSummary(
                key: "online-booking", said: "Online booking rarely works", contributions: 2, people: 2,
                responses: [
                    DecisionResponse(
                        decision: "online-slots", text: decisions[1].text, outcome: .partly, status: .done, due: nil)
                ],
                explanation: ExplanationSummary(why: "We cannot change the national NHS App", reason: .outsideControl)),
            ThemeSummary(
                key: "parking", said: "Parking is hard to find", contributions: 2, people: 2, responses: [],
                explanation: ExplanationSummary(why: explanation, reason: .outsideControl)),
        ]
        let record = ActivityRecord(
            activity: activity,
            contributions: ContributionCounts(
                total: 8, unthemed: 0, outOfScope: 0, participants: 6, byMethod: ["survey": 5, "drop-in": 3]),
            themes: themes, decisions: decisions, evaluation: nil)
        return UpdateSnapshot(
            record: record, organisation: organisation, publicContact: publicContact, people: 7,
            asOf: day("2026-11-27"),
            quotes: ["phone-queue": [Quote(contributionId: 3, participantId: 3, text: quote)]],
            answerSignatures: [:])
    }

    /// The fixtures folder beside this file.
    static func fixture(_ name: String) -> URL {
        URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/\(name)")
    }
}
