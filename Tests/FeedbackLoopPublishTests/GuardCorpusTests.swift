import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopPublish

/// Issue 21: a held-out corpus of disguised details, each of which must be found, and of innocent
/// texts, none of which may be. New cases are added here whenever one is found.
@Suite struct GuardCorpusTests {
    /// Details found by their shape alone.
    static let disguised: [(String, PrivacyFinding.Kind)] = [
        // Phone numbers: every separator, every script, spelled out, O for zero.
        ("Call 07700–900–123", .phone), ("Call 07700—900—123", .phone), ("Call 07700_900_123", .phone),
        ("Call 07700:900:123", .phone), ("Call 07700,900,123", .phone), ("Call 07700|900|123", .phone),
        ("Call 07700 − 900 − 123", .phone), ("Call 07700 ‐ 900 ‐ 123", .phone), ("Call 07700‒900‒123", .phone),
        ("Call ٠٧٧٠٠ ٩٠٠١٢٣", .phone), ("Call ०७७०० ९००१२३", .phone), ("Call ۰۷۷۰۰ ۹۰۰۱۲۳", .phone),
        ("Call ০৭৭০০ ৯০০১২৩", .phone), ("Call ૦૭૭૦૦ ૯૦૦૧૨૩", .phone), ("Call 07700 ٩٠٠١٢٣", .phone),
        ("Call oh seven seven double oh nine double oh one two three", .phone),
        ("Call zero seven seven zero zero nine zero zero one two three", .phone),
        ("Call Oh-seven-seven-double-oh, nine-double-oh, one-two-three", .phone),
        ("Call OH SEVEN SEVEN DOUBLE OH NINE DOUBLE OH ONE TWO THREE", .phone),
        ("Call oh one two one, four nine six, triple oh oh", .phone),
        ("Call 0 seven 7 0 0 nine 0 0 1 2 3", .phone), ("Call nought seven seven double nought 900123", .phone),
        ("Call O77OO 9OO123", .phone), ("Call o7700 900123", .phone), ("Call 07700 9OO 123", .phone),
        ("Call 0 7 7 0 0 9 0 0 1 2 3", .phone), ("Call 0 7 7 0 0 – 9 0 0 – 1 2 3", .phone),
        ("Call 07700&#8211;900&#8211;123", .phone), ("Call 07700&ndash;900&ndash;123", .phone),
        ("Call 07700%20900%20123", .phone), ("Call 07700%2D900%2D123", .phone), ("Call +44 (0)7700-900-123", .phone),
        ("Call +44–7700–900123", .phone), ("Call (020) 7946–0958", .phone), ("Call 020_7946_0958", .phone),
        ("Call 0121:496:0000", .phone), ("Call 0121 | 496 | 0000", .phone), ("Call 0121,496,0000", .phone),
        ("Call ０７７００－９００１２３", .phone), ("Call 07700\u{2009}900123", .phone), ("Call 07700\u{202F}900123", .phone),
        ("Call 077 00 90 01 23", .phone), ("Call 0770 090 0123", .phone), ("Call 07700\u{202E}900123", .phone),
        ("Call 07700\u{2066}900123\u{2069}", .phone), ("tel:07700900123", .phone), ("Ring 07700-900-123.", .phone),
        ("Phone: 07700 900 123 (mobile)", .phone), ("Call +４４ ７７００ ９００１２３", .phone),
        ("Call 07700&#x2013;900&#x2013;123", .phone), ("Call 07700&#160;900123", .phone),
        ("Call 07700&nbsp;900&nbsp;123", .phone), ("Call 0⁠7700 900123", .phone),
        ("Call 0044 (0) 7700 900123", .phone), ("Call 07700/900/123", .phone), ("Call 07700 _ 900 _ 123", .phone),
        ("Call 020 7946 0958 ext 12", .phone), ("Call O2O 7946 O958", .phone), ("Call 0 2 0 7 9 4 6 0 9 5 8", .phone),
        ("Call oh two oh, seven nine four six, oh nine five eight", .phone),
        // NHS numbers: the same disguises, confirmed by their check digit.
        ("NHS 943–476–5919", .nhsNumber), ("NHS 943—476—5919", .nhsNumber), ("NHS 943_476_5919", .nhsNumber),
        ("NHS 943:476:5919", .nhsNumber), ("NHS 943,476,5919", .nhsNumber), ("NHS 943|476|5919", .nhsNumber),
        ("NHS ٩٤٣ ٤٧٦ ٥٩١٩", .nhsNumber), ("NHS ९४३ ४७६ ५९१९", .nhsNumber), ("NHS ۹۴۳ ۴۷۶ ۵۹۱۹", .nhsNumber),
        ("NHS nine four three four seven six five nine one nine", .nhsNumber),
        ("NHS 9 4 3 4 7 6 5 9 1 9", .nhsNumber), ("NHS 943&#32;476&#32;5919", .nhsNumber),
        ("NHS 943%2D476%2D5919", .nhsNumber), ("NHS no: 943-476-5919", .nhsNumber), ("nhs#9434765919", .nhsNumber),
        ("NHS 94 34 76 59 19", .nhsNumber), ("NHS 9434-765-919", .nhsNumber), ("NHS 943 476 5919.", .nhsNumber),
        ("NHS 678 698 1984", .nhsNumber), ("NHS 634–648–4850", .nhsNumber), ("NHS 716_073_3134", .nhsNumber),
        ("NHS 552 190 1531", .nhsNumber), ("NHS nine four three, four seven six, five nine one nine", .nhsNumber),
        ("NHS 9434 765 919 on file", .nhsNumber), ("NHS ９４３－４７６－５９１９", .nhsNumber),
        ("NHS 943\u{200B}476\u{200B}5919", .nhsNumber), ("NHS 943 ٤٧٦ 5919", .nhsNumber),
        ("NHS 943 four seven six 5919", .nhsNumber), ("NHS 943&#x2D;476&#x2D;5919", .nhsNumber),
        // Email addresses: spelled out, encoded, bracketed.
        ("Write to jo [at] example [dot] org", .email), ("Write to jo dot bloggs at example dot org", .email),
        ("Write to jo&#64;example.org", .email), ("Write to jo%40example.org", .email),
        ("Write to jo(at)example(dot)org", .email), ("Write to jo {at} example {dot} org", .email),
        ("Write to jo <at> example <dot> org", .email), ("Write to jo AT example DOT org", .email),
        ("Write to jo at example dot co dot uk", .email), ("Write to jo.bloggs [at] nhs [dot] net", .email),
        ("Write to jo&commat;example&period;org", .email), ("Write to jo&#x40;example.org", .email),
        ("Write to jo%40example%2Eorg", .email), ("Write to jo @ example . org", .email),
        ("Write to jo\u{200B}@\u{200B}example.org", .email), ("Write to j.o.bloggs@example.org", .email),
        ("Write to JO@EXAMPLE.ORG", .email), ("Write to jo (at) example (dot) org", .email),
        ("Write to jo[at]example[dot]org", .email), ("Write to jo ＡＴ example ＤＯＴ org", .email),
        ("Write to jo%2Ebloggs%40example%2Eorg", .email), ("mailto:jo@example.org", .email),
        ("See https://forms.example/?e=jo%40example.org", .email), ("Write to jo dot bloggs at gmail dot com", .email),
        ("Write to jo.bloggs at nhs dot net", .email), ("Write to jo@ex\u{00AD}ample.org", .email),
        ("Write to jo@example．org", .email), ("Write to zoë@example.org", .email),
        ("Write to jo_bloggs [AT] example [DOT] org", .email), ("Write to jo &#64; example &#46; org", .email),
        ("Write to jo＠example.org", .email), ("Write to jo (at) example.org", .email),
        // Postcodes: marks between the halves, or between every character.
        ("I live at CV1.2AB", .postcode), ("I live at CV1/2AB", .postcode), ("I live at C V 1 2 A B", .postcode),
        ("I live at CV1_2AB", .postcode), ("I live at CV1–2AB", .postcode), ("I live at CV1:2AB", .postcode),
        ("I live at CV1|2AB", .postcode), ("I live at CV1 - 2AB", .postcode), ("I live at cv1.2ab", .postcode),
        ("I live at C.V.1 2.A.B", .postcode), ("I live at Ｃ Ｖ １ ２ Ａ Ｂ", .postcode), ("I live at SW1A.1AA", .postcode),
        ("I live at EC1A/1BB", .postcode), ("I live at B15–2TT", .postcode), ("I live at M1-1AE", .postcode),
        ("I live at CV1&#32;2AB", .postcode), ("I live at CV1%202AB", .postcode), ("I live at c v 1 2 a b", .postcode),
        ("I live at CV1\u{00A0}\u{00A0}2AB", .postcode), ("I live at S-W-1-A-1-A-A", .postcode),
        ("I live at ＣＶ１ ２ＡＢ", .postcode), ("I live at CV1\u{200B}2AB", .postcode),
    ]

