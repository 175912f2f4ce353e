import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopPublish

@Suite struct PrivacyGuardTests {
    @Test(arguments: [
        ("Email me at jo.bloggs+nhs@example.co.uk please", PrivacyFinding.Kind.email, "jo.bloggs+nhs@example.co.uk"),
        ("My mobile is 07700 900123", .phone, "07700 900123"),
        ("Ring +44 7700 900123 after six", .phone, "+44 7700 900123"),
        ("Call 020 7946 0958", .phone, "020 7946 0958"),
        ("Office (0121) 496 0000", .phone, "(0121) 496 0000"),
        ("NHS number 943 476 5919", .nhsNumber, "943 476 5919"),
        ("NHS number 9434765919 on the letter", .nhsNumber, "9434765919"),
        ("I live at CV1 2AB", .postcode, "CV1 2AB"),
        ("postcode sw1a1aa", .postcode, "sw1a1aa"),
        ("EC1A 1BB is the office", .postcode, "EC1A 1BB"),
    ])
    func findsPrivateDetails(text: String, kind: PrivacyFinding.Kind, match: String) {
        let findings = PrivacyGuard.findings(in: text, at: "theme t, you said")
        #expect(findings.contains { $0.kind == kind && $0.match == match }, "\(findings)")
    }

    @Test(arguments: [
        "Reference 9434765918 failed the check",  // 10 digits failing modulus 11
        "Order 1234567890 arrived",  // fails modulus 11 and is no phone number
        "The CV1 area and B15 were mentioned",  // partial postcodes
        "We met 12 times in 2026 and 2027",
        "Open 8:30 to 18:00, 5 days a week",
        "It cost £1,234,567 over 10 years",
    ])
    func letsNearMissesThrough(text: String) {
        #expect(PrivacyGuard.findings(in: text, at: "x").isEmpty, "\(PrivacyGuard.findings(in: text, at: "x"))")
    }

    /// Every disguise the privacy campaign published, each a finding.
    @Test(arguments: [
        ("Write to josé@example.org", PrivacyFinding.Kind.email),
        ("Write to jo@exämple.org", .email),
        ("Write to jo(at)example.org", .email),
        ("Write to jo [at] example.org", .email),
        ("Write to jo at example.org", .email),
        ("Write to jo @ example.org", .email),
        ("Write to jo＠example.org", .email),
        ("Write to ｊｏ＠ｅｘａｍｐｌｅ．ｏｒｇ", .email),
        ("Write to jo\u{200B}@example.org", .email),
        ("Call ０７７００ ９００１２３", .phone),
        ("Call 07700.900.123", .phone),
        ("Call +44-7700-900123", .phone),
        ("Call (+44) 7700 900123", .phone),
        ("Call +44 (0) 7700 900123", .phone),
        ("Call 0044 7700 900123", .phone),
        ("Call 07700/900123", .phone),
        ("Call 07700\u{00A0}900123", .phone),
        ("Call 07700  900123 today", .phone),
        ("NHS 943.476.5919", .nhsNumber),
        ("NHS 943\u{00A0}476\u{00A0}5919", .nhsNumber),
        ("NHS 943  476  5919", .nhsNumber),
        ("NHS 9434 765 919", .nhsNumber),
        ("NHS 943-476-5919", .nhsNumber),
        ("NHS ９４３ ４７６ ５９１９", .nhsNumber),
        ("I live at CV1  2AB", .postcode),
        ("I live at CV1-2AB", .postcode),
        ("I live at CV1\u{00A0}2AB", .postcode),
    ])
    func findsDisguisedDetails(text: String, kind: PrivacyFinding.Kind) {
        let findings = PrivacyGuard.findings(in: text, at: "theme t, you said")
        #expect(findings.map(\.kind) == [kind], "\(text): \(findings)")
    }

