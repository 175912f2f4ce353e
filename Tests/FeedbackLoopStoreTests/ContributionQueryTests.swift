import FeedbackLoop
import FeedbackLoopSQLite
import FeedbackLoopStore
import Testing
import YswdTestSupport

/// The contributions query the web app's theming, theme and contribution pages narrow in SQL.
@Suite struct ContributionQueryTests {
    @Test(arguments: Engine.available) func contributionsNarrowByTextThemeAndNumber(engine: Engine) async throws {
        let store = try await engine.store()
        _ = try await store.addActivity(
            Activity(ref: "GP", title: "t", purpose: "p", canInfluence: "c", level: .consult))
        _ = try await store.addContribution(activity: "GP", text: "The CAFÉ is dear")
        _ = try await store.addContribution(activity: "GP", text: "Parking is hard")
        _ = try await store.addContribution(activity: "GP", text: "The cafe closes early")
        _ = try await store.addTheme(activity: "GP", key: "parking", said: "Parking", contributions: [.single(2)])
        await #expect(try store.contributions(activity: "GP", matching: "café").map(\.id) == [1, 3])
        await #expect(try store.contributions(activity: "GP", unthemedOnly: true, matching: "park").isEmpty)
        await #expect(try store.contributions(activity: "GP", theme: "parking").map(\.id) == [2])
        await #expect(try store.contributions(activity: "GP", number: 3).map(\.text) == ["The cafe closes early"])
        await #expect(try store.contributions(activity: "GP").count == 3)
    }
}

extension ContributionQueryTests {
    @Test(arguments: Engine.available) func contributionsAreNumberedWithinTheirActivityAndANumberIsNeverGivenTwice(
        engine: Engine
    ) async throws {
        let store = try await engine.store()
        for ref in ["GP", "PHARMACY"] {
            _ = try await store.addActivity(
                Activity(ref: ref, title: "t", purpose: "p", canInfluence: "c", level: .consult))
        }
        _ = try await store.addContribution(activity: "GP", text: "One")
        _ = try await store.addContribution(activity: "PHARMACY", text: "Pharmacy one")
        _ = try await store.addContribution(activity: "GP", text: "Two")
        _ = try await store.addContribution(activity: "GP", text: "Three")
        await #expect(try store.contributions(activity: "GP").map(\.number) == [1, 2, 3])
        await #expect(try store.contributions(activity: "PHARMACY").map(\.number) == [1])
        await #expect(try store.contributions(activity: "PHARMACY").map(\.id) == [2], "the database-wide id is kept")

        // The last one removed: its number is not given again.
        try await store.removeContribution(activity: "GP", number: 3)
        let next = try await store.addContribution(activity: "GP", text: "Four")
        #expect(next.number == 4)
        // Commands name contributions by their number in the activity.
        try await store.updateContribution(activity: "PHARMACY", number: 1, text: "Pharmacy one, corrected")
        await #expect(try store.contributions(activity: "PHARMACY", number: 1).first?.text == "Pharmacy one, corrected")
        await #expect(throws: StoreError.unknownContribution(3)) {
            try await store.removeContribution(activity: "GP", number: 3)
        }
        _ = try await store.addTheme(activity: "GP", key: "two", said: "Two", contributions: [.range(from: 1, to: 2)])
        await #expect(try store.contributions(activity: "GP", theme: "two").map(\.number) == [1, 2])
    }
}