    /// Texts with nothing private in them.
    static let innocent: [String] = [
        "ISBN 978-0-12-345678-9", "ISBN 978 0 12 345678 9", "ISBN-13: 978-0-12-345678-6", "ISBN 0-306-40615-2",
        "The guide is 9780123456786 in the catalogue", "ISSN 0317-8471", "DOI 10.1000/182",
        "Charity number 1234567", "Registered charity 1090243", "Company number 04123456",
        "Open 07:00, 13:30, 18:00", "Open 8:30 to 18:00", "Ward 12, bed 4", "It cost £1,234,567",
        "The 2026-2027 budget", "Opened 15.09.2026", "Closed 30/09/2026", "Version 10.2.1", "Rooms 101–105",
        "Wait 1–2 weeks", "Scores of 3, 4 and 5", "One or two visits", "I waited seven or eight weeks",
        "Twenty-one days", "We met at the clinic. It was busy", "Find out more at nhs.uk",
        "Details are online at www.coventry.gov.uk", "Call 111 or 999", "We had 2,000 responses from 1,500 people",
        "In 2024, 2025 and 2026", "COVID-19 changed things", "Ward A1, 2nd floor", "Ward A12 and B15",
        "Room 2B, level 1, block 2", "The 0800 line", "Pharmacy opens 9am-5pm", "The O2 signal is bad",
        "Oh, it was fine", "One, two, three: we heard three things", "Zero waiting lists",
        "Double the staff", "Triple check the letters", "The CV1 area and B15 were mentioned", "Bus 11 or 12",
        "The 10.15 train", "Server 192.168.100.200", "A ratio of 1:2:3", "50% of people agreed",
        "Tom &amp; Jerry", "We looked at it dot by dot", "Write to the team at the address below",
        "Follow @nhsengland on social media", "Meet at 10.30 at St Mary's", "Appointments at 08:00 and 08:30",
        "Opening times 08:00-18:30", "Page 12 of 40", "Figures for 2023/24: 1,234; 2024/25: 1,456",
        "The 7.30, 8.15 and 9.00 clinics", "The M1 motorway", "One in four people, two in five carers",
        "We heard from 1 2 3 people", "The Zelda game", "Sam said it was fine", "Patel Pharmacy",
        "Khan Road surgery", "Hidden Lane surgery", "17 people on Hidden Lane", "Questions 1, 2, 3, 4, 5 and 6",
        "The 0300 123 number is a helpline prefix", "Times 09:00, 10:30, 12:00, 14:00",
    ]

