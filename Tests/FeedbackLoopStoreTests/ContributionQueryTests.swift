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
        #expect(try store.contributions(activity: "GP", id: 3).map(\.text) == ["The cafe closes early"])
        #expect(try store.contributions(activity: "GP").count == 3)
    }
}
