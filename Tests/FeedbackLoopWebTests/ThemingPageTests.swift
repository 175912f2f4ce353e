import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// Theming at the size of a real consultation.
@Suite struct ThemingPageTests {
    @Test func aThemeIsCreatedOnThePageAndEveryMatchingViewLinkedAtOnce() async throws {
        let harness = try await WebHarness()
        for number in 1...30 {
            _ = try await harness.store.addContribution(
                activity: "GP", text: "Parking at the surgery is hard (\(number))")
        }
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let page = try await client.get("/activities/GP/theming?size=25", cookie: editor.cookie).body.text
            #expect(page.contains("31 contributions match; 25 on this page"))
            #expect(page.contains("Page 1 of 2"))

            let created = try await client.post(
                "/activities/GP/theming",
                [
                    ("csrf", editor.csrf), ("action", "create-theme"), ("new-key", "parking"),
                    ("new-said", "Parking at the surgery"),
                ], cookie: editor.cookie)
            #expect(created.body.text.contains("Theme parking created."))
            #expect(created.body.text.contains("<option value=\"parking\" selected>"))
            let refused = try await client.post(
                "/activities/GP/theming",
                [("csrf", editor.csrf), ("action", "create-theme"), ("new-key", "bad key"), ("new-said", "x")],
                cookie: editor.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.text.contains("href=\"#new-key\""))

            // Every view that mentions parking, across both pages, in one go.
            let linked = try await client.post(
                "/activities/GP/theming",
                [
                    ("csrf", editor.csrf), ("q", "parking"), ("all-matching", "1"), ("theme", "parking"),
                    ("action", "link"),
                ], cookie: editor.cookie)
            #expect(linked.status == .seeOther)
            let after = try await client.get(try #require(linked.headers[.location]), cookie: editor.cookie).body.text
            #expect(after.contains("30 contributions linked to theme parking."))
            await #expect(try harness.store.contributions(activity: "GP", theme: "parking").count == 30)

            // Themed ones can be shown, ticked a page at a time and moved to another theme.
            let themed = try await client.get(
                "/activities/GP/theming?show=theme:parking&size=25", cookie: editor.cookie
            ).body.text
            #expect(themed.contains("30 contributions match; 25 on this page"))
            let ticked = try await client.post(
                "/activities/GP/theming",
                [("csrf", editor.csrf), ("show", "theme:parking"), ("size", "25"), ("action", "select-page")],
                cookie: editor.cookie)
            #expect(ticked.body.text.components(separatedBy: " checked>").count - 1 == 25)
            let first = try await #require(try harness.store.contributions(activity: "GP", theme: "parking").first)
            let moved = try await client.post(
                "/activities/GP/theming",
                [
                    ("csrf", editor.csrf), ("contribution", String(first.number)), ("theme", "phone"), ("move", "1"),
                    ("action", "link"),
                ], cookie: editor.cookie)
            #expect(moved.status == .seeOther)
            await #expect(
                try harness.store.contributions(activity: "GP", number: first.number).first?.themes == ["phone"])
        }
    }
}
