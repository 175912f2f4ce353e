import FeedbackLoop

/// What an update says of promises that are late, of views not yet grouped into themes, and the title
/// as it reads inside a sentence.
extension UpdateView {
    /// Views not yet grouped into themes: how many, and when we will report on them.
    static func unthemedText(_ count: Int, due: String?, on published: String, easyRead: Bool = false) -> String {
        if easyRead {
            let first = count == 1 ? "We have not looked at 1 view yet." : "We have not looked at \(count) views yet."
            guard let due, let date = spoken(due), due >= published else {
                return first + " We will tell you about \(count == 1 ? "it" : "them") soon."
            }
            return first + " We will tell you about \(count == 1 ? "it" : "them") by \(date)."
        }
        let views = count == 1 ? "1 view is" : "\(count) views are"
        guard let due, let date = spoken(due) else {
            return "\(views) not yet grouped into themes. We will report on \(count == 1 ? "it" : "them") when we have."
        }
        return due >= published
            ? "\(views) not yet grouped into themes. We will report on \(count == 1 ? "it" : "them") by \(date)."
            : "\(views) not yet grouped into themes. We said we would report on all views by \(date). We are late, "
                + "and we will report on \(count == 1 ? "it" : "them") as soon as we can."
    }

    /// A commitment past its due date on the day of publishing, neither done nor dropped, is late,
    /// and says so ("This is late: we said we would do it by 30 November 2026").
    static func lateText(due: String?, status: String, on published: String, easyRead: Bool) -> String? {
        guard let due, due < published, let date = spoken(due),
            status == DeliveryStatus.planned.rawValue || status == DeliveryStatus.inProgress.rawValue
        else { return nil }
        return easyRead
            ? "This is late. We said we would do it by \(date)"
            : "This is late: we said we would do it by \(date)"
    }

    /// Words that start a title but read in lower case inside a sentence ("your views on your
    /// experience of…"); any other first word (a place, a service, an acronym) keeps its capital.
    static let ordinaryFirstWords: Set<String> = [
        "a", "an", "the", "your", "our", "their", "how", "what", "why", "when", "where", "which", "who", "help",
        "getting", "improving", "making", "changing", "shaping", "planning", "having", "finding", "living", "caring",
        "going", "using", "booking", "staying", "leaving", "choosing", "designing", "reviewing", "future",
    ]

    /// `title` as it reads after "your views on".
    static func inSentence(_ title: String) -> String {
        guard let first = title.split(separator: " ", maxSplits: 1).first,
            ordinaryFirstWords.contains(first.lowercased()), first.dropFirst().allSatisfy(\.isLowercase)
        else { return title }
        return first.lowercased() + title.dropFirst(first.count)
    }
}
