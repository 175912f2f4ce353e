import FeedbackLoop
import Foundation

/// What changed between two recorded updates: the themes and answers reported, then the lines.
public struct UpdateDiff: Sendable {
    public var old: PublishedUpdate
    public var new: PublishedUpdate
    /// The activity's decisions now, to tell a dropped decision from a removed one.
    public var decisions: [Decision]
    /// The reasons given for changes between the two updates.
    public var reasons: [ChangeReason]

    public init(old: PublishedUpdate, new: PublishedUpdate, decisions: [Decision] = [], reasons: [ChangeReason] = []) {
        self.old = old
        self.new = new
        self.decisions = decisions
        self.reasons = reasons
    }

    /// The changes to the answers, as the later update's "What has changed" words them.
    public var answerChanges: [String] {
        guard let before = ReportedAnswers.decode(old.data), let after = ReportedAnswers.decode(new.data) else {
            return []
        }
        return AnswerChanges.between(before, after, decisions: decisions, reasons: reasons).map {
            let line = UpdateView.changeLine($0)
            return line.text + (line.reason.map { " Why: \($0)" } ?? "")
        }
    }

    /// The report, for people: one line per theme that changed, then the changed lines in place.
    public var text: String {
        var out = "Update \(old.number) (\(old.published), \(old.format)) → update \(new.number) "
        out += "(\(new.published), \(new.format))\n"
        let changes = answerChanges
        out +=
            changes.isEmpty
            ? "What has changed: nothing in the answers.\n"
            : "What has changed, and why (as participants read it):\n" + changes.map { "  * \($0)\n" }.joined()
        let before = Dictionary(uniqueKeysWithValues: old.themes.map { ($0.key, $0) })
        let after = Dictionary(uniqueKeysWithValues: new.themes.map { ($0.key, $0) })
        var themeChanges: [String] = []
        for theme in new.themes {
            guard let earlier = before[theme.key] else {
                themeChanges.append("  new theme \(theme.key): \(theme.answer.rawValue)")
                continue
            }
            if earlier.answer != theme.answer {
                themeChanges.append("  theme \(theme.key): \(earlier.answer.rawValue) → \(theme.answer.rawValue)")
            } else if earlier.signature != theme.signature {
                themeChanges.append("  theme \(theme.key): the answer changed (still \(theme.answer.rawValue))")
            } else if earlier.said != theme.said {
                themeChanges.append("  theme \(theme.key): now reads \"\(theme.said)\"")
            }
        }
        for theme in old.themes where after[theme.key] == nil {
            themeChanges.append("  theme \(theme.key) is no longer reported")
        }
        out += themeChanges.isEmpty ? "Themes: the same themes, with the same answers.\n" : "Themes:\n"
        out += themeChanges.map { $0 + "\n" }.joined()
        let oldLines = lines(old.bytes)
        let newLines = lines(new.bytes)
        let difference = newLines.difference(from: oldLines)
        guard !difference.isEmpty else { return out + "The published text is identical.\n" }
        out += "Lines (- only in update \(old.number), + only in update \(new.number)):\n"
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both texts together, so each change sits where it happened.
        var (i, j) = (0, 0)
        while i < oldLines.count || j < newLines.count {
            if removed.contains(i) {
                out += "- \(oldLines[i])\n"
                i += 1
            } else if inserted.contains(j) {
                out += "+ \(newLines[j])\n"
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return out
    }

    private func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.trimmingSuffix("\r"))
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
