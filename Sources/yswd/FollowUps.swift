import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

extension Yswd {
    struct FollowUps: AsyncParsableCommand {
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
        @Option(
            help: ArgumentHelp(
                "files (one per person, and mailing.csv), or notify-csv: for each channel, the spreadsheet GOV.UK"
                    + " Notify's upload page takes (email.csv, text-messages.csv, letters.csv).",
                valueName: "format"))
        var format: FollowUpFiles = .files
        @Flag(
            help: ArgumentHelp(
                "Write follow-ups in each person's language even while some texts have no current translation,"
                    + " showing them in the source language, marked as such."))
        var allowUntranslated = false

        func validate() throws {
            if !sentTo.isEmpty, !markSent {
                throw ValidationError(
                    "participant refs after the activity name whose follow-ups were sent; add --mark-sent")
            }
        }

        func run() async throws {
            let date = try Parse.date(asOf, field: .entry("as-of"))
            try OutputPaths.checkFolder(out)
            let templates = try template.load(required: FollowUpRenderer.requiredTemplates)
            let store = try await self.store.open()
            let batch = try await FollowUpBatch.prepare(
                store: store, ref: activity, templates: templates, asOf: date, allowing: allowed,
                allowUntranslated: allowUntranslated)
            let followUps = batch.followUps
            let recipients = batch.recipients
            for ref in sentTo where !followUps.contains(where: { $0.recipient.ref == ref }) {
                if recipients.contains(where: { $0.ref == ref }) {
                    throw CommandError(
                        "participant '\(ref)' cannot be sent a follow-up: they have no contact details for their "
                            + "format; add them with `yswd participant update \(ref)`, then run this again")
                }
                throw StoreError.unknownRecipient(activity: activity, ref: ref)
            }

            try OutputPaths.makeFolder(out, privateOnly: true)
            let folder = URL(fileURLWithPath: out)
            if format == .notifyCSV {
                try await writeSheets(batch, store: store, folder: folder)
                return
            }
            for followUp in followUps {
                try OutputPaths.write(
                    followUp.bytes, to: folder.appending(path: followUp.fileName).path, privateOnly: true)
            }
            try OutputPaths.write(
                Data(batch.mailingList.utf8), to: folder.appending(path: "mailing.csv").path, privateOnly: true)
            try await store.recordWaivers(ref: activity, batch.waivers)

            let unreachable = batch.unreachable
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
                let marked = try await batch.markSent(in: store, refs: sentTo)
                print("Recorded \(counted(marked, "follow-up")) as sent.")
            }
        }

        /// Notify's upload spreadsheets, for a team that sends through Notify's own pages.
        private func writeSheets(_ batch: FollowUpBatch, store: any RecordStore, folder: URL) async throws {
            let sending = try NotifySending.plan(
                batch, settings: try await store.settings(), refs: sentTo, needsTemplates: false)
            for skipped in sending.unsendable { note("left out: \(skipped.ref): \(skipped.why)") }
            let names: [SendingChannel: String] = [
                .email: "email.csv", .text: "text-messages.csv", .letter: "letters.csv",
            ]
            let sheets = sending.uploadSheets
            for sheet in sheets {
                try OutputPaths.write(
                    Data(sheet.csv.utf8), to: folder.appending(path: names[sheet.channel] ?? "").path,
                    privateOnly: true)
            }
            try await store.recordWaivers(ref: activity, batch.waivers)
            let written = sheets.map { names[$0.channel] ?? "" }.joined(separator: ", ")
            print(
                "Wrote \(written.isEmpty ? "nothing" : written) for Notify's upload page to \(out) (private: readable by"
                    + " you only): \(counted(sending.planned.count, "follow-up"))."
                    + (sending.byHand.isEmpty
                        ? ""
                        : " \(counted(sending.byHand.count, "follow-up")) go by large print, easy read or phone:"
                            + " write them with --format files."))
            if markSent {
                let marked = try await batch.markSent(in: store, refs: sending.planned.map(\.ref))
                print("Recorded \(counted(marked, "follow-up")) as sent.")
            }
        }

        private static func needed(_ format: PreferredFormat?) -> String {
            switch format {
            case .email?: "email address"
            case .letter?, .largePrint?: "postal address"
            case .easyRead?: "postal or email address"
            case .phone?: "phone number"
            case .text?: "mobile phone number"
            case .none?, nil: "contact details"
            }
        }
    }
}

/// What `yswd followups` writes.
enum FollowUpFiles: String, ExpressibleByArgument, CaseIterable {
    case files
    case notifyCSV = "notify-csv"
}
