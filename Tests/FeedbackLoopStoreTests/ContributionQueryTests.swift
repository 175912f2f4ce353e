import FeedbackLoop
import FeedbackLoopStore
import Testing

/// The contributions query the web app's theming, theme and contribution pages narrow in SQL.
@Suite struct ContributionQueryTests {
    @Test func contributionsNarrowByTextThemeAndNumber() throws {
        let store = try EngagementStore.inMemory()
        _ = try store.addActivity(
            Activity(ref: "GP", title: "t", purpose: "p", canInfluence: "c", level: .consult))
        _ = try store.addContribution(activity: "GP", text: "The CAFÉ is dear")
        _ = try store.addContribution(activity: "GP", text: "Parking is hard")
        _ = try store.addContribution(activity: "GP", text: "The cafe closes early")
        _ = try store.addTheme(activity: "GP", key: "parking", said: "Parking", contributions: [.single(2)])
        #expect(try store.contributions(activity: "GP", matching: "café").map(\.id) == [1, 3])
        #expect(try store.contributions(activity: "GP", unthemedOnly: true, matching: "park").isEmpty)
        #expect(try store.contributions(activity: "GP", theme: "parking").map(\.id) == [2])
        #expect(try store.contributions(activity: "GP", number: 3).map(\.text) == ["The cafe closes early"])
        #expect(try store.contributions(activity: "GP").count == 3)
    }
}

extension ContributionQueryTests {
    @Test func contributionsAreNumberedWithinTheirActivityAndANumberIsNeverGivenTwice() throws {
        let store = try EngagementStore.inMemory()
        for ref in ["GP", "PHARMACY"] {
            _ = try store.addActivity(Activity(ref: ref, title: "t", purpose: "p", canInfluence: "c", level: .consult))
        }
        _ = try store.addContribution(activity: "GP", text: "One")
        _ = try store.addContribution(activity: "PHARMACY", text: "Pharmacy one")
        _ = try store.addContribution(activity: "GP", text: "Two")
        _ = try store.addContribution(activity: "GP", text: "Three")
        #expect(try store.contributions(activity: "GP").map(\.number) == [1, 2, 3])
        #expect(try store.contributions(activity: "PHARMACY").map(\.number) == [1])
        #expect(try store.contributions(activity: "PHARMACY").map(\.id) == [2], "the database-wide id is kept")

        // The last one removed: its number is not given again.
        try store.removeContribution(activity: "GP", number: 3)
        let next = try store.addContribution(activity: "GP", text: "Four")
        #expect(next.number == 4)
        // Commands name contributions by their number in the activity.
        try store.updateContribution(activity: "PHARMACY", number: 1, text: "Pharmacy one, corrected")
        #expect(try store.contributions(activity: "PHARMACY", number: 1).first?.text == "Pharmacy one, corrected")
        #expect(throws: StoreError.unknownContribution(3)) { try store.removeContribution(activity: "GP", number: 3) }
        _ = try store.addTheme(activity: "GP", key: "two", said: "Two", contributions: [.range(from: 1, to: 2)])
        #expect(try store.contributions(activity: "GP", theme: "two").map(\.number) == [1, 2])
    }
}
