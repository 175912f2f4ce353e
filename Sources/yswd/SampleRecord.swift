import FeedbackLoop
import FeedbackLoopStore

/// The sample record `yswd demo` builds: activities at different stages, with contributions,
/// themes, decisions, explanations and participants who asked to hear back. Dates are relative to `today`.
struct SampleRecord {
    let today: CalendarDate

    private func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }

    func build(in store: any RecordStore) async throws {
        try await store.setSetting(
            .postalAddress, to: "Engagement team, Coventry Health Partnership, 1 High Street, Coventry CV1 1AA")
        try await addParticipants(store)
        try await addGPAccess(store)
        try await addCrisisSupport(store)
        try await addMaternityVoices(store)
        try await addDischarge(store)
        try await addPharmacy(store)
    }

    private func addParticipants(_ store: any RecordStore) async throws {
        let people: [(String, PreferredFormat?, String?, String?, String?, Bool, Bool)] = [
            ("P-001", .email, "p001@example.org", nil, nil, true, true),
            ("P-002", .letter, nil, nil, "12 Elm Road, Coventry CV1 2EL", true, false),
            ("P-003", .easyRead, nil, nil, "4 Mill Lane, Coventry CV1 4LA", true, true),
            ("P-004", .phone, nil, "07700 900123", nil, true, false),
            ("P-005", .email, nil, nil, nil, true, false),  // asked to hear back, but left no email
            ("P-006", PreferredFormat.none, nil, nil, nil, false, true),
            ("P-007", .email, "p007@example.org", nil, nil, false, false),
            ("P-008", .email, "p008@example.org", nil, nil, true, true),
        ]
        for (ref, prefers, email, phone, address, wantsFeedback, mayQuote) in people {
            try await store.addParticipant(
                Participant(ref: ref, wantsFeedback: wantsFeedback, mayQuote: mayQuote),
                contact: ParticipantContact(
                    participantId: 0, email: email, phone: phone, address: address, prefers: prefers))
        }
    }

    private func addGPAccess(_ store: any RecordStore) async throws {
        try await store.addActivity(
            Activity(
                ref: "GP-ACCESS", title: "Getting a GP appointment",
                purpose: "Understand why people find it hard to book a GP appointment",
                canInfluence: "How the booking phone line and online booking work across the practices",
                level: .consult, constraints: "Practice opening hours are set by the national contract",
                publicSummary: "Tell us what makes booking hard so we can fix the parts we control",
                methods: [.survey, .dropIn, .online], audiences: ["carers", "people who do not use the internet"],
                lead: "Sam Patel", partners: ["Healthwatch Coventry"],
                resources: "Two officers for eight weeks; £1,500",
                service: "Primary care", publicContact: "engagement@example.nhs.uk", opens: day(-120), closes: day(-60),
                feedbackBy: day(-5), feedbackChannels: [.web, .email, .letter]))
        let said: [(String, EngagementMethod, String?)] = [
            ("The phone line is engaged from 8am and I give up by 8:30", .survey, "P-001"),
            ("By the time I get through all the appointments have gone", .survey, "P-002"),
            ("I care for my mum and cannot ring at 8am", .dropIn, "P-003"),
            ("Online booking never shows any appointments", .online, "P-004"),
            ("The app is hard to use with my eyesight", .dropIn, "P-005"),
            ("There is nowhere to park near the surgery", .survey, "P-008"),
            ("Please bring back a call-back service", .survey, nil),
            ("Parking costs too much at the health centre", .online, nil),
        ]
        for (index, item) in said.enumerated() {
            try await store.addContribution(
                activity: "GP-ACCESS", text: item.0, method: item.1, received: day(-110 + index * 5),
                participantRef: item.2, sourceId: "SURVEY-\(100 + index)")
        }
        let first = try await store.contributions(activity: "GP-ACCESS").map(\.number)
        try await store.addTheme(
            activity: "GP-ACCESS", key: "phone-queue", said: "Getting through on the phone at 8am is very hard",
            contributions: [.range(from: first[0], to: first[2]), .single(first[6])])
        try await store.addTheme(
            activity: "GP-ACCESS", key: "online-booking", said: "Online booking rarely works and is hard to use",
            contributions: [.range(from: first[3], to: first[4])])
        try await store.addTheme(
            activity: "GP-ACCESS", key: "parking", said: "Parking near the surgeries is hard to find and costly",
            contributions: [.single(first[5]), .single(first[7])])
        try await store.addDecision(
            activity: "GP-ACCESS",
            Decision(
                activityId: 0, key: "callback", text: "We will add a call-back option to the booking line",
                decidedBy: "Primary care board", decidedOn: day(-30), status: .inProgress, due: day(45),
                responds: [ThemeResponse(theme: "phone-queue", outcome: .adopted)]))
        try await store.addDecision(
            activity: "GP-ACCESS",
            Decision(
                activityId: 0, key: "online-slots",
                text: "We now release a quarter of appointments online each morning",
                decidedBy: "Practice managers", decidedOn: day(-25), status: .done,
                impact: "Online bookings doubled in the first month",
                responds: [ThemeResponse(theme: "online-booking", outcome: .partly)]))
        try await store.explain(
            activity: "GP-ACCESS", theme: "online-booking",
            why: "We cannot change the design of the national NHS App ourselves; we have passed your views on",
            reason: .outsideControl)
        try await store.explain(
            activity: "GP-ACCESS", theme: "parking", why: "The car parks belong to the council, not to the practices",
            reason: .outsideControl, easyRead: "The council owns the car parks. We cannot change them.")
        // Quotes are chosen by a person, from participants who agreed to be quoted.
        try await store.addQuote(activity: "GP-ACCESS", theme: "phone-queue", contribution: first[0])
        try await store.evaluate(
            activity: "GP-ACCESS", worked: "Drop-ins at the library reached carers the survey missed",
            improve: "Start outreach before the survey opens", participantsInvolved: true,
            sharedWith: ["Healthwatch Coventry"])
    }

    private func addCrisisSupport(_ store: any RecordStore) async throws {
        try await store.addActivity(
            Activity(
                ref: "MH-CRISIS", title: "Mental health crisis support",
                purpose: "Find out what helps people in a mental health crisis out of hours",
                canInfluence: "The design of the new out-of-hours crisis café", level: .involve,
                methods: [.focusGroup, .interview],
                audiences: ["young adults", "people from minority ethnic communities"],
                lead: "Priya Shah", partners: ["Mind Coventry"], service: "Mental health", opens: day(-70),
                closes: day(-14), feedbackChannels: [.email, .meeting]))
        let said: [(String, EngagementMethod, String?)] = [
            ("I needed somewhere to go at 2am that was not A&E", .focusGroup, "P-006"),
            ("Staff who have been through it themselves helped most", .interview, "P-007"),
            ("The crisis line kept me on hold for an hour", .focusGroup, nil),
            ("Please make it somewhere young people feel welcome", .focusGroup, "P-008"),
            ("Buses stop running before the café would open", .interview, nil),
        ]
        for item in said {
            try await store.addContribution(
                activity: "MH-CRISIS", text: item.0, method: item.1, received: day(-40), participantRef: item.2)
        }
        let ids = try await store.contributions(activity: "MH-CRISIS").map(\.number)
        try await store.addTheme(
            activity: "MH-CRISIS", key: "somewhere-to-go",
            said: "People need a safe place to go at night that is not A&E",
            contributions: [.single(ids[0]), .single(ids[3])])
    }

    private func addMaternityVoices(_ store: any RecordStore) async throws {
        try await store.addActivity(
            Activity(
                ref: "MATERNITY-VOICES", title: "Maternity Voices Partnership",
                purpose: "Keep listening to families about maternity care",
                canInfluence: "Maternity service improvements",
                level: .coProduce, constraints: "Clinical guidelines are set nationally",
                methods: [.publicMeeting, .online],
                audiences: ["new parents", "fathers and partners"], lead: "Alex Morgan",
                partners: ["Maternity Voices Partnership"], resources: "A paid co-chair and a small budget",
                service: "Maternity", opens: day(-200), cadenceWeeks: 8, feedbackChannels: [.web, .social]))
        try await store.addContribution(
            activity: "MATERNITY-VOICES", text: "Partners cannot stay overnight on the ward", method: .publicMeeting,
            received: day(-50), participantRef: "P-001")
        let id = try await store.contributions(activity: "MATERNITY-VOICES").map(\.number)
        try await store.addTheme(
            activity: "MATERNITY-VOICES", key: "partners-stay", said: "Partners want to stay overnight after the birth",
            contributions: id.map { .single($0) })
        try await store.addDecision(
            activity: "MATERNITY-VOICES",
            Decision(
                activityId: 0, key: "recliners", text: "We bought reclining chairs so partners can stay overnight",
                decidedBy: "Head of midwifery", decidedOn: day(-20), status: .done,
                impact: "Partners stayed on 40 nights last month",
                responds: [ThemeResponse(theme: "partners-stay", outcome: .adopted)]))
    }

    private func addDischarge(_ store: any RecordStore) async throws {
        try await store.addActivity(
            Activity(
                ref: "DISCHARGE", title: "Leaving hospital well",
                purpose: "Hear how leaving hospital could be better planned",
                canInfluence: "The discharge checklist and the information people take home", level: .coDesign,
                constraints: "Social care packages are arranged by the council",
                methods: [.interview, .outreach, .survey],
                audiences: ["older people", "carers"], lead: "Sam Patel", partners: ["Age UK", "Carers Trust"],
                resources: "A project manager three days a week", service: "Hospital discharge", opens: day(30),
                closes: day(90), feedbackBy: day(150), feedbackChannels: [.letter, .web]))
    }

    private func addPharmacy(_ store: any RecordStore) async throws {
        try await store.addActivity(
            Activity(
                ref: "PHARMACY-INFO", title: "Changes to pharmacy opening hours",
                purpose: "Tell people about new pharmacy opening hours", canInfluence: "Nothing: the hours are decided",
                level: .inform, methods: [.online], lead: "Priya Shah", service: "Primary care", opens: day(-30),
                closes: day(20), feedbackBy: day(40)))
        try await store.addContribution(
            activity: "PHARMACY-INFO", text: "Sunday opening would help people who work all week", method: .online,
            received: day(-10))
    }
}
