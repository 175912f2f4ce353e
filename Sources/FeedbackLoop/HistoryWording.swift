import Foundation

/// A history entry in plain words, for people: "Changed decision callback: due date 16 January
/// 2027 → 30 April 2027." Names, not table names; each changed value before and after; dates as
/// people write them. Private contact details are never repeated: only that they changed.
public enum HistoryWording {
    /// The kinds of change, as the filters name them, in words.
    public static let kinds: [(entity: String, words: String)] = [
        ("activity", "activity"), ("contribution", "contribution"), ("theme", "theme"),
        ("themeContribution", "contribution linked to a theme"), ("decision", "decision"),
        ("decisionTheme", "decision’s answer to a theme"), ("explanation", "explanation"),
        ("changeReason", "reason for a change"), ("chosenQuote", "quote"), ("evaluation", "what we learned"),
        ("publishedUpdate", "update"), ("updateRendition", "format of an update"),
        ("publishedUpdateTheme", "theme an update reported"), ("followUp", "follow-up"),
        ("participant", "participant"), ("participantContact", "contact details"),
        ("organisation", "organisation"), ("setting", "setting"), ("methodMapping", "method word"),
        ("user", "user"), ("accountLock", "account lock"), ("batch", "bulk change"),
    ]

    private static let thing = Dictionary(kinds.map { ($0.entity, $0.words) }) { first, _ in first }

    /// Fields that hold yes or no.
    static let booleans: Set<String> = ["wantsFeedback", "mayQuote", "participantsInvolved", "succeeded", "covered"]

    /// Values never repeated in words: a participant's contact details.
    static let privateFields: Set<String> = ["email", "phone", "address", "name", "salutation"]

    /// The entry as one or two sentences.
    public static func sentence(_ entry: HistoryEntry) -> String {
        let before = values(entry.before)
        let after = values(entry.after)
        let what = thing[entry.entity] ?? words(entry.entity)
        if entry.action == "batch" { return batch(after) }
        if let link = link(entry, entry.action == "delete" ? before : after) { return link }
        var name = self.name(entry.entity, after.isEmpty ? before : after).map { " " + $0 } ?? ""
        if name.isEmpty, entry.entity == "contribution", let id = entry.entityId { name = " \(id)" }
        let isPrivate = entry.entity == "participantContact"
        if isPrivate, name.isEmpty, let person = (before["participant"] ?? after["participant"]) as? String {
            name = " of \(person)"
        }
        switch entry.action {
        case "update":
            let changed = Set(before.keys).union(after.keys).sorted().filter {
                raw(before[$0]) != raw(after[$0])
            }
            guard !changed.isEmpty else { return "Saved \(what)\(name) with no change." }
            let parts = changed.map { field in
                isPrivate && privateFields.contains(field)
                    ? "\(words(field)) changed"
                    : "\(words(field)): \(spoken(field, before[field])) → \(spoken(field, after[field]))"
            }
            return "Changed \(what)\(name): " + parts.joined(separator: "; ") + "."
        case "delete":
            return "Removed \(what)\(name)" + (isPrivate ? "" : summary(entry.entity, before)) + "."
        default:
            return "Added \(what)\(name)" + (isPrivate ? "" : summary(entry.entity, after)) + "."
        }
    }

    /// A link between two things, said as one: "Linked contribution 2 to theme phone-queue."
    static func link(_ entry: HistoryEntry, _ values: [String: Any]) -> String? {
        func text(_ key: String) -> String {
            (values[key] as? String) ?? (values[key] as? NSNumber).map { "\($0)" } ?? "?"
        }
        let added = entry.action == "insert"
        switch (entry.entity, entry.action) {
        case ("themeContribution", "insert"), ("themeContribution", "delete"):
            return added
                ? "Linked contribution \(text("contributionId")) to theme \(text("theme"))."
                : "Unlinked contribution \(text("contributionId")) from theme \(text("theme"))."
        case ("decisionTheme", "insert"), ("decisionTheme", "delete"):
            return added
                ? "Decision \(text("decision")) now answers theme \(text("theme")) (\(words(text("outcome"))))."
                : "Decision \(text("decision")) no longer answers theme \(text("theme"))."
        case ("participantContact", "insert"): return "Added contact details for \(text("participant"))."
        case ("followUp", "insert"):
            return "Marked the follow-up to \(text("participant")) sent (\(text("format")), "
                + spoken("sent", values["sent"]) + ")."
        case ("publishedUpdate", "insert"):
            return "Recorded update \(text("number")) as published (\(formatWords(text("format"))))."
        case ("updateRendition", "insert"):
            return "Added the \(formatWords(text("format"))) to update \(text("update"))."
        case ("participantContact", "delete"): return "Removed the contact details of \(text("participant"))."
        case ("changeReason", "insert"):
            return "Gave the reason for a change" + (values["theme"] is String ? " to theme \(text("theme"))" : "")
                + ": " + spoken("reason", values["reason"]) + "."
        default: return nil
        }
    }

    /// A format's name as people know it.
    static func formatWords(_ format: String) -> String {
        switch format {
        case "html": "web page"
        case "easy-read": "easy read web page"
        case "large-print": "large print web page"
        case "md": "Markdown"
        case "txt": "plain text"
        case "json": "open data (JSON)"
        case "csv": "open data (CSV)"
        default: format
        }
    }

