import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import FeedbackLoopWorkflows
import Foundation
import Hummingbird

/// One activity's page: the promise, the loop and what is missing, the principles, what people
/// said and what was done, recorded updates and history; with the forms that record them.
struct ActivityPage: Sendable {
    var frame: Frame
    var ref: String
    var path: String
    var title: String
    var stateLabel: String
    var tagClass: String
    var when: String
    var nextStep: String
    var missing: [String]
    var hasMissing: Bool
    /// "Welsh: 2 texts out of date", for each language whose translations are not all current.
    var translationNotes: [String] = []
    var facts: [Fact]
    var principles: [Principle]
    var counts: String
    var unthemed: Int
    var themes: [ThemeView]
    var hasThemes: Bool
    var decisions: [DecisionView]
    var hasDecisions: Bool
    var updates: [UpdateView]
    var hasUpdates: Bool
    var history: [HistoryView]
    var canEdit: Bool
    var canPublish: Bool
    var forms: ActivityForms
    var hasErrors: Bool
    var errors: [FieldError]
    /// The part of the activity this page shows, and the sub-navigation between the parts.
    var subnav: [Part]
    var inOverview = false
    var inContributions = false
    var inThemes = false
    var inDecisions = false
    var inUpdates = false
    var inLearning = false
    /// The contributions part's list, a page at a time.
    var contributionRows: [ContributionsPage.Row] = []
    var contributionPages: Pagination?
    var hasContributionRows = false

    /// One part of an activity, as the sub-navigation links it.
    struct Part: Sendable {
        var label: String
        var link: String
        var current: Bool
    }

    /// The parts of an activity, each on a page of its own.
    enum Section: String, CaseIterable, Sendable {
        case overview, contributions, themes, decisions, updates, learning, history

        var label: String {
            switch self {
            case .overview: "Overview"
            case .contributions: "Contributions"
            case .themes: "You said: themes"
            case .decisions: "We did: decisions"
            case .updates: "Updates and follow-ups"
            case .learning: "What we learned"
            case .history: "History"
            }
        }

        func link(_ ref: String) -> String {
            switch self {
            case .overview: Paths.activity(ref)
            case .history: "/history?activity=" + ref
            default: Paths.activity(ref) + "/" + rawValue
            }
        }
    }

    struct Fact: Sendable {
        var label: String
        var value: String
    }

    struct Principle: Sendable {
        var name: String
        var verdict: String
        var tagClass: String
        var reason: String
    }

    struct ThemeView: Sendable {
        var key: String
        var said: String
        var views: String
        var answer: String
        var responses: [String]
        var explanation: String?
    }

    struct DecisionView: Sendable {
        var key: String
        var text: String
        var status: String
        var due: String?
        var responds: String
    }

    struct UpdateView: Sendable {
        var number: Int
        var published: String
        /// Each format it was published in, linked.
        var formats: [PublishDonePage.File]
    }

    struct HistoryView: Sendable {
        var at: String
        var actor: String
        var what: String
    }

    static func render(
        store: any RecordStore, ref: String, context: StaffContext, section: Section = .overview,
        form: FormData? = nil, errors: [FieldError] = [], page: Int = 1
    ) async throws -> Response {
        let record = try await found { try await store.activityRecord(ref: ref) }
        let settings = try await store.settings()
        let today = settings.today()
        let input = try await store.checkInputs(activity: ref)[0]
        let rules = LoopRules(settings: settings)
        let loop = rules.status(of: input.summary, asOf: today)
        let verdicts = PrincipleChecks(settings: settings).verdicts(input.facts(loop))
        var view = ActivityPage(
            frame: Frame(
                section == .overview ? record.activity.title : "\(section.label): \(record.activity.title)",
                context: context, section: "activities"), record: record, loop: loop,
            verdicts: verdicts, updates: try await store.updates(ref: ref),
            history: try await store.history(
                HistoryFilter(activity: ref, withoutParts: true), newestFirst: true, limit: 15),
            role: context.account?.role ?? .viewer, form: form, errors: errors, languages: settings.languages)
        view.show(section)
        if section == .overview, let tags = try await store.translationLanguages(refs: [ref])[ref] {
            // The activity's texts are read once, then set against each language's translations.
            let texts = try await Translating.texts(store: store, ref: ref)
            for tag in tags {
                guard let language = try? LanguageTag(parsing: tag), settings.targetLanguages.contains(language)
                else { continue }
                let coverage = TranslationCoverage(
                    texts, try await store.translations(ref: ref, language: language), language: language)
                if !coverage.isComplete { view.translationNotes.append(coverage.summary) }
            }
        }
        if section == .contributions {
            let all = try await store.contributions(activity: ref)
            let pages = Pagination(count: all.count, page: page, size: 100) {
                Paths.activity(ref) + "/contributions?page=\($0)"
            }
            view.contributionPages = pages
            view.contributionRows = all[pages.range].map {
                ContributionsPage.Row(
                    number: String($0.number), text: $0.text, themes: $0.themes.joined(separator: ", "),
                    status: $0.outOfScope.map { "Out of scope: \($0)" } ?? ($0.themes.isEmpty ? "Not themed" : ""))
            }
            view.hasContributionRows = !view.contributionRows.isEmpty
            if page > 1 { view.frame.title = Titles.listing(view.frame.title, page: pages.number) }
        }
        return Pages.render("activity", view, status: errors.isEmpty ? .ok : .badRequest)
    }

