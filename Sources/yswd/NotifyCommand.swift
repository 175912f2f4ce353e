import ArgumentParser
import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation

extension SendingChannel: ExpressibleByArgument {}

extension Yswd {
    struct NotifyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify",
            abstract: "Send follow-ups through GOV.UK Notify, and see who was told.",
            discussion: HelpText.reflowed(
                """
                Set up once: yswd config set notify-api-key --from-file - (paste the key, then Ctrl-D), the
                three template ids (notify-email-template, notify-sms-template, notify-letter-template; the README
                gives each template's text), then check them with yswd notify check.
                """),
            subcommands: [Check.self, Send.self, Status.self])
    }
}

extension Yswd.NotifyCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the Notify API key and the three templates by fetching them.",
            discussion: HelpText.reflowed(
                """
                Says in words what is wrong: no key, a key Notify refuses, this computer's clock, a template that
                is missing, of the wrong kind, or lacking a placeholder yswd fills. Exit status 2 when anything is.

                Example:
                  yswd notify check
                """))

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let setup = try await NotifySetup.load(from: try await store.open())
            let checks = try await setup.checkTemplates()
            print("The API key works (\(setup.client.keyShown)); Notify is at \(setup.client.baseURL).")
            for check in checks {
                if let problem = check.problem {
                    print("\(check.channel.spoken.capitalizedFirst): \(problem.description)")
                } else {
                    print("\(check.channel.spoken.capitalizedFirst): template \(check.id ?? "") is ready.")
                }
            }
            if checks.contains(where: { $0.problem != nil }) { throw ExitCode(2) }
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the follow-ups an activity owes by email, text message and letter, through Notify.",
            discussion: HelpText.reflowed(
                """
                Emails go to people who prefer email, text messages to those who prefer text, and Notify prints and
                posts letters (which cost money) to those who prefer a letter. Large print and easy read letters
                and phone calls stay with staff: `yswd followups` writes them, and --mark-sent records them.
                People who prefer no follow-up are never sent anything.

                Each follow-up is recorded before it is sent and claimed by one sender, so however many run at once
                (this command, the web app) nobody gets the same follow-up twice; after a crash, what may have
                gone is looked up in Notify first. Exit status 0 when every follow-up went, 3 when some did not
                (listed), 2 when nothing could be sent.

                Examples:
                  yswd notify send GP-ACCESS-2026 --dry-run
                  yswd notify send GP-ACCESS-2026
                  yswd notify send GP-ACCESS-2026 P-0042 --channel email
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Argument(help: ArgumentHelp("Only these participants' follow-ups.", valueName: "REF"))
        var refs: [String] = []
        @Option(help: "Only this channel: email, text or letter.")
        var channel: SendingChannel?
        @Flag(help: "Say how many would go by each channel, and send nothing.")
        var dryRun = false
        @Option(name: .customLong("allow"), help: "Send despite this privacy finding, after checking it (repeat).")
        var allowed: [String] = []

        func run() async throws {
            let store = try await self.store.open()
            // The key first: without one nothing can be sent, and nothing is read for nothing.
            let setup = try await NotifySetup.load(from: store)
            // What an interrupted send may have sent is looked up before anyone is judged owed.
            let recovered = try await NotifySending.recover(
                store: store, client: setup.client, ref: activity, today: try await store.settings().today())
            if recovered.recovered + recovered.resent + recovered.unknown > 0 {
                note(
                    "an earlier send stopped part-way: \(recovered.recovered) found in Notify, \(recovered.resent) to send"
                        + " again, \(recovered.unknown) not found (marked unknown: check in Notify)")
            }
            let batch = try await FollowUpBatch.prepare(store: store, ref: activity, allowing: allowed)
            for ref in refs where !batch.recipients.contains(where: { $0.ref == ref }) {
                throw StoreError.unknownRecipient(activity: activity, ref: ref)
            }
            let sending = try NotifySending.plan(batch, settings: setup.settings, refs: refs, channel: channel)
            for skipped in sending.unsendable { note("not sent: \(skipped.ref): \(skipped.why)") }
            for recipient in batch.unreachable where refs.isEmpty || refs.contains(recipient.ref) {
                if let failed = recipient.failedChannel {
                    note(
                        "not sent: \(recipient.ref): their last \(failed.spoken) could not be delivered; check their"
                            + " details (yswd participant update \(recipient.ref))")
                } else {
                    note("not sent: \(recipient.ref): no contact details for their format")
                }
            }
            guard !sending.planned.isEmpty else {
                throw CommandError(
                    batch.followUps.isEmpty
                        ? "\(activity) owes nobody a follow-up that can be sent; see `yswd followups \(activity)`"
                        : channel.map { "nobody owed a follow-up by \(activity) prefers \($0.spoken)s" }
                            ?? "none of the follow-ups \(activity) owes go by email, text message or letter;"
                            + " staff deliver them: see `yswd followups \(activity)`")
            }
            let counts = sending.counts
            let summary = SendingChannel.allCases.compactMap { channel in
                counts[channel].map { counted($0, channel == .text ? "text message" : channel.rawValue) }
            }.joined(separator: ", ")
            if dryRun {
                print("Would send \(summary) through GOV.UK Notify (letters cost money). Nothing was sent.")
                return
            }
            if !sending.byHand.isEmpty {
                note(
                    "\(counted(sending.byHand.count, "follow-up")) go by large print, easy read or phone: staff"
                        + " deliver them (yswd followups \(activity) --out DIR)")
            }
            let limiter = RateLimiter(limit: setup.settings.notifyRateLimit)
            let report = try await sending.send(store: store, client: setup.client, limiter: limiter)
            print("Sent \(counted(report.sent.count, "follow-up")) through GOV.UK Notify (planned: \(summary)).")
            for refused in report.refused { print("Not sent: \(refused.ref): Notify refused it: \(refused.why)") }
            for ref in report.uncertain {
                print("Unsure: \(ref): no answer from Notify; it is looked up before anything is sent again")
            }
            if let stopped = report.stopped {
                note("stopped: \(stopped.description)")
                if report.leftQueued > 0 {
                    note("\(counted(report.leftQueued, "follow-up")) stay queued: run this again once it is put right")
                }
                throw ExitCode(report.sent.isEmpty ? 2 : 3)
            }
            // People with no usable contact were listed above: not a failure of the run.
            if !report.refused.isEmpty || !report.uncertain.isEmpty {
                throw ExitCode(report.sent.isEmpty ? 2 : 3)
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where each follow-up sent through Notify stands.",
            discussion: HelpText.reflowed(
                """
                --refresh asks Notify first for every message whose status can still change (and looks up any an
                interrupted send left unsure). Delivery receipts sent to yswd serve keep it up to date without.

                Examples:
                  yswd notify status GP-ACCESS-2026
                  yswd notify status GP-ACCESS-2026 --refresh --format json
                """))

        @OptionGroup var store: StoreOptions
        @OptionGroup var listing: ListingOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Flag(help: "Ask Notify for the latest status first.")
        var refresh = false

        func run() async throws {
            let store = try await self.store.open()
            if refresh {
                let setup = try await NotifySetup.load(from: store)
                let today = try await store.settings().today()
                _ = try await NotifySending.recover(store: store, client: setup.client, ref: activity, today: today)
                for id in try await store.openDeliveries(ref: activity) {
                    guard let found = try await setup.client.notification(id: id),
                        let status = MessageStatus(notify: found.status)
                    else { continue }
                    try await store.recordReceipt(notifyId: id, status: status, at: Date())
                }
            }
            let records = try await store.deliveries(ref: activity)
            Listing.print(
                records.map(DeliveryRow.init), as: listing.format, empty: "Nothing has been sent through Notify.")
        }
    }
}

struct DeliveryRow: ListingRow {
    var participant: String
    var channel: String
    var status: String
    var since: String
    var problem: String?
    static let headers = ["participant", "channel", "status", "since", "problem"]
    var cells: [String] { [participant, channel, status, since, problem ?? ""] }

    init(_ record: DeliveryRecord) {
        participant = record.ref
        channel = record.channel.rawValue
        status = record.status.rawValue
        since = record.statusAt.formatted(Date.ISO8601FormatStyle())
        problem = record.problem
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
