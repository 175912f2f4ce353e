import FeedbackLoop
import Testing

/// GOV.UK Notify's rules for letters and text messages (notifications-utils: postal_address.py,
/// recipients.py), as yswd checks them before sending.
@Suite struct NotifyRulesTests {
    @Test(arguments: [
        ("SW1A 1AA", true), ("sw1a1aa", true), ("CV1 2AB", true), ("M1 1AE", true), ("GIR 0AA", true),
        ("BFPO 1234", true), ("CV1 2CB", false), ("12345", false), ("Coventry", false), ("SW1A 1A", false),
    ])
    func ukPostcodes(text: String, real: Bool) {
        #expect(NotifyAddress.isUKPostcode(text) == real, "\(text)")
    }

    @Test func theNameComesFirstAndAPostcodeEndingALineGoesOnItsOwn() {
        #expect(
            NotifyAddress.lines(name: "Mrs Amina Khan", address: "2 Elm Road, Coventry CV1 2AB")
                == ["Mrs Amina Khan", "2 Elm Road", "Coventry", "CV1 2AB"])
        #expect(
            NotifyAddress.lines(name: nil, address: "1 Rue de Rivoli\nParis\nFrance") == [
                "1 Rue de Rivoli", "Paris", "France",
            ])
    }

    @Test(
        arguments: [
            ("2 Elm Road, Coventry CV1 2AB", nil),
            ("1 Rue de Rivoli, 75001 Paris, France", nil),
            ("2 Elm Road, Coventry, CV1 2AB, United Kingdom", nil),
            ("2 Elm Road", "at least 3"),
            ("1, 2, 3, 4, 5, 6, 7, CV1 2AB", "at most 7"),
            ("=2 Elm Road, Coventry, CV1 2AB", "starts with '='"),
            ("No fixed abode, Coventry, CV1 2AB", "no fixed abode"),
            ("2 Elm Road, Coventry, Warwickshire", "neither a UK postcode nor a country outside the UK"),
            ("2 Elm Road, Coventry, United Kingdom", "neither a UK postcode nor a country outside the UK"),
        ] as [(String, String?)])
    func addressesNotifyRefuses(address: String, problem: String?) {
        let found = NotifyAddress.problem(name: "Jo Bloggs", address: address)
        if let problem {
            #expect(found?.contains(problem) == true, "\(address): \(found ?? "accepted")")
        } else {
            #expect(found == nil, "\(address): \(found ?? "")")
        }
    }

    @Test(
        arguments: [
            ("07700 900123", "+447700900123"), ("+44 7700 900123", "+447700900123"),
            ("0044 7700 900123", "+447700900123"),
            ("447700900123", "+447700900123"), ("+48 601 234 567", "+48601234567"),
            ("(07700) 900-123", "+447700900123"),
            ("024 7622 0381", nil), ("+44 24 7622 0381", nil), ("0770090012", nil), ("07700 900123 ext 2", nil),
            ("+1", nil),
        ] as [(String, String?)])
    func textMessageNumbers(text: String, normalised: String?) {
        #expect(NotifyPhone.normalised(text) == normalised, "\(text)")
    }

    @Test func aTallySaysWhoWasToldAndWhatFailed() {
        let tally = DeliveryTally([
            (.email, .delivered), (.email, .delivered), (.text, .accepted), (.email, .permanentFailure),
            (.letter, .returned), (.letter, .returned),
        ])
        #expect(tally.sentence == "2 told · 1 on its way · 1 email bounced · 2 letters returned: check their details")
        #expect(DeliveryTally([(.email, .delivered)]).sentence == "1 told")
    }

    @Test func byHandFollowUpsAreSentNotConfirmed() {
        var figures = FollowUpFigures()
        figures.add(nil, nil, count: 3)
        figures.add(.email, .delivered, count: 10)
        figures.add(.letter, .received, count: 2)
        figures.add(.email, .permanentFailure)
        figures.owed = 2
        #expect(
            figures.sentence
                == "12 follow-ups were confirmed delivered (10 by email, 2 by letter); 1 email bounced; 3 follow-ups"
                + " were marked sent by hand (sent, not confirmed); 2 people are still owed one.")
    }
}
