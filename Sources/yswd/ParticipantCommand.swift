import ArgumentParser
import FeedbackLoop
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct ParticipantCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "participant",
            abstract: "Record participants, their consents and their private contact details.",
            discussion: "Contact details are private: they never appear in listings or published updates.",
            subcommands: [Add.self, Update.self, List.self, Erase.self])
    }
}

/// The private contact options of `participant add` and `participant update`.
struct ContactOptions: ParsableArguments {
    @Option(
        help: "Their name, printed above their address on letters (private, erased with their contact details).")
    var name: String?
    @Option(
        help: ArgumentHelp(
            "How letters greet them, such as \"Mrs Khan\" for \"Dear Mrs Khan,\" (private). Without one, a name "
                + "that starts with a title gives the title and family name, any other name \"Dear NAME,\"."))
    var salutation: String?
    @Option(help: "Email address (private).")
    var email: String?
    @Option(help: "Phone number (private).")
    var phone: String?
    @Option(help: "Postal address (private): at most 6 lines, split at line breaks or commas.")
    var address: String?
    @Option(help: "The format they prefer for a personal follow-up.")
    var prefers: PreferredFormat?
    @Option(
        help: ArgumentHelp(
            "The language they hear back in, as a BCP 47 tag such as cy (Welsh) or ur (Urdu); one of the team's "
                + "languages (yswd config set languages).", valueName: "TAG"))
    var language: String?

    /// The options' values, checked: a bad one fails before the database is opened.
    struct Values {
        var name: String?
        var salutation: String?
        var email: String?
        var phone: String?
        var address: String?
        var prefers: PreferredFormat?
        var language: LanguageTag?

        /// Applies the options that were given.
        func apply(to contact: inout ParticipantContact) {
            if let name { contact.name = name }
            if let salutation { contact.salutation = salutation }
            if let email { contact.email = email }
            if let phone { contact.phone = phone }
            if let address { contact.address = address }
            if let prefers { contact.prefers = prefers }
            if let language { contact.language = language.code }
        }
    }

    func values() throws -> Values {
        Values(
            name: try Parse.text(name, field: .entry("name")),
            salutation: try Parse.text(salutation, field: .entry("salutation")),
            email: try email.map { try EntryRules.email($0, field: .entry("email")) },
            phone: try phone.map { try EntryRules.phone($0, field: .entry("phone")) },
            address: try Parse.text(address, field: .entry("address")).map {
                try PostalAddress.checked($0, field: .entry("address"))
            },
            prefers: prefers, language: try language.map { try LanguageTag(parsing: $0) })
    }
}