    @Test(arguments: [
        "We met at the clinic.It was busy",  // 'at' before a capitalised word after a full stop
        "Find out more at nhs.uk or read about it at www.coventry.gov.uk",  // websites, not addresses
        "Details are online at healthwatchcoventry.co.uk",
        "Opened 15.09.2026 and closed 30/09/2026",  // dates
        "Version 10.2.1 of the form, 2026-2027 budget",
        "Rooms 101-105 and 2026/27",
        "Ward 12, bed 4, from 8.30 to 17.00",
        "Codes A1234567890 and 07700900123abc",  // digits glued to letters are codes
        "It costs £12,345,678 a year",
        "Call 111 or 999",
        "192.168.100.200",
    ])
    func letsDisguiseNearMissesThrough(text: String) {
        #expect(
            PrivacyGuard.findings(in: text, at: "x").isEmpty, "\(text): \(PrivacyGuard.findings(in: text, at: "x"))")
    }

    @Test func keysAndRefsAreScannedToo() {
        var snapshot = Sample.snapshot()
        snapshot.record.activity.ref = "CALL-07700900123"
        let findings = PrivacyGuard.scan(snapshot)
        #expect(findings.contains { $0.location == "activity ref" && $0.kind == .phone }, "\(findings)")
    }

    @Test func nhsNumberCheckDigit() {
        #expect(PrivacyGuard.isNHSNumber("943 476 5919"))
        #expect(PrivacyGuard.isNHSNumber("401 023 2137"))
        #expect(!PrivacyGuard.isNHSNumber("401 023 2138"))
        #expect(!PrivacyGuard.isNHSNumber("123 456 789"))
    }

    @Test func publicContactIsAllowed() {
        let snapshot = Sample.snapshot(
            explanation: "Write to engagement@example.nhs.uk or call 024 7655 0000",
            publicContact: "engagement@example.nhs.uk, 024 7655 0000")
        #expect(PrivacyGuard.scan(snapshot).isEmpty)
    }

    @Test func findingsNameWhereTheyAreAndKeepTheirIDs() throws {
        let snapshot = Sample.snapshot(said: "Phone me on 07700 900123", quote: "My NHS number is 943 476 5919")
        let findings = PrivacyGuard.scan(snapshot)
        #expect(findings.map(\.location) == ["theme phone-queue, you said", "quote from contribution 3"])
        #expect(findings.map(\.kind) == [.phone, .nhsNumber])
        #expect(PrivacyGuard.scan(snapshot).map(\.id) == findings.map(\.id), "the same ids on every run")
        #expect(Set(findings.map(\.id)).count == 2)
        #expect(findings.allSatisfy { $0.id.hasPrefix("PF-") && $0.id.count == 13 })

        #expect(throws: PublishError.privacyFindings(findings)) { try PrivacyGuard.review(findings, allowing: []) }
        #expect(throws: PublishError.privacyFindings([findings[1]])) {
            try PrivacyGuard.review(findings, allowing: [findings[0].id])
        }
        #expect(try PrivacyGuard.review(findings, allowing: findings.map(\.id)) == findings)
        #expect(throws: PublishError.unknownWaiver(id: "PF-0000000000", findings: findings)) {
            try PrivacyGuard.review(findings, allowing: findings.map(\.id) + ["PF-0000000000"])
        }
    }

    @Test func aFindingsMessageListsEach() {
        let findings = PrivacyGuard.findings(in: "jo@example.org lives at CV1 2AB", at: "quote from contribution 9")
        let message = PublishError.privacyFindings(findings).description
        #expect(message.contains("an email address in quote from contribution 9: jo@example.org"))
        #expect(message.contains("a full UK postcode in quote from contribution 9: CV1 2AB"))
        #expect(message.contains("--allow ID"))
    }
}

@Suite struct TemplateFolderTests {
    func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appending(path: "yswd-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appending(path: name), atomically: true, encoding: .utf8) }
        return url.path
    }

    @Test func anOrganisationsTemplateIsUsedAndEscapes() throws {
        let path = try folder(["update.md.mustache": "Branded: {{title}}\n"])
        let templates = try TemplateSet.folder(path, required: ["update.md"])
        let output = try UpdateRenderer(templates: templates).render(Sample.snapshot(title: "A [link](x)"), as: .md)
        #expect(
            output.text == "Branded: A \\[link\\]\\(x)\n",
            "no link: the brackets and the parenthesis after them are escaped")
    }

    @Test func aMissingTemplateIsNamed() throws {
        let path = try folder(["update.html.mustache": "<p>{{title}}</p>"])
        #expect(throws: PublishError.templateMissing(folder: path, file: "update.md.mustache")) {
            try TemplateSet.folder(path, required: ["update.md"])
        }
    }

    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() throws {
        let path = try folder(["update.html.mustache": "<h1>{{title}}</h1>\n<p>\n{{#themes}}{{said}}\n"])
        #expect {
            try TemplateSet.folder(path, required: ["update.html"])
        } throws: { error in
            guard case PublishError.templateInvalid(let file, let line, _, _) = error else { return false }
            return file.hasSuffix("update.html.mustache") && line == 4
        }
    }
}

