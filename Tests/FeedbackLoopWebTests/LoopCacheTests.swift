import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Mustache
import Testing
import YswdTestSupport

@testable import FeedbackLoopWeb

/// The dashboard's loop list, kept up to date by re-judging only the activities a change touched,
/// must read the same as judging every loop again, in the same order, however many pages ask at once.
@Suite struct LoopCacheTests {
    @Test func aChangeReJudgesItsActivitiesAndTheListIsTheSameAsAWholeReading() async throws {
        let store = try await Engine.chosen.store()
        let today = try await store.settings().today()
        for number in 1...12 {
            let opens = today.adding(days: -40 - number * 3)
            try await store.addActivity(
                Activity(
                    ref: String(format: "A%02d", number), title: "Activity \(number)", purpose: "p", canInfluence: "c",
                    level: .consult, lead: number % 3 == 0 ? "Sam" : "Jo", service: number % 2 == 0 ? "GP" : nil,
                    opens: opens, closes: number % 4 == 0 ? nil : opens.adding(days: 14),
                    feedbackBy: number % 3 == 1 ? today.adding(days: 20 - number * 3) : nil))
            if number % 2 == 1 {
                try await store.addContribution(activity: String(format: "A%02d", number), text: "A view")
            }
        }
        let cache = LoopCache(store: store)
        let before = try await cache.loops()
        #expect(before.current && !before.statuses.isEmpty)

        // Three changes: a loop made overdue, one closed with views, one given its first view.
        try await store.updateActivity(ref: "A05") { $0.feedbackBy = today.adding(days: -30) }
        try await store.updateActivity(ref: "A08") { $0.closes = today.adding(days: -2) }
        try await store.addContribution(activity: "A10", text: "Another view")
        async let first = cache.loops()
        async let second = cache.loops()
        async let third = cache.loops()
        let readings = try await [first, second, third]

        let settings = try await store.settings()
        let whole = LoopRules(settings: settings).outstanding(try await store.loopSummaries(), asOf: today)
        #expect(whole.map(\.summary.ref) != before.statuses.map(\.summary.ref), "the changes moved the list")
        for reading in readings {
            #expect(reading.current)
            #expect(reading.statuses.map(\.summary.ref) == whole.map(\.summary.ref))
            #expect(reading.statuses.map(\.state) == whole.map(\.state))
            #expect(reading.statuses.map(\.daysOverdue) == whole.map(\.daysOverdue))
            #expect(reading.leads == ["Jo", "Sam"])
        }
    }
}

/// Views read by name without reflection must answer for every field they have, or a template
/// would silently show nothing where a field is named.
@Suite struct ViewFieldTests {
    @Test func everyFieldOfAViewReadByNameIsFound() async throws {
        let summary = LoopSummary(ref: "A1", title: "Activity", lead: "Jo")
        let status = LoopRules(settings: TeamSettings()).status(of: summary, asOf: CalendarDate(dayNumber: 20_000))
        // Optional fields are set, so a field that is not found cannot pass for one that is nil.
        var row = LoopRowView(status)
        row.delivery = "1 told"
        let views: [any MustacheParent] = [row, Choice(value: "v", label: "l", selected: true)]
        for view in views {
            let labels = Mirror(reflecting: view).children.compactMap(\.label)
            #expect(!labels.isEmpty)
            for label in labels { #expect(view.child(named: label) != nil, "\(type(of: view)).\(label)") }
        }
    }
}
