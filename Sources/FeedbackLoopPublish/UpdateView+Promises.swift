import FeedbackLoop

/// What an update says of promises that are late, of views not yet grouped into themes, and the title
/// as it reads inside a sentence.
extension UpdateView {
    /// Views not yet grouped into themes: how many, and when we will report on them.
    static func unthemedText(_ count: Int, due: String?, on published: String, easyRead: Bool = false) -> String {
        let number: KeyValuePairs<String, String> = ["count": String(count)]
        let date = due.flatMap(spoken)
        if easyRead {
            let first =
                count == 1
                ? t("We have not looked at 1 view yet.") : t("We have not looked at {{count}} views yet.", number)
            guard let due, let date, due >= published else {
                return first + " "
                    + (count == 1 ? t("We will tell you about it soon.") : t("We will tell you about them soon."))
            }
            return first + " "
                + (count == 1
                    ? t("We will tell you about it by {{date}}.", ["date": date])
                    : t("We will tell you about them by {{date}}.", ["date": date]))
        }
        let views =
            count == 1
            ? t("1 view is not yet grouped into themes.")
            : t("{{count}} views are not yet grouped into themes.", number)
        guard let due, let date else {
            return views + " "
                + (count == 1 ? t("We will report on it when we have.") : t("We will report on them when we have."))
        }
        if due >= published {
            return views + " "
                + (count == 1
                    ? t("We will report on it by {{date}}.", ["date": date])
                    : t("We will report on them by {{date}}.", ["date": date]))
        }
        return views + " "
            + (count == 1
                ? t(
                    "We said we would report on all views by {{date}}. We are late, and we will report on it as soon as we can.",
                    ["date": date])
                : t(
                    "We said we would report on all views by {{date}}. We are late, and we will report on them as soon as we can.",
                    ["date": date]))
    }

    /// A commitment past its due date on the day of publishing, neither done nor dropped, is late,
    /// and says so ("This is late: we said we would do it by 30 November 2026").
    static func lateText(due: String?, status: String, on published: String, easyRead: Bool) -> String? {
        guard let due, due < published, let date = spoken(due),
            status == DeliveryStatus.planned.rawValue || status == DeliveryStatus.inProgress.rawValue
        else { return nil }
        return easyRead
            ? t("This is late. We said we would do it by {{date}}", ["date": date])
            : t("This is late: we said we would do it by {{date}}", ["date": date])
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
        // Only English titles are lowered: other languages' rules differ.
        guard MessageCatalogue.current.language.primary == "en",
            let first = title.split(separator: " ", maxSplits: 1).first,
            ordinaryFirstWords.contains(first.lowercased()), first.dropFirst().allSatisfy(\.isLowercase)
        else { return title }
        return first.lowercased() + title.dropFirst(first.count)
    }
}
