import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopTranslate

@Suite struct TranslationFileTests {
    @Test func placeholder() {}
}
