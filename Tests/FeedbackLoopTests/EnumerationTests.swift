import FeedbackLoop
import Testing

@Suite struct EnumerationTests {
    @Test func spellingsAreTheDocumentedOnes() {
        #expect(
            EngagementLevel.allCases.map(\.rawValue) == ["inform", "consult", "involve", "co-design", "co-produce"])
        #expect(
            EngagementMethod.allCases.map(\.rawValue) == [
                "survey", "focus-group", "interview", "drop-in", "outreach", "online", "public-meeting", "other",
            ])
        #expect(
            FeedbackChannel.allCases.map(\.rawValue) == [
                "web", "email", "letter", "meeting", "social", "phone", "other",
            ])
        #expect(
            PreferredFormat.allCases.map(\.rawValue) == [
                "email", "text", "letter", "large-print", "easy-read", "phone", "none",
            ])
        #expect(Outcome.allCases.map(\.rawValue) == ["adopted", "partly"])
        #expect(DeliveryStatus.allCases.map(\.rawValue) == ["planned", "in-progress", "done", "dropped"])
        #expect(
            ReasonCategory.allCases.map(\.rawValue) == [
                "outside-control", "cost", "legal", "clinical-safety", "conflicting-views", "other",
            ])
    }

    @Test func parsingIgnoresCaseAndSurroundingSpace() throws {
        #expect(try EngagementLevel.parse(" Co-Design ", field: .entry("level")) == .coDesign)
        #expect(try EngagementMethod.parse("DROP-IN", field: .entry("method")) == .dropIn)
    }

    @Test func anUnknownValueListsTheAllowedOnes() {
        #expect(
            throws: RecordError.unknownValue(
                field: .entry("reason"), value: "money", allowed: ReasonCategory.allowedValues)
        ) {
            try ReasonCategory.parse("money", field: .entry("reason"))
        }
        let message = RecordError.unknownValue(
            field: .entry("level"), value: "shout", allowed: EngagementLevel.allowedValues
        )
        .description
        #expect(
            message
                == "--level 'shout' is not one of the allowed values: inform, consult, involve, co-design, co-produce")
    }
}
