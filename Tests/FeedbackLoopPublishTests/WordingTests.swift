import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopPublish

/// Staff texts are shown as written, and no template doubles them: whatever a decision's text
/// begins with, no output says "We will: We will", "We did: We did", or any label twice in a row.
@Suite struct WordingTests {
    static let shapes = [
        "We will add a call-back option", "We did add a call-back option", "We have added a call-back option",
        "Add a call-back option",
    ]

    /// Every update format and every follow-up format, for a decision with `text` and `status`.
    static func outputs(text: String, status: DeliveryStatus) throws -> [(String, String)] {
        var snapshot = Sample.snapshot(decision: text)
        for index in snapshot.record.themes.indices {
            for response in snapshot.record.themes[index].responses.indices
            where snapshot.record.themes[index].responses[response].decision == "callback" {
                snapshot.record.themes[index].responses[response].status = status
                snapshot.record.themes[index].responses[response].easyRead = nil
            }
        }
        snapshot.record.decisions[0].status = status
        snapshot.record.decisions[0].easyRead = nil
        var outputs = try PublishFormat.allCases.map {
            ("update.\($0.fileExtension)", try UpdateRenderer().render(snapshot, as: $0).text)
        }
        for format in [PreferredFormat.email, .letter, .largePrint, .easyRead, .phone] {
            let recipient = FollowUpRecipient(
                participantId: 3, ref: "P-3", prefers: format, email: "a@example.org", phone: "07700 900123",
                address: "1 Road, Town", themes: ["phone-queue", "online-booking"])
            for followUp in FollowUpRenderer().render(snapshot, for: [recipient]) {
                outputs.append((followUp.fileName, String(decoding: followUp.bytes, as: UTF8.self)))
            }
        }
        return outputs
    }

