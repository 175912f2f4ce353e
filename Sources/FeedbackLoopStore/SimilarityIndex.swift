import FeedbackLoop

/// Earlier similar activities for every activity at once, by the rule `similarEarlier` applies to
/// one: candidates are activities that opened before it (none has no opening date) whose title, purpose or themes hold at least two of the
/// activity's four longest title keywords (any one, when it has two or fewer); the 50 most recent
/// are held to ``Similarity/isSimilar(titleWords:words:to:)``, and the first three kept.
package struct SimilarityIndex {
    /// Activities in the order they opened (those with no opening date first), then as recorded.
    private var ids: [Int64] = []
    private var position: [Int64: Int] = [:]
    private var opens: [Int64: String] = [:]
    private var refs: [Int64: String] = [:]
    private var titles: [Int64: Set<String>] = [:]
    private var words: [Int64: Set<String>] = [:]
    /// Each keyword's activities, as positions in `ids`, ascending.
    private var postings: [String: [Int]] = [:]
    private var unsorted: [String: [Int64]] = [:]

    package init() {}

    /// Adds an activity: its ref, opening date and the texts its keywords come from.
    package mutating func add(id: Int64, ref: String, opens: String?, title: String, purpose: String, themes: String?) {
        ids.append(id)
        refs[id] = ref
        self.opens[id] = opens
        titles[id] = Similarity.keywords(title)
        let all = Similarity.keywords("\(title) \(purpose) \(themes ?? "")")
        words[id] = all
        for word in all { unsorted[word, default: []].append(id) }
    }

    /// Puts the activities in the order they opened, once all are added.
    package mutating func finish() {
        ids.sort { (opens[$0] ?? "", $0) < (opens[$1] ?? "", $1) }
        for (index, id) in ids.enumerated() { position[id] = index }
        postings = unsorted.mapValues { list in list.compactMap { position[$0] }.sorted() }
        unsorted = [:]
    }

    /// Whether `candidate` opened before `id`: both have opening dates, and its is earlier.
    private func isEarlier(_ candidate: Int64, than id: Int64) -> Bool {
        guard let theirs = opens[candidate], let own = opens[id] else { return false }
        return theirs < own
    }

    package func similarEarlier() -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        for id in ids {
            // An activity with no opening date has no earlier ones.
            guard let own = titles[id], let all = words[id], opens[id] != nil else { continue }
            let top = own.sorted { ($0.count, $0) > ($1.count, $1) }.prefix(4)
            guard !top.isEmpty else { continue }
            let needed = top.count <= 2 ? 1 : 2
            // Walk each word's activities backwards from just before this one, most recent first.
            var lists = top.compactMap { postings[$0] }
            var heads = lists.map { list in Self.lastIndex(below: position[id] ?? 0, in: list) }
            var similar: [String] = []
            var examined = 0
            while examined < 50, similar.count < 3 {
                var best: Int?
                for (index, head) in heads.enumerated() where head >= 0 {
                    best = max(best ?? lists[index][head], lists[index][head])
                }
                guard let candidate = best else { break }
                var count = 0
                for index in heads.indices where heads[index] >= 0 && lists[index][heads[index]] == candidate {
                    count += 1
                    heads[index] -= 1
                }
                let earlier = ids[candidate]
                guard count >= needed, isEarlier(earlier, than: id) else { continue }
                examined += 1
                if let theirs = words[earlier], Similarity.isSimilar(titleWords: own, words: all, to: theirs),
                    let ref = refs[earlier]
                {
                    similar.append(ref)
                }
            }
            lists.removeAll()
            if !similar.isEmpty { result[id] = similar }
        }
        return result
    }

    /// The index of the last id below `id` in an ascending list, or -1.
    private static func lastIndex(below id: Int, in list: [Int]) -> Int {

        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }
}
