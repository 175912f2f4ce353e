import FeedbackLoop
import Foundation

/// Which fields each reason's change changed, from the history written with it: the same on every
/// engine, so it lives here, and each engine hands it the rows.
package enum ChangeWindows {
    /// One history row of an answer's parts (`decision`, `decisionTheme`, `explanation`, `theme`).
    package struct Change {
        var at: String
        var entity: String
        var before: [String: String]?
        var after: [String: String]?

        package init(at: String, entity: String, before: String?, after: String?) {
            self.at = at
            self.entity = entity
            self.before = Self.object(before)
            self.after = Self.object(after)
        }

        private static func object(_ text: String?) -> [String: String]? {
            guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            else { return nil }
            return object.mapValues { value in value is NSNull ? "" : "\(value)" }
        }

        /// The fields this row changed in `subject` (`decision KEY`, `explanation`, `theme`) of `theme`.
        func fields(for subject: String, theme: String) -> [String] {
            let row = after ?? before ?? [:]
            switch entity {
            case "decision":
                guard subject == "decision \(row["key"] ?? "")" else { return [] }
            case "decisionTheme":
                return subject == "decision \(row["decision"] ?? "")" ? ["responds"] : []
            case "explanation":
                guard subject == "explanation", row["theme"] == theme else { return [] }
            case "theme":
                guard subject == "theme", row["key"] == theme else { return [] }
            default:
                return []
            }
            guard let before else { return ["added"] }
            guard let after else { return ["removed"] }
            return after.keys.sorted().filter { before[$0] != after[$0] }
        }
    }

    /// The history an engine reads for `reasons`: rows of the activity after `start` (the latest
    /// reason before the first of them), from `since`, up to the last reason's time.
    package static let entities = ["decision", "decisionTheme", "explanation", "theme"]

    /// Each reason with what its change changed: a change's rows come before the reason recorded after
    /// it, and after the reason of the change before.
    package static func attach(_ reasons: [ChangeReason], changes: [Change], start: String) -> [ChangeReason] {
        var result: [ChangeReason] = []
        var lower = start
        var index = 0
        while index < reasons.count {
            // Reasons given at one time belong to one change.
            let at = reasons[index].at
            let window = changes.filter { $0.at > lower && $0.at <= at }
            while index < reasons.count, reasons[index].at == at {
                var reason = reasons[index]
                let fields = window.flatMap { $0.fields(for: reason.subject, theme: reason.theme) }
                reason.changed =
                    fields.isEmpty ? nil : fields.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                result.append(reason)
                index += 1
            }
            lower = at
        }
        return result
    }
}