    /// Shows one part of the activity.
    mutating func show(_ section: Section) {
        subnav = Section.allCases.map { Part(label: $0.label, link: $0.link(ref), current: $0 == section) }
        inOverview = section == .overview
        inContributions = section == .contributions
        inThemes = section == .themes
        inDecisions = section == .decisions
        inUpdates = section == .updates
        inLearning = section == .learning
    }

    init(
        frame: Frame, record: ActivityRecord, loop: LoopStatus, verdicts: [PrincipleVerdict],
        updates: [PublishedUpdate], history: [HistoryEntry], role: StaffRole, form: FormData?, errors: [FieldError],
        languages: [LanguageTag] = [.english]
    ) {
        let activity = record.activity
        self.frame = frame
        ref = activity.ref
        path = Paths.activity(activity.ref)
        title = activity.title
        stateLabel = loop.state.label
        tagClass = loop.isOverdue ? "overdue" : loop.timing == .dueSoon ? "due-soon" : loop.state.rawValue
        when = loop.timingPhrase.capitalisedFirst
        nextStep = loop.nextStep.capitalisedFirst
        var missing: [String] = []
        if loop.missing.unthemed > 0 { missing.append("\(counted(loop.missing.unthemed, "contribution")) not themed") }
        if loop.missing.unansweredThemes > 0 {
            missing.append("\(counted(loop.missing.unansweredThemes, "theme")) with no answer")
        }
        if loop.missing.followUps > 0 { missing.append("\(counted(loop.missing.followUps, "follow-up")) owed") }
        for commitment in loop.missing.overdueCommitments {
            missing.append("Commitment ‘\(commitment.decision)’ was due \(commitment.due.spoken)")
        }
        self.missing = missing
        hasMissing = !missing.isEmpty
        func list(_ values: [String]) -> String { values.isEmpty ? "Not recorded" : values.joined(separator: ", ") }
        facts = [
            Fact(label: "Purpose", value: activity.purpose),
            Fact(label: "What people can influence", value: activity.canInfluence),
            Fact(label: "Level", value: activity.level.words),
            Fact(label: "Feedback promised by", value: activity.feedbackBy?.spoken ?? "Not promised"),
            Fact(label: "How people will hear back", value: list(activity.feedbackChannels.map(\.rawValue))),
            Fact(label: "Opens", value: activity.opens?.spoken ?? "Not set"),
            Fact(
                label: "Closes",
                value: activity.closes?.spoken ?? activity.cadenceWeeks.map {
                    "Ongoing: an update every \(counted($0, "week"))"
                } ?? "Not set"),
            Fact(label: "Lead", value: activity.lead ?? "Not recorded"),
            Fact(label: "Service", value: activity.service ?? "Not recorded"),
            Fact(label: "Methods", value: list(activity.methods.map(\.rawValue))),
            Fact(label: "Public contact", value: activity.publicContact ?? "The team's"),
        ]
        principles = verdicts.map {
            Principle(
                name: "\($0.number). \($0.principle)", verdict: $0.verdict.rawValue.readable,
                tagClass: $0.verdict == .met ? "closed" : $0.verdict == .notMet ? "overdue" : "due-soon",
                reason: $0.reason)
        }
        counts =
            "\(counted(record.contributions.total, "contribution")) from \(counted(record.contributions.participants, "known participant")); "
            + "\(record.contributions.unthemed) not themed, \(record.contributions.outOfScope) out of scope."
        unthemed = record.contributions.unthemed
        themes = record.themes.map { theme in
            ThemeView(
                key: theme.key, said: theme.said, views: counted(theme.contributions, "view"),
                answer: theme.answer.rawValue.readable,
                responses: theme.responses.map {
                    "\($0.outcome == .partly ? "Partly: " : "")\($0.text) (\($0.status.rawValue.readable.lowercased()))"
                },
                explanation: theme.explanation.map { "\($0.why) (reason: \($0.reason.rawValue.readable.lowercased()))" }
            )
        }
        hasThemes = !themes.isEmpty
        decisions = record.decisions.map { decision in
            DecisionView(
                key: decision.key, text: decision.text, status: decision.status.rawValue.readable,
                due: decision.due?.spoken, responds: decision.responds.map(\.theme).joined(separator: ", "))
        }
        hasDecisions = !decisions.isEmpty
        self.updates = updates.map { update in
            let base = Paths.activity(activity.ref) + "/updates/\(update.number)"
            return UpdateView(
                number: update.number, published: update.published.spoken,
                formats: update.renditions.isEmpty
                    ? [
                        PublishDonePage.File(
                            label: PublishFormat(rawValue: update.format).map(PublishPage.label) ?? update.format,
                            link: base)
                    ] : update.renditions.map { PublishDonePage.File.rendition($0, base: base) })
        }
        hasUpdates = !self.updates.isEmpty
        self.history = HistoryWording.sentences(history).map { entry, words in
            HistoryView(at: HistoryPage.when(entry.at), actor: entry.actor, what: words)
        }
        canEdit = role.allows(.editor)
        canPublish = role.allows(.publisher)
        forms = ActivityForms(record: record, form: form, errors: errors, languages: languages)
        hasErrors = !errors.isEmpty
        self.errors = errors
        subnav = []
    }
}
