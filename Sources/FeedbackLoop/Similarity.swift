/// Whether two activities ask people similar things, judged by the words they share.
public enum Similarity {
    private static let stopWords: Set<String> = [
        "about", "after", "also", "been", "being", "from", "have", "into", "more", "most", "other", "over",
        "people", "some", "than", "that", "their", "them", "then", "there", "these", "they", "this", "what",
        "when", "where", "which", "while", "will", "with", "would", "your", "find", "hear", "think", "views",
    ]

    /// The words that carry meaning: lower-cased, four letters or more, common words left out.
    public static func keywords(_ text: String) -> Set<String> {
        var words = Set<String>()
        var current = ""
        for character in text.lowercased() + " " {
            if character.isLetter {
                current.append(character)
            } else {
                if current.count >= 4, !stopWords.contains(current) { words.insert(current) }
                current = ""
            }
        }
        return words
    }

    /// Similar when the candidate shares at least two of the activity's keywords and at least
    /// half of those in its title.
    public static func isSimilar(title: String, text: String, to candidate: String) -> Bool {
        isSimilar(titleWords: keywords(title), words: keywords(text), to: keywords(candidate))
    }

    /// The same, on keywords already extracted (see ``keywords(_:)``).
    public static func isSimilar(titleWords: Set<String>, words: Set<String>, to candidate: Set<String>) -> Bool {
        words.intersection(candidate).count >= 2 && titleWords.intersection(candidate).count * 2 >= titleWords.count
    }

    /// The word groups a candidate must contain one of to be worth holding to the whole rule: it
    /// must share at least half of the title's longest four keywords, so any one of them when the
    /// title has two or fewer, else any two. The search index finds candidates by these.
    public static func candidateGroups(titleWords: Set<String>) -> [[String]] {
        let longest = titleWords.sorted { ($0.count, $0) > ($1.count, $1) }.prefix(4)
        guard longest.count > 2 else { return longest.map { [$0] } }
        var groups: [[String]] = []
        for (index, first) in longest.enumerated() {
            for second in longest.dropFirst(index + 1) { groups.append([first, second]) }
        }
        return groups
    }
}
