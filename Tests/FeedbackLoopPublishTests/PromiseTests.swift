import FeedbackLoop
import FeedbackLoopPublish
import Foundation
import Testing

/// Issue 19: what people are told about promises, unthemed views and the subject line reads true.
@Suite struct PromiseTests {
    /// The sample with the call-back due on `due`, as published on 2 December 2026.
    static func withCallback(due: String, status: DeliveryStatus = .inProgress) -> UpdateSnapshot {
        var snapshot = Sample.snapshot(unanswered: false)
        snapshot.asOf = Sample.day("2026-12-02")
        snapshot.record.decisions[0].due = Sample.day(due)
        snapshot.record.decisions[0].status = status
        snapshot.record.themes = snapshot.record.themes.map { theme in
            ThemeSummary(
                key: theme.key, said: theme.said, easyRead: theme.easyRead, contributions: theme.contributions,
                people: theme.people, anonymous: theme.anonymous,
                responses: theme.responses.map {
                    var response = $0
                    if response.decision == "callback" {
                        response.due = Sample.day(due)
                        response.status = status
                    }
                    return response
                }, explanation: theme.explanation)
        }
        return snapshot
    }

    @Test(arguments: [PublishFormat.html, .txt, .md, .easyRead])
    func aCommitmentPastItsDateIsPublishedAsLate(format: PublishFormat) throws {
        let late = try UpdateRenderer().render(Self.withCallback(due: "2026-11-30"), as: format).text
        let said = format == .easyRead ? "This is late. We said" : "This is late: we said"
        #expect(late.contains("\(said) we would do it by 30 November 2026"), "\(late)")
        #expect(!late.contains("(by 30 November 2026)"))
        let onTime = try UpdateRenderer().render(Self.withCallback(due: "2026-12-02"), as: format).text
        #expect(!onTime.contains("This is late"))
        let done = try UpdateRenderer().render(Self.withCallback(due: "2026-11-30", status: .done), as: format).text
        #expect(!done.contains("This is late"))
    }

    @Test func everythingIsDoneNeedsSomethingThatWasPromised() throws {
        var snapshot = Sample.snapshot(unanswered: false)
        snapshot.record.decisions = []
        snapshot.record.themes = snapshot.record.themes.map { theme in
            ThemeSummary(
                key: theme.key, said: theme.said, contributions: theme.contributions, people: theme.people,
                responses: [],
                explanation: ExplanationSummary(why: "We could not change it", reason: .outsideControl))
        }
        for format in [PublishFormat.html, .txt, .md, .easyRead] {
            let text = try UpdateRenderer().render(snapshot, as: format).text
            #expect(!text.contains("Everything we said we would do is done"), "\(format)")
            #expect(!text.contains("We have done everything we said we would do"), "\(format)")
        }
    }

    @Test(arguments: [PublishFormat.html, .txt, .md])
    func anEarlyUpdateSaysHowManyViewsAreNotYetGrouped(format: PublishFormat) throws {
        var snapshot = Sample.snapshot(unanswered: false)
        snapshot.record.contributions.unthemed = 3
        let text = try UpdateRenderer().render(snapshot, as: format).text
        #expect(text.contains("3 views are not yet grouped into themes. We will report on them by 30 November 2026."))
        #expect(!text.contains("Everything we said we would do is done"))
        let easy = try UpdateRenderer().render(snapshot, as: .easyRead).text
        #expect(easy.contains("We have not looked at 3 views yet."))
        let json = try UpdateRenderer().render(snapshot, as: .json).text
        #expect(json.contains(#""unthemed" : 3"#))
    }

    @Test(arguments: [
        ("Your experience of maternity care", "What happened to your views on your experience of maternity care"),
        ("NHS 111 in Coventry", "What happened to your views on NHS 111 in Coventry"),
        ("Coventry's urgent care", "What happened to your views on Coventry's urgent care"),
    ])
    func theSubjectReadsAsASentence(title: String, subject: String) throws {
        let recipient = FollowUpRecipient(
            participantId: 3, ref: "P-003", prefers: .email, email: "jo@example.org", themes: ["parking"])
        let followUp = try #require(FollowUpRenderer().render(Sample.snapshot(title: title), for: [recipient]).first)
        #expect(followUp.text.hasPrefix("Subject: \(subject)\n"), "\(followUp.text.prefix(120))")
    }

    @Test func aViewWithNoMethodIsNotPublishedAsNotRecorded() throws {
        var snapshot = Sample.snapshot()
        snapshot.viewsByMethod = ["drop-in": 12, "unrecorded": 1]
        let text = try UpdateRenderer().render(snapshot, as: .txt).text
        #expect(!text.contains("not recorded"))
        #expect(text.contains("1 view: we did not record how it was given"), "\(text)")
    }
}
