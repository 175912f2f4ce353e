import FeedbackLoop
import Testing

/// DOMAIN.md, "Answers": each sentence, with a case that meets it and one that does not.
@Suite struct ThemeAnswerTests {
    typealias Response = (outcome: Outcome, status: DeliveryStatus)

    @Test(
        arguments: [
            // An adopted decision that is not dropped answers the theme, whatever its delivery status.
            ([(Outcome.adopted, DeliveryStatus.planned)], false, ThemeAnswer.adopted),
            ([(.adopted, .inProgress)], false, .adopted),
            ([(.adopted, .done)], false, .adopted),
            // An explanation alone answers it.
            ([], true, .explained),
            // Nothing answers nothing.
            ([], false, .unanswered),
            // A partly adopted theme needs both.
            ([(.partly, .planned)], false, .partlyUnexplained),
            ([(.partly, .done)], true, .partlyExplained),
            // A dropped decision answers nothing: the theme needs another answer or an explanation.
            ([(.adopted, .dropped)], false, .unanswered),
            ([(.adopted, .dropped)], true, .explained),
            ([(.partly, .dropped)], false, .unanswered),
            ([(.adopted, .dropped), (.adopted, .planned)], false, .adopted),
            ([(.adopted, .dropped), (.partly, .planned)], false, .partlyUnexplained),
        ] as [([Response], Bool, ThemeAnswer)])
    func answers(responses: [Response], hasExplanation: Bool, expected: ThemeAnswer) {
        let answer = ThemeAnswer(responses: responses, hasExplanation: hasExplanation)
        #expect(answer == expected)
        #expect(answer.isAnswered == [.adopted, .explained, .partlyExplained].contains(expected))
    }
}
