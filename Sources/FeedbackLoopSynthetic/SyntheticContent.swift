import FeedbackLoop

/// Word pools for `yswd generate`: plausible health and care engagement, nothing real.
enum SyntheticContent {
    static let organisations: [(key: String, name: String, kind: OrganisationKind)] = [
        ("icb", "Coventry and Warwickshire ICB", .icb), ("uhcw", "University Hospitals Coventry", .trust),
        ("council", "Coventry City Council", .council), ("gp-north", "North Coventry GP practices", .primaryCare),
        ("healthwatch", "Healthwatch Coventry", .healthwatch),
    ]
    static let services = [
        "Primary care", "Mental health", "Maternity", "Urgent care", "Hospital discharge", "Community pharmacy",
        "Dentistry", "Children's services", "Adult social care", "Cancer care", "Diabetes care", "Eye care",
    ]
    static let leads = [
        "Sam Patel", "Priya Shah", "Alex Morgan", "Jordan Lee", "Chris Evans", "Fatima Khan", "Tom Wright",
        "Aisha Begum", "Megan Jones", "Daniel Okafor", "Ruth Kelly", "Imran Hussain", "Laura Chen", "Owen Price",
        "Grace Adeyemi", "Kieran Walsh", "Hannah Scott", "Marek Nowak", "Zara Ali", "Ben Carter",
    ]
    static let partners = [
        "Healthwatch", "Age UK", "Mind", "Carers Trust", "Citizens Advice", "the local council", "a patient group",
    ]
    static let audiences = [
        "carers", "young people", "older people", "people with a learning disability", "new parents",
        "people who do not use the internet", "minority ethnic communities", "people on low incomes",
    ]
    static let topics = [
        "booking appointments", "waiting times", "the phone line", "online services", "parking", "transport",
        "opening hours", "staff attitudes", "information in other languages", "accessible buildings",
        "test results", "repeat prescriptions", "home visits", "discharge letters", "interpreters", "waiting rooms",
    ]
    static let subjects = ["review of", "changes to", "improving", "redesigning", "listening about", "the future of"]
    static let feelings = [
        "is hard to use", "takes far too long", "works well for me", "is confusing", "has got worse this year",
        "could be simpler", "left me worried", "needs more staff", "is not explained clearly", "is much better now",
    ]
    static let openers = [
        "I think", "In my experience", "For my family", "As a carer I find", "Honestly,", "Last month",
        "Every time I try,", "My mum says", "At the drop-in we said", "Our group feels",
    ]
    static let decisions = [
        "We will add more appointments in the evening", "We will publish clearer information",
        "We changed the phone menu", "We will train staff", "We now offer a call-back service",
        "We will review this with partners", "We opened a new drop-in", "We translated the leaflets",
    ]
    static let explanations = [
        "This is decided nationally, not by us", "There is no budget for this in the current year",
        "The law does not allow this change", "It would not be clinically safe",
        "People told us opposite things and we could not do both",
    ]

    static func sentence(_ rng: inout SeededGenerator) -> String {
        "\(rng.pick(openers)) \(rng.pick(topics)) \(rng.pick(feelings))."
    }
}
