import FeedbackLoop
import FeedbackLoopPublish
import Foundation
import Testing

/// Issue 19, finding 10: `--strict` holds every sentence of the easy read page to easy read
/// practice, the summary and "what has changed" included, and changes use easy-read wordings.
@Suite struct EasyReadOutputTests {
    @Test func theBuiltInWordingOfAnEasyReadPageIsEasyRead() throws {
        // Every record text has a short wording here: only the page's own words could break the rules.
        var snapshot = try Sample.secondUpdate()
        snapshot.record.activity.publicSummary = "We asked how to make booking easier."
        snapshot.record.activity.constraints = "We cannot change opening hours."
        snapshot.record.activity.canInfluence = "The phone line."
        let page = try UpdateRenderer().render(snapshot, as: .easyRead).text
        let long = EasyReadCheck.outputWarnings(page).map(\.problem)
        #expect(long.isEmpty, "\(long)")
    }

    @Test func aLongSummaryOrChangeIsFoundInThePage() throws {
        let snapshot = try Sample.secondUpdate()
        let page = try UpdateRenderer().render(snapshot, as: .easyRead).text
        let long = EasyReadCheck.outputWarnings(page).map(\.problem)
        #expect(long.contains { $0.contains("We asked what makes booking a GP appointment hard") }, "\(long)")
    }

    @Test func changesUseTheEasyReadWordingsWhereRecorded() throws {
        let page = try UpdateRenderer().render(try Sample.secondUpdate(), as: .easyRead).text
        #expect(page.contains("We will phone you back. You will not have to wait on the phone."))
        #expect(!page.contains("It was: We will add a call-back option"))
        #expect(page.contains("You told us: It is hard to get through on the phone. We changed our answer. Before:"))
    }
}
