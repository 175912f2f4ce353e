import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// Sending follow-ups through GOV.UK Notify from the web app, and Notify's delivery receipts.
struct NotifyRoutes {
    let store: any RecordStore
    let jobs: NotifyJobs
    /// Where Notify sends receipts (the notify-callback-path setting, read when the server starts).
    let callbackPath: String

    func add(to routes: Routes) {
        routes.machine(RouterPath(callbackPath), token: .callbackToken) { request, _ in
            try await receipt(request)
        }
        routes.change("/activities/{ref}/follow-ups/send", needs: .publisher) { request, context, change in
            let (form, acting, _) = change.parts
            let ref = try context.parameters.require("ref")
            let activity = try await found { try await acting.activity(ref: ref) }
            let back = Paths.activity(ref) + "/follow-ups"
            let setup: NotifySetup
            let sending: NotifySending
            do {
                setup = try await NotifySetup.load(from: acting)
                let batch = try await FollowUpBatch.prepare(store: acting, ref: ref)
                sending = try NotifySending.plan(batch, settings: setup.settings)
            } catch let error as any UserFacingError {
                return try await Pages.redirect(
                    back, saying: "Nothing was sent: " + WebRemedy.message(error).text + ".", store: acting,
                    context: context)
            }
            guard !sending.planned.isEmpty else {
                return try await Pages.redirect(
                    back,
                    saying: "Nothing was sent: nobody owed a follow-up prefers email, a text message or a letter.",
                    store: acting, context: context)
            }
            let counts = sending.counts
            let words = SendingChannel.allCases.compactMap { channel in
                counts[channel].map { counted($0, channel == .text ? "text message" : channel.rawValue) }
            }
            var consequences = [
                "GOV.UK Notify sends \(Self.list(words)) now. Each person gets theirs once, about their own themes."
            ]
            if let letters = counts[.letter] {
                consequences.append(
                    "Letters cost money: Notify charges for each of the \(counted(letters, "letter")) it prints and posts."
                )
            }
            if !sending.byHand.isEmpty {
                consequences.append(
                    "\(counted(sending.byHand.count, "follow-up")) in large print, easy read or by phone stay with you:"
                        + " mark each sent on this page when it has gone.")
            }
            if let asked = ConfirmPage.unlessConfirmed(
                form, context: context, caption: activity.title,
                heading: "Send \(counted(sending.planned.count, "follow-up")) through GOV.UK Notify?",
                consequences: consequences, action: back + "/send", button: "Send follow-ups", back: back)
            {
                return asked
            }
            let queued = try await acting.queueDeliveries(
                ref: ref, sending.planned.map { ($0.participantId, $0.channel) })
            jobs.start(ref, acting: acting)
            return try await Pages.redirect(
                back,
                saying:
                    "Sending \(counted(queued, "follow-up")) through GOV.UK Notify. This page shows how far it has got.",
                store: acting, context: context)
        }
    }

    /// "1 email, 2 letters and 1 text message".
    static func list(_ words: [String]) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }

    /// A delivery receipt: Notify's id and the message's status. An id yswd did not send, and a
    /// status it already had, are accepted and ignored, so Notify does not send them again.
    private func receipt(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 64 << 10)
        guard let json = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any],
            let id = json["id"] as? String, let statusText = json["status"] as? String
        else {
            return Response(
                status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "expected a JSON receipt\n")))
        }
        if let status = MessageStatus(notify: statusText) {
            try await store.acting(as: "GOV.UK Notify").recordReceipt(notifyId: id, status: status, at: Date())
        }
        return Response(status: .noContent)
    }
}
