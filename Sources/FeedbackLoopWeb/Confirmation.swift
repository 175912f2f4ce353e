import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird

/// "Are you sure?": a permanent change first shows what will go and what it does to the loop, and
/// is made only when the form comes back with `confirmed=yes`. The form's own fields travel hidden,
/// so what is confirmed is exactly what was asked.
struct ConfirmPage: Sendable {
    var frame: Frame
    var caption: String
    var heading: String
    var consequences: [String]
    var action: String
    var hidden: [Hidden]
    var button: String
    var back: String

    struct Hidden: Sendable {
        var name: String
        var value: String
    }

    /// The confirmation page, unless the form has been confirmed (then nil: go ahead).
    static func unlessConfirmed(
        _ form: FormData, context: StaffContext, caption: String, heading: String, consequences: [String],
        action: String, button: String, back: String, section: String = "activities"
    ) -> Response? {
        guard form.typed("confirmed") != "yes" else { return nil }
        var hidden: [Hidden] = []
        for (name, values) in form.fields.sorted(by: { $0.key < $1.key }) where name != "csrf" {
            hidden += values.map { Hidden(name: name, value: $0) }
        }
        return Pages.render(
            "confirm",
            ConfirmPage(
                frame: Frame(heading, context: context, section: section), caption: caption, heading: heading,
                consequences: consequences, action: action, hidden: hidden, button: button, back: back))
    }
}

/// What a change did to an activity's loop, in a sentence for the banner after it.
enum LoopEffect {
    /// The loop as it now stands: reopened with its new due date, or its state and next step.
    static func sentence(store: any RecordStore, ref: String, before: LoopState? = nil) async throws -> String {
        let settings = try await store.settings()
        guard let input = try await store.checkInputs(activity: ref).first else { return "" }
        let loop = LoopRules(settings: settings).status(of: input.summary, asOf: settings.today())
        if loop.state == .reopened {
            let due = loop.due.map { ": an updated answer is due by \($0.spoken)" } ?? ""
            return before == .reopened ? "The loop is still reopened\(due)." : "The loop is reopened\(due)."
        }
        if let before, before == loop.state {
            return "The loop is still \(loop.state.label.lowercased()). Next: \(loop.nextStep)."
        }
        return "The loop is now \(loop.state.label.lowercased()). Next: \(loop.nextStep)."
    }

    /// The loop's state now, to compare with after a change.
    static func state(store: any RecordStore, ref: String) async throws -> LoopState? {
        let settings = try await store.settings()
        guard let input = try await store.checkInputs(activity: ref).first else { return nil }
        return LoopRules(settings: settings).status(of: input.summary, asOf: settings.today()).state
    }
}