@Suite struct PrivateTermTests {
    @Test func aParticipantsRefOrAddressIsAFinding() {
        var snapshot = Sample.snapshot(
            said: "P-0042 said the phones are busy", explanation: "We wrote to 4 Mill Lane, Coventry about it")
        snapshot.privateTerms = ["P-0042", "4 Mill Lane, Coventry", "P-4"]
        let findings = PrivacyGuard.scan(snapshot)
        #expect(findings.map(\.match) == ["4 Mill Lane, Coventry", "P-0042"], "in the order the texts appear")
        #expect(findings.allSatisfy { $0.kind == .participant })
        snapshot.privateTerms = ["P-004"]  // a ref inside another is not a match
        #expect(PrivacyGuard.scan(snapshot).isEmpty)
    }

    @Test func theWordsToLookUpHoldEveryRefAndFirstWord() {
        let snapshot = Sample.snapshot(said: "P-0042 said the phones are busy.", explanation: "We wrote to 4 Mill Lane")
        let words = PrivacyGuard.words(in: snapshot)
        for word in ["p-0042", "4", "mill", "phones", "gp-access-2026"] { #expect(words.contains(word), "\(word)") }
        #expect(!words.contains("busy."), "a full stop ends a sentence, not a ref")
    }
}

/// Names of people: a title or role before a capitalised word, and the names of staff recorded
/// against the activity. Same finding ids and --allow as every other finding.
@Suite struct NameTests {
    func names(inQuote quote: String, lead: String? = "Priya Shah (Practice Manager)") -> [String] {
        var snapshot = Sample.snapshot(quote: quote)
        snapshot.staffNames = lead.map { [$0] } ?? []
        return PrivacyGuard.scan(snapshot).filter { $0.kind == .name }.map(\.match)
    }

    @Test(arguments: [
        ("Nurse Sarah Jones ignored my son", "Nurse Sarah"), ("Dr Patel was kind", "Dr Patel"),
        ("I saw dr. Okafor twice", "dr. Okafor"), ("Mrs O'Neill on reception was rude", "Mrs O'Neill"),
        ("Matron Hughes sorted it", "Matron Hughes"),
    ])
    func aTitleBeforeANameIsAFinding(quote: String, match: String) {
        #expect(names(inQuote: quote) == [match])
    }

    @Test(arguments: [
        "Sarah said it was fine", "The nurse was kind", "The doctor could not see me", "Dr appointments are scarce",
        "I asked for a nurse. Nobody came",
    ])
    func aNameWithoutATitleOrAStaffNameIsNot(quote: String) {
        #expect(names(inQuote: quote).isEmpty, "\(quote)")
    }

    @Test func theLeadsNameInAQuoteIsAFinding() {
        #expect(names(inQuote: "Priya was lovely to us") == ["Priya"])
        #expect(names(inQuote: "Ask Shah's office") == ["Shah"])
        #expect(names(inQuote: "Priya was lovely to us", lead: nil).isEmpty)
        #expect(names(inQuote: "The board was helpful", lead: "Practice Board").isEmpty, "a group is not a person")
    }

    @Test func aNameFindingCanBeWaivedByItsId() throws {
        var snapshot = Sample.snapshot(quote: "Dr Patel was kind")
        snapshot.staffNames = []
        let findings = PrivacyGuard.scan(snapshot)
        let id = try #require(findings.first?.id)
        #expect(PrivacyGuard.scan(snapshot).first?.id == id, "stable")
        #expect(throws: Never.self) { try PrivacyGuard.review(findings, allowing: [id]) }
    }
}

/// Issue 19, finding 8: the guard finds each form of a participant's name and address it is given.
@Suite struct PersonFormTests {
    @Test func eachFormOfANameAndAddressIsAFinding() {
        var snapshot = Sample.snapshot(quote: "This is Amina Khan and I live at 12 Long Road")
        snapshot.privateTerms =
            PersonalDetails.nameForms("Mrs Amina Khan")
            + PersonalDetails.addressForms("12 Long Road, Coventry CV3 6AB")
        let matches = PrivacyGuard.scan(snapshot).filter { $0.kind == .participant }.map(\.match)
        #expect(matches.contains("Amina Khan") && matches.contains("12 Long Road"), "\(matches)")
    }

    @Test(arguments: ["Amir Hassan helped us", "Dr Hassan helped us", "Hassan helped us", "Amir helped us"])
    func aStaffNameRecordedWithItsTitleIsFoundInEachForm(quote: String) {
        var snapshot = Sample.snapshot(quote: quote)
        snapshot.staffNames = ["Dr Amir Hassan"]
        let found = PrivacyGuard.scan(snapshot).filter { $0.kind == .name }.map(\.match)
        #expect(!found.isEmpty, "\(quote)")
    }
}