    @Test(arguments: disguised)
    func aDisguisedDetailIsFound(text: String, kind: PrivacyFinding.Kind) {
        let findings = PrivacyGuard.findings(in: text, at: "theme t, you said")
        #expect(findings.map(\.kind) == [kind], "\(text): \(findings)")
    }

    @Test(arguments: innocent)
    func anInnocentTextIsNotAFinding(text: String) {
        let findings = PrivacyGuard.findings(in: text, at: "theme t, you said")
        #expect(findings.isEmpty, "\(text): \(findings)")
    }

    /// Generated texts made of the pieces disguises are built from: none crashes the guard, and
    /// every finding quotes a part of the text as it was written.
    @Test func anyTextIsReadAndEveryFindingQuotesIt() {
        let pieces = [
            "&#", "&#x", ";", "&", "%", "%4", "%40", "0", "7", "9", "oh", " ", "  ", "double", "triple", "O", "o", "@",
            "[at]", " dot ", "(", ")", "\u{202E}", "\u{200B}", "٣", "०", "–", "&amp;", "&#64;", "CV1", "2AB", "é",
            "e\u{0301}",
            "👍🏽", "\n", "-", "_", ":", ",", "|", ".", "/", "jo", "example", "org", "Dr", "Quinn", "\"", "＠", "０",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<(1 + next(40))).map { _ in pieces[next(pieces.count)] }.joined()
            for finding in PrivacyGuard.findings(in: text, at: "x") {
                #expect(!finding.match.isEmpty && text.contains(finding.match), "\(text.debugDescription): \(finding)")
            }
        }
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.disguised.count + PeopleCorpusTests.disguised.count >= 150)
        #expect(Self.innocent.count + PeopleCorpusTests.innocent.count >= 50)
    }

    /// A finding quotes the text as it was written, not as the guard read it.
    @Test(arguments: [
        (
            "Call oh seven seven double oh nine double oh one two three now",
            "oh seven seven double oh nine double oh one two three"
        ),
        ("Write to jo [at] example [dot] org today", "jo [at] example [dot] org"),
        ("Write to jo&#64;example.org today", "jo&#64;example.org"), ("NHS ٩٤٣ ٤٧٦ ٥٩١٩ here", "٩٤٣ ٤٧٦ ٥٩١٩"),
        ("I live at C V 1 2 A B now", "C V 1 2 A B"), ("Call 07700–900–123.", "07700–900–123"),
        ("Call O77OO 9OO123", "O77OO 9OO123"),
    ])
    func aFindingQuotesTheOriginal(text: String, match: String) {
        #expect(PrivacyGuard.findings(in: text, at: "x").map(\.match) == [match])
    }
}