    /// Entries in words, each reason for a change said with the change it belongs to ("… Why: …")
    /// rather than on its own.
    /// Entries come back in the order given (oldest or newest first).
    public static func sentences(_ entries: [HistoryEntry]) -> [(entry: HistoryEntry, words: String)] {
        let newestFirst = entries.count > 1 && entries[0].id > entries[entries.count - 1].id
        var out: [(entry: HistoryEntry, words: String)] = []
        for entry in newestFirst ? Array(entries.reversed()) : entries {
            // A reason is written just after the change it gives the reason for, by the same person.
            if entry.entity == "changeReason", entry.action == "insert", let last = out.last,
                last.entry.entity != "changeReason", last.entry.actor == entry.actor,
                last.entry.activityRef == entry.activityRef, last.entry.at.prefix(16) == entry.at.prefix(16)
            {
                let reason = spoken("reason", values(entry.after)["reason"])
                out[out.count - 1].words += " Why: \(reason)."
                continue
            }
            out.append((entry, sentence(entry)))
        }
        return newestFirst ? Array(out.reversed()) : out
    }

    /// The thing's own name: its key, reference or number.
    static func name(_ entity: String, _ values: [String: Any]) -> String? {
        func text(_ key: String) -> String? {
            (values[key] as? String) ?? (values[key] as? NSNumber).map { "\($0)" }
        }
        switch entity {
        case "activity", "participant": return text("ref")
        case "theme", "decision", "organisation", "setting": return text("key")
        case "contribution": return text("number") ?? text("id")
        case "publishedUpdate": return text("number")
        case "user": return text("email")
        case "participantContact": return nil
        case "followUp": return text("participant").map { "to \($0)" }
        case "themeContribution":
            return [text("contributionId").map { "contribution \($0)" }, text("theme").map { "to theme \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        case "decisionTheme":
            return [text("decision").map { "from decision \($0)" }, text("theme").map { "to theme \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        case "explanation", "changeReason": return text("theme").map { "for theme \($0)" }
        case "chosenQuote": return text("theme").map { "for theme \($0)" }
        case "publishedUpdateTheme", "updateRendition": return text("update").map { "in update \($0)" }
        case "methodMapping": return text("value").map { "‘\($0)’" }
        default: return nil
        }
    }

    /// The thing's main words after its name: ": “We will add a call-back option”".
    static func summary(_ entity: String, _ values: [String: Any]) -> String {
        let field =
            switch entity {
            case "activity": "title"
            case "contribution", "decision": "text"
            case "theme", "publishedUpdateTheme": "said"
            case "explanation": "why"
            case "changeReason": "reason"
            case "evaluation": "worked"
            case "publishedUpdate", "updateRendition": "format"
            case "methodMapping": "method"
            case "setting": "value"
            case "followUp": "format"
            case "user": "role"
            default: ""
            }
        guard !field.isEmpty, let value = values[field], !(value is NSNull) else { return "" }
        return ": " + spoken(field, value)
    }

    /// A bulk change: what kind, and its counts.
    static func batch(_ details: [String: Any]) -> String {
        let kind = (details["kind"] as? String) ?? "change"
        var parts: [String] = []
        for (key, value) in details.sorted(by: { $0.key < $1.key }) where key != "kind" && key != "sha256" {
            guard !(value is NSNull), (value as? NSNumber)?.intValue != 0 || key == "added" else { continue }
            parts.append("\(words(key)) \(spoken(key, value))")
        }
        return "Bulk \(words(kind))" + (parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")) + "."
    }

    /// A field's name in words: `feedbackBy` reads "feedback by".
    public static func words(_ field: String) -> String {
        switch field {
        case "due": return "due date"
        case "said": return "you said"
        case "why": return "why not"
        case "canInfluence": return "what people can influence"
        case "wantsFeedback": return "asked to hear back"
        case "mayQuote": return "agreed to be quoted"
        case "outOfScope": return "out of scope"
        default: break
        }
        var out = ""
        for character in field {
            if character.isUppercase, !out.isEmpty { out += " " }
            out += character.lowercased()
        }
        return out.replacingOccurrences(of: "-", with: " ")
    }

    /// A value as people read it: dates spoken, yes or no, lists joined, long text shortened.
    static func spoken(_ field: String, _ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "none"
        case let number as NSNumber:
            if booleans.contains(field) { return number.boolValue ? "yes" : "no" }
            return "\(number)"
        case let text as String:
            if let date = try? CalendarDate.parse(text, field: "date") { return date.spoken }
            if text.count >= 16, let date = try? CalendarDate.parse(String(text.prefix(10)), field: "date"),
                text.dropFirst(10).first == "T"
            {
                return "\(date.spoken), \(text.dropFirst(11).prefix(5)) UTC"
            }
            let shown = text.count > 120 ? String(text.prefix(117)) + "…" : text
            return "“\(shown)”"
        case let list as [Any]: return list.map { spoken(field, $0) }.joined(separator: ", ")
        default: return "\(value ?? "")"
        }
    }

    /// A value exactly, to compare.
    static func raw(_ value: Any?) -> String {
        guard let value else { return "" }
        return (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }

    static func values(_ json: String?) -> [String: Any] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        return object
    }
}
