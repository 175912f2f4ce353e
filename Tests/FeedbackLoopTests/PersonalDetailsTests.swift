import FeedbackLoop
import Testing

/// Issue 19, finding 8: the forms a recorded name or address takes in what people write.
@Suite struct PersonalDetailsTests {
    @Test(arguments: [
        (
            "Mrs Amina Khan",
            [
                "Mrs Amina Khan", "Amina Khan", "Khan, Amina", "A. Khan", "A Khan", "Amina K.", "Mrs Khan", "\"Amina\"",
                "'Amina'",
            ]
        ),
        (
            "Dr. Li Wei Chen",
            [
                "Dr. Li Wei Chen", "Li Wei Chen", "Li Chen", "Chen, Li", "L. Chen", "L Chen", "Li C.", "Dr. Chen",
                "\"Li\"", "'Li'",
            ]
        ),
        ("Sam Patel", ["Sam Patel", "Patel, Sam", "S. Patel", "S Patel", "Sam P.", "\"Sam\"", "'Sam'"]),
        ("Zelda", ["Zelda"]),
    ])
    func aNameIsFoundAsRecordedWithoutItsTitleByFamilyNameAndInitials(name: String, forms: [String]) {
        #expect(PersonalDetails.nameForms(name) == forms)
    }

    @Test(arguments: [
        ("12 Long Road, Coventry CV1 2AB", ["12 Long Road, Coventry CV1 2AB", "12 Long Road", "CV1 2AB"]),
        (
            "Flat 3\n17 Hidden Lane\nLeamington Spa\nCV32 5XY",
            ["Flat 3\n17 Hidden Lane\nLeamington Spa\nCV32 5XY", "17 Hidden Lane", "CV32 5XY"]
        ),
        ("The Old Mill, Kenilworth", ["The Old Mill, Kenilworth"]),
    ])
    func anAddressIsFoundByItsFirstLineAndPostcode(address: String, forms: [String]) {
        #expect(PersonalDetails.addressForms(address) == forms)
    }
}