/// Names and addresses as recorded, in every form they are written in.
@Suite struct PeopleCorpusTests {
    /// What is on record: participants' names and addresses, and staff names.
    static let participants = [
        ("Zelda Quinn", "17 Hidden Lane, Coventry CV3 6AB"), ("Sam Patel", nil),
        ("Mrs Amina Khan", "Flat 2\n4 Orchard Close\nRugby"), ("Zoë O'Neill", nil),
    ]
    static let staff = ["Dr Amir Hassan", "Priya Shah (Practice Manager)"]

    static let disguised: [String] = [
        "\"Zelda\" told us", "“Zelda” told us", "'Zelda' told us", "‘Zelda’ told us", "Quinn, Zelda told us",
        "Z. Quinn told us", "Z Quinn told us", "Zelda Q. told us", "ZELDA QUINN told us", "zelda quinn told us",
        "Zelda  Quinn told us", "Zel\u{200B}da Quinn told us", "Ｚｅｌｄａ Ｑｕｉｎｎ told us", "Zelda Quinn's son",
        "QUINN, ZELDA", "SAM PATEL rang", "sam patel rang", "Patel, Sam rang", "S. Patel rang", "Sam P. rang",
        "Amina Khan wrote", "AMINA KHAN wrote", "Khan, Amina wrote", "A. Khan wrote", "Mrs Khan wrote",
        "Zoe O'Neill came", "Zoë O’Neill came", "ZOË O'NEILL came", "Z. O'Neill came", "\"Zoë\" came",
        "Amir Hassan helped", "HASSAN, Amir helped", "A. Hassan helped", "Priya Shah helped", "P. Shah helped",
        "Shah, Priya helped", "She lives at 17 Hidden Lane", "17 HIDDEN LANE", "17  hidden  lane", "4 Orchard Close",
        "4 orchard close", "The letter went to 4 Orchard Close, Rugby", "Zelda Quinn", "Amina Khan's daughter",
        "&quot;Zelda&quot; told us", "Zelda%20Quinn told us",
    ]

    static let innocent: [String] = [
        "Zelda said it was fine", "The Zelda game", "Quinn Street car park", "Sam said it was fine",
        "Patel Pharmacy", "Khan Road surgery", "Hidden Lane surgery", "17 people on Hidden Lane", "Orchard Close park",
        "The Hassan Centre", "A Shah came to see us", "Zoe and others", "Quinn's Bakery",
    ]

    func scan(_ text: String) -> [PrivacyFinding] {
        var snapshot = Sample.snapshot(quote: text, publicContact: nil)
        snapshot.staffNames = []
        snapshot.privateTerms = Self.participants.flatMap { name, address in
            PersonalDetails.nameForms(name) + (address.map(PersonalDetails.addressForms) ?? [])
        }
        snapshot.allStaffNames = Self.staff
        return PrivacyGuard.scan(snapshot).filter { $0.location.hasPrefix("quote") }
    }

    @Test(arguments: disguised)
    func aRecordedNameOrAddressIsFound(text: String) {
        #expect(!scan(text).isEmpty, "\(text)")
    }

    @Test(arguments: innocent)
    func aTextThatNamesNoOneOnRecordIsNot(text: String) {
        #expect(scan(text).isEmpty, "\(text): \(scan(text))")
    }

    /// Each recorded name and address is looked up by words a text holds: every form has one.
    @Test func everyFormHoldsALookupKey() {
        for (name, address) in Self.participants {
            let keys = Set(PersonalDetails.lookupKeys(name: name, address: address))
            for form in PersonalDetails.nameForms(name) + (address.map(PersonalDetails.addressForms) ?? [])
            where PersonalDetails.postcode(in: form) != form {
                let words = form.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map {
                    PersonalDetails.key(String($0))
                }
                #expect(words.contains(where: keys.contains), "\(form): \(keys)")
            }
        }
    }
}
