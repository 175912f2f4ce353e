import Testing

@testable import FeedbackLoopWeb

@Suite struct PaginationTests {
    @Test func pagesLinkEitherSideAndNeverRunPastTheEnd() {
        let first = Pagination(count: 120, page: 1, size: 50) { "/?page=\($0)" }
        #expect(
            first.range == 0..<50 && first.previous == nil && first.next == "/?page=2" && first.label == "Page 1 of 3")
        let last = Pagination(count: 120, page: 9, size: 50) { "/?page=\($0)" }
        #expect(
            last.range == 100..<120 && last.previous == "/?page=2" && last.next == nil && last.label == "Page 3 of 3")
        let empty = Pagination(count: 0, page: 1, size: 50) { "/?page=\($0)" }
        #expect(empty.range.isEmpty && empty.previous == nil && empty.next == nil)
    }
}