extension Yswd.ParticipantCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a participant under a pseudonymous ref.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd participant add P-0042 --email jo@example.org --prefers email \\
                    --wants-feedback --may-quote
                """))

        @Argument(help: "A pseudonymous reference, unique in the record (never a name).")
        var ref: String
        @OptionGroup var contact: ContactOptions
        @Flag(help: "They asked to hear back about the outcome.")
        var wantsFeedback = false
        @Flag(help: "They agreed to be quoted in published updates.")
        var mayQuote = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var details = ParticipantContact(participantId: 0)
            try contact.values().apply(to: &details)
            let participant = Participant(
                ref: try requireText(ref, field: .argument("REF")), wantsFeedback: wantsFeedback, mayQuote: mayQuote)
            let store = try await self.store.open()
            if let language = details.languageTag { try await store.settings().checkLanguage(language) }
            try await store.addParticipant(participant, contact: details)
            print("Added participant \(participant.ref).")
            if let address = details.address {
                // Shown for checking: the lines a letter is addressed with.
                print(
                    "Letters go to: "
                        + NotifyAddress.lines(name: details.name, address: address).joined(separator: " / ") + ".")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a participant's consents or contact details; --clear FIELD removes one.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd participant update P-0042 --prefers letter \\
                    --address "1 High St, Coventry CV1 1AA" --clear email
                Fields --clear accepts: \(ContactField.allCases.map(\.rawValue).joined(separator: ", ")).
                """))

        @Argument(help: "The participant's ref.")
        var ref: String
        @OptionGroup var contact: ContactOptions
        @Flag(inversion: .prefixedNo, help: "Whether they asked to hear back about the outcome.")
        var wantsFeedback: Bool?
        @Flag(inversion: .prefixedNo, help: "Whether they agreed to be quoted.")
        var mayQuote: Bool?
        @Option(help: "A contact field to remove; repeat for several.")
        var clear: [ContactField] = []
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let fields = clear
            let values = try contact.values()
            let store = try await self.store.open()
            if let language = values.language { try await store.settings().checkLanguage(language) }
            try await store.updateParticipant(ref: ref) { participant, details in
                for field in fields { field.clear(in: &details) }
                values.apply(to: &details)
                if let wantsFeedback { participant.wantsFeedback = wantsFeedback }
                if let mayQuote { participant.mayQuote = mayQuote }
            }
            print("Updated participant \(ref).")
            if let address = values.address {
                print(
                    "The address, as letters show it: "
                        + NotifyAddress.lines(name: nil, address: address).joined(separator: " / ") + ".")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List participants: consents, preferred format and which contact details are on file.",
            discussion: HelpText.reflowed(
                """
                Example:
                  yswd participant list --wants-feedback
                """))

        @Flag(help: "Only those who asked to hear back.")
        var wantsFeedback = false
        @OptionGroup var listing: ListingOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let participants = try await store.open().participants(wantsFeedback: wantsFeedback)
            Listing.print(participants, as: listing.format, empty: "No participants recorded.")
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a participant's contact details everywhere, history included.",
            discussion: HelpText.reflowed(
                """
                With --contributions, the text of what they said is erased too; their theme links and counts stay.
                This cannot be undone (backups taken earlier still hold the details).

                If another program is reading the database, the erasure waits up to \(Int(StorePolicy.erasureTimeout)) \
                seconds for it; if it is
                still reading, the record is erased but a copy may remain in the database files, and yswd exits with
                status 3. Run the same command with --finish when nothing else is using the database.

                Examples:
                  yswd participant erase P-0042 --contributions
                  yswd participant erase P-0042 --finish
                """))

        @Argument(help: "The participant's ref.")
        var ref: String
        @Flag(help: "Also erase the text of their contributions, and their quotes in published updates.")
        var contributions = false
        @Flag(help: "Finish an erasure that ended with exit status 3: remove the last copies from the database files.")
        var finish = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if finish, contributions { throw ValidationError("--finish cannot be given with --contributions.") }
        }

        func run() async throws {
            let store = try await store.open()
            if finish {
                do {
                    let finished = try await store.finishErasure(ref: ref)
                    print(
                        finished
                            ? "Finished erasing participant \(ref): no copy of the erased details is left in the database files."
                            : "Participant \(ref) is already fully erased; nothing was left to finish.")
                } catch let incomplete as ErasureIncomplete {
                    warn(incomplete.description)
                    throw ExitCode(3)
                }
                return
            }
            do {
                await report(try store.eraseParticipant(ref: ref, contributions: contributions))
            } catch let incomplete as ErasureIncomplete {
                if let done = incomplete.report { report(done) }
                warn(incomplete.description)
                throw ExitCode(3)
            }
        }

        private func report(_ report: ErasureReport) {
            var parts = [report.contactRemoved ? "removed their contact details" : "no contact details were on file"]
            if contributions {
                parts.append("erased the text of \(counted(report.contributionsRedacted, "contribution"))")
            }
            if report.updatesRedacted > 0 {
                parts.append("removed their quotes from \(counted(report.updatesRedacted, "published update"))")
            }
            parts.append(
                "redacted \(counted(report.historyEntriesRedacted, "history entry", plural: "history entries"))"
            )
            print("Erased participant \(ref): \(parts.joined(separator: "; ")).")
        }

        private func warn(_ message: String) {
            FileHandle.standardError.write(Data("error: done in part: \(message)\n".utf8))
        }
    }
}

extension ParticipantSummary: ListingRow {
    static let headers = ["ref", "wantsFeedback", "mayQuote", "prefers", "contactOnFile", "contributions", "erased"]
    var cells: [String] {
        [
            ref, wantsFeedback ? "yes" : "no", mayQuote ? "yes" : "no", prefers?.rawValue ?? "",
            contactOnFile.joined(separator: " "), String(contributions), erased ? "yes" : "no",
        ]
    }
}