    /// The text as a reader meets it: tags and icon titles out, entities and quotes plain, one line per block.
    static func plain(_ text: String) -> String {
        var plain = text.replacingOccurrences(of: #"<svg.*?</svg>"#, with: "", options: .regularExpression)
        plain = plain.replacingOccurrences(of: #"</(h\d|p|li|div|span)>|<br>"#, with: "\n", options: .regularExpression)
        plain = plain.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            plain = plain.replacingOccurrences(of: entity, with: character)
        }
        return plain.replacingOccurrences(of: #"[*#>\-"“”]"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"[ \t]+"#, with: " ", options: .regularExpression)
    }

    /// The templates' headings, which label what follows them.
    static let headings: Set<String> = [
        "what we did", "what we will do", "why we did not do this", "what we did not do, and why", "what we did not do",
        "still to do", "you said", "you told us",
    ]

    /// Places where a label (the words before a colon, or a line) is followed by the same words.
    static func doubled(_ text: String) -> [String] {
        let lines = plain(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        var found: [String] = []
        for (index, line) in lines.enumerated() {
            if let colon = line.firstIndex(of: ":") {
                let label = line[..<colon].split(separator: " ").suffix(2).joined(separator: " ")
                let after = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if !label.isEmpty, after.hasPrefix(label + " ") || after == label { found.append(line) }
            }
            if index + 1 < lines.count {
                let words = line.split(separator: " ").prefix(2).joined(separator: " ")
                let next = lines[index + 1].split(separator: " ").prefix(2).joined(separator: " ")
                let label = line.hasSuffix(":") || Self.headings.contains(line)
                if label, words == next {
                    found.append("\(line) / \(lines[index + 1])")
                }
            }
        }
        return found
    }

    @Test(arguments: shapes, [DeliveryStatus.planned, .inProgress, .done])
    func noTemplateDoublesALabel(text: String, status: DeliveryStatus) throws {
        for (name, output) in try Self.outputs(text: text, status: status) {
            #expect(output.contains(text), "\(name) shows the text as written")
            for phrase in ["We will: We will", "We did: We did", "We have: We have", "We did this: We did"] {
                #expect(!output.contains(phrase), "\(name): \(phrase)")
            }
            #expect(Self.doubled(output).isEmpty, "\(name): \(Self.doubled(output))")
        }
    }

    @Test func theCheckFindsADoubledLabel() {
        #expect(Self.doubled("<li><strong>We will:</strong> We will add it</li>") == ["we will: we will add it"])
        #expect(Self.doubled("What we did\nWhat we did: more") != [])
        #expect(Self.doubled("What we did\nWe did add it").isEmpty)
    }

    @Test func aReasonIsAShortLabelNotABoltedOnSentence() throws {
        let text = try UpdateRenderer().render(Sample.snapshot(), as: .txt).text
        #expect(text.contains("Reason: outside our control"))
        #expect(!text.contains("It is outside our control."))
    }

    @Test func aOneDayActivityTookPlaceOnItsDay() throws {
        let text = try UpdateRenderer().render(Sample.snapshot(), as: .txt).text
        #expect(text.contains("It took place on 15 September 2026."))
        #expect(!text.contains("from 15 September 2026 to 15 September 2026"))
    }

    @Test func everythingIsDoneOnlyWhenItIs() throws {
        let open = try UpdateRenderer().render(Sample.snapshot(), as: .txt).text
        #expect(!open.contains("Everything we said we would do is done"))
        #expect(open.contains("We have not yet answered:\n  * The waiting room is too cold"))
        var done = Sample.snapshot(unanswered: false)
        for index in done.record.decisions.indices { done.record.decisions[index].status = .done }
        #expect(try UpdateRenderer().render(done, as: .txt).text.contains("Everything we said we would do is done."))
    }

    @Test func anOverdueAnswerSaysItIsLate() throws {
        var snapshot = Sample.snapshot()
        snapshot.answersDue = Sample.day("2026-11-01")
        let text = try UpdateRenderer().render(snapshot, as: .txt).text
        #expect(text.contains("We said we would tell you by 1 November 2026. We are late"))
    }

    @Test func countsAreHonest() throws {
        let json = try UpdateRenderer().render(Sample.snapshot(), as: .json).text
        #expect(json.contains(#""anonymous" : 3"#) && json.contains(#""contributions" : 13"#))
        let text = try UpdateRenderer().render(Sample.snapshot(), as: .txt).text
        #expect(text.contains("We heard 13 views, from at least 8 people."))
        let order = ["phone at 8am", "Parking is hard", "Online booking", "waiting room"].map {
            text.range(of: $0)?.lowerBound
        }
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted() && !order.contains(nil), "most views first")
    }

    @Test func noPublicContactIsAnError() {
        #expect(throws: PublishError.noPublicContact(activity: "GP-ACCESS-2026")) {
            try UpdateRenderer().render(Sample.snapshot(publicContact: nil), as: .html)
        }
    }

    @Test func easyReadWarnsAboutLongSentencesAndWordsWithoutAnEasyReadWording() {
        var snapshot = Sample.snapshot(
            explanation: "Unfortunately the car parks surrounding the practices belong to the council and we have "
                + "absolutely no authority over them")
        let warnings = EasyReadCheck.warnings(snapshot)
        #expect(warnings.contains { $0.problem.hasPrefix("a sentence of 19 words") })
        #expect(warnings.contains { $0.problem.contains("\"Unfortunately\" has") })
        #expect(warnings.allSatisfy { !$0.location.contains("phone-queue") }, "it has an easy-read wording")
        snapshot.record.themes[1].explanation?.easyRead = "The council owns the car parks."
        #expect(!EasyReadCheck.warnings(snapshot).contains { $0.location.contains("explanation of theme parking") })
    }

    @Test(arguments: [("cat", 1), ("appointment", 3), ("information", 4), ("surgery", 3), ("phone", 1), ("table", 2)])
    func syllablesAreCounted(word: String, count: Int) {
        #expect(EasyReadCheck.syllables(word) == count)
    }
}
