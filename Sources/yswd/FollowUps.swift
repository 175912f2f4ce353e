import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct FollowUps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "followups",
            abstract: "Write the personal follow-ups owed to participants who asked to hear back.",
            discussion: HelpText.reflowed(
                """
                For each participant owed a follow-up, writes one file in their preferred format: an email
                (subject and text), a letter to print on A4 for a DL window envelope, a large print letter, an
                easy read letter, or a phone call script. Each names only the themes their own views fed into,
                and the answer to each. Letters start "Dear NAME," (participant --name), carry the sender's
                address (yswd config set postal-address, required for letters), the date and a reference;
                emails link to the full update when the public web address is set (yswd config set public-url).
                mailing.csv lists every recipient's contact details for a mail merge.

                PRIVATE: the folder holds participants' contact details. It is created readable by you only
                (0700, files 0600). Do not publish it or share it; delete it once the follow-ups are sent.

                Participants who asked to hear back but have no contact details for their format are listed on
                stderr as unreachable. --mark-sent records the follow-ups as sent (all of them, or the participant
                refs named), which closes those participants' part of the loop until their themes' answers change.
                The same privacy guard as `yswd publish` checks the texts first (--allow ID to waive a finding).

                Examples:
                  yswd followups GP-ACCESS-2026 --out followups/
                  yswd followups GP-ACCESS-2026 --out followups/ --mark-sent
                  yswd followups GP-ACCESS-2026 --out followups/ --mark-sent P-0042 P-0107
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "The private folder to write the follow-ups into (created owner-only).")
        var out: String
        @OptionGroup var template: TemplateOptions
        @Flag(help: "Record the follow-ups as sent: all of them, or only those of the participant refs given after it.")
        var markSent = false
        @Argument(
            help: ArgumentHelp("With --mark-sent: the participants whose follow-ups were sent.", valueName: "REF"))
        var sentTo: [String] = []
        @Option(name: .customLong("allow"), help: "Write despite this privacy finding, after checking it (repeat).")
        var allowed: [String] = []
        @Option(help: "The date sent (YYYY-MM-DD; default: today in the team's time zone).")
        var asOf: String?

        func validate() throws {
            if !sentTo.isEmpty, !markSent {
                throw ValidationError(
                    "participant refs after the activity name whose follow-ups were sent; add --mark-sent")
            }
        }

        func run() throws {
            let date = try Parse.date(asOf, field: .entry("as-of"))
            try OutputPaths.checkFolder(out)
            let templates = try template.load(required: FollowUpRenderer.requiredTemplates)
            let store = try self.store.open()
            let today = try date ?? store.settings().today()
            var snapshot = try store.updateSnapshot(ref: activity, asOf: today, quotesPerTheme: 0)
            guard !snapshot.record.themes.isEmpty else { throw PublishError.noThemes(activity: activity) }
            guard snapshot.publicContact != nil else { throw PublishError.noPublicContact(activity: activity) }
            snapshot.privateTerms = try store.privateTerms(ref: activity, words: PrivacyGuard.words(in: snapshot))
            let waived = try PrivacyGuard.review(PrivacyGuard.scan(snapshot), allowing: allowed).map {
                PrivacyWaiver(id: $0.id, kind: $0.kind.rawValue, location: $0.location)
            }
            let recipients = try store.followUpRecipients(ref: activity)
            let latest = try store.updates(ref: activity).last
            let about = FollowUpRenderer.About(
                number: latest?.number,
                url: latest.flatMap { update in snapshot.publicURL.map { $0 + SiteBuilder.pagePath(update) } })
            var earlier: [Int: FollowUpRenderer.Earlier] = [:]
            for number in Set(recipients.compactMap(\.lastUpdate)) {
                let update = try store.update(ref: activity, number: number)
                earlier[number] = FollowUpRenderer.Earlier(
                    data: update.data, reasons: try store.changeReasons(activity: activity, since: update.recordedAt))
            }
            let followUps = FollowUpRenderer(templates: templates).render(
                snapshot, for: recipients, about: about, earlier: earlier)
            let letters = followUps.filter(\.recipient.goesByPost).count
            if letters > 0, snapshot.postalAddress == nil { throw PublishError.noPostalAddress(letters: letters) }
            var toMark = followUps
            if !sentTo.isEmpty {
                for ref in sentTo where !followUps.contains(where: { $0.recipient.ref == ref }) {
                    if recipients.contains(where: { $0.ref == ref }) {
                        throw CommandError(
                            "participant '\(ref)' cannot be sent a follow-up: they have no contact details for their "
                                + "format; add them with `yswd participant update \(ref)`, then run this again")
                    }
                    throw StoreError.unknownRecipient(activity: activity, ref: ref)
                }
                toMark = followUps.filter { sentTo.contains($0.recipient.ref) }
            }

            try OutputPaths.makeFolder(out, privateOnly: true)
            let folder = URL(fileURLWithPath: out)
            for followUp in followUps {
                try OutputPaths.write(
                    followUp.bytes, to: folder.appending(path: followUp.fileName).path, privateOnly: true)
            }
            try OutputPaths.write(
                Data(FollowUpRenderer.mailingList(followUps).utf8), to: folder.appending(path: "mailing.csv").path,
                privateOnly: true)
            try store.recordWaivers(ref: activity, waived)

            let unreachable = recipients.filter { $0.format == nil }
            for recipient in unreachable {
                note(
                    "unreachable: \(recipient.ref) prefers \(recipient.prefers?.rawValue ?? "no format") but has no "
                        + "\(Self.needed(recipient.prefers)) on file")
            }
            print(
                "Wrote \(counted(followUps.count, "follow-up")) and mailing.csv to \(out) (private: readable by you only)."
                    + (unreachable.isEmpty
                        ? "" : " \(counted(unreachable.count, "participant")) unreachable (listed on stderr)."))
            if markSent {
                try store.recordFollowUps(
                    ref: activity, toMark.map { ($0.recipient.participantId, $0.format) },
                    on: today)
                print("Recorded \(counted(toMark.count, "follow-up")) as sent.")
            }
        }

        private static func needed(_ format: PreferredFormat?) -> String {
            switch format {
            case .email?: "email address"
            case .letter?, .largePrint?: "postal address"
            case .easyRead?: "postal or email address"
            case .phone?: "phone number"
            case .none?, nil: "contact details"
            }
        }
    }
}
