import FeedbackLoop
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation

/// What `generate` wrote.
public struct GenerateReport: Sendable, Equatable {
    public var batchId: Int64
    public var activities = 0
    public var contributions = 0
    public var participants = 0
    public var themes = 0
    public var decisions = 0
    public var explanations = 0
    public var updates = 0
}

extension SQLiteStore {
    /// Builds a synthetic but realistic record as one batch (one history entry): activities in
    /// every state with dates around `today`, contributions, themes, decisions, explanations,
    /// participants and, for every other activity closed more than 30 days, a recorded update.
    /// The same seed gives the same record.
    /// - Parameter force: add to a database that already holds data.
    public func generate(
        activities: Int, contributions: Int, seed: UInt64, today: CalendarDate, force: Bool = false
    ) async throws -> GenerateReport {
        try await bulkWrite(
            kind: "generate", description: "\(activities) activities, \(contributions) contributions, seed \(seed)",
            requireEmpty: !force
        ) { writer in
            var record = SyntheticRecord(writer: writer, seed: seed, today: today)
            var report = try record.write(activities: activities, contributions: contributions)
            report.updates = try writer.recordCoveringUpdates(
                closedBefore: today.adding(days: -30), published: today.adding(days: -7), actor: self.actor,
                at: self.bulkTimestamp)
            let details = [
                ("activities", report.activities), ("contributions", report.contributions),
                ("participants", report.participants), ("themes", report.themes), ("decisions", report.decisions),
                ("explanations", report.explanations), ("updates", report.updates),
            ]
            return (report, details)
        }
    }
}

/// Plans a synthetic record from a seed and writes it through the store's ``BulkWriter``.
struct SyntheticRecord {
    private let writer: BulkWriter
    private let today: CalendarDate
    private var rng: SeededGenerator
    private var report: GenerateReport
    /// The organisations activities are spread over (one in six has none).
    private var organisations: [Int64] = []

    /// How far an activity has got, which decides its dates and how complete its answers are.
    private enum Stage { case planned, collecting, ongoing, closed }

    init(writer: BulkWriter, seed: UInt64, today: CalendarDate) {
        self.writer = writer
        self.today = today
        rng = SeededGenerator(seed: seed)
        report = GenerateReport(batchId: writer.batchId)
    }

    mutating func write(activities: Int, contributions: Int) throws -> GenerateReport {
        organisations = try writeOrganisations()
        let participants = try writeParticipants(count: max(10, contributions / 20))
        let stages = (0..<activities).map { _ -> Stage in
            let roll = rng.int(0...99)
            return roll < 10 ? .planned : roll < 30 ? .collecting : roll < 40 ? .ongoing : .closed
        }
        // Share the contributions among the activities that have opened, unevenly.
        let weights = stages.map { $0 == .planned ? 0.0 : Double(rng.int(20...180)) }
        let total = weights.reduce(0, +)
        var counts = weights.map { total > 0 ? Int(Double(contributions) * $0 / total) : 0 }
        var remainder = contributions - counts.reduce(0, +)
        while remainder > 0, total > 0 {
            let index = rng.int(0...(activities - 1))
            if weights[index] > 0 {
                counts[index] += 1
                remainder -= 1
            }
        }
        for (index, stage) in stages.enumerated() {
            try writeActivity(number: index + 1, stage: stage, contributions: counts[index], participants: participants)
        }
        return report
    }

    /// A handful of organisations, written in the batch: the ones already there when generating
    /// into a record that has some.
    private func writeOrganisations() throws -> [Int64] {
        let existing = try writer.organisations()
        guard existing.isEmpty else { return existing }
        return try SyntheticContent.organisations.map { key, name, kind in
            try writer.add(Organisation(key: key, name: name, kind: kind))
        }
    }

    private mutating func writeParticipants(count: Int) throws -> ClosedRange<Int64> {
        var first: Int64 = 0
        for number in 1...count {
            let id = try writer.addParticipant(
                ref: "SYN\(writer.batchId)-P\(number)", wantsFeedback: rng.chance(0.4), mayQuote: rng.chance(0.3))
            if number == 1 { first = id }
            if rng.chance(0.85) {
                let prefers = rng.pick([PreferredFormat.email, .email, .email, .letter, .easyRead, .phone, .none])
                let email = rng.chance(0.7) ? "person\(id)@example.org" : nil
                let phone = rng.chance(0.3) ? "07700 9\(String(format: "%05d", Int(id) % 100_000))" : nil
                let address = rng.chance(0.4) ? "\(rng.int(1...200)) Example Street, Coventry" : nil
                try writer.add(
                    ParticipantContact(
                        participantId: id, email: email, phone: phone, address: address, prefers: prefers))
            }
            report.participants += 1
        }
        return first...(first + Int64(count) - 1)
    }

    private mutating func writeActivity(
        number: Int, stage: Stage, contributions: Int, participants: ClosedRange<Int64>
    ) throws {
        let opens: CalendarDate
        var closes: CalendarDate?
        var cadence: Int?
        switch stage {
        case .planned:
            opens = today.adding(days: rng.int(5...60))
            closes = opens.adding(days: rng.int(28...90))
        case .collecting:
            opens = today.adding(days: -rng.int(5...60))
            closes = today.adding(days: rng.int(0...60))
        case .ongoing:
            opens = today.adding(days: -rng.int(30...400))
            cadence = rng.pick([4, 6, 8, 12])
        case .closed:
            let closed = today.adding(days: -rng.int(1...300))
            closes = closed
            opens = closed.adding(days: -rng.int(21...90))
        }
        let feedbackBy = closes.flatMap { rng.chance(0.7) ? $0.adding(days: rng.int(42...90)) : nil }
        let topic = rng.pick(SyntheticContent.topics)
        let service = rng.pick(SyntheticContent.services)
        let methods = Array(Set((0..<rng.int(1...3)).map { _ in rng.pick(EngagementMethod.allCases) }))
            .sorted { $0.rawValue < $1.rawValue }
        let partners = rng.chance(0.7) ? [rng.pick(SyntheticContent.partners)] : []
        let activity = Activity(
            ref: "SYN\(writer.batchId)-\(String(format: "%05d", number))",
            title: "\(rng.pick(SyntheticContent.subjects).capitalizedFirst) \(topic) in \(service.lowercased())",
            purpose: "Hear what people think about \(topic)", canInfluence: "How \(topic) works locally",
            level: rng.int(0...19) == 0 ? .inform : rng.pick([.consult, .consult, .involve, .coDesign, .coProduce]),
            constraints: rng.chance(0.6) ? "National rules on \(topic) cannot change" : nil, methods: methods,
            audiences: rng.chance(0.7) ? [rng.pick(SyntheticContent.audiences)] : [],
            lead: rng.chance(0.95) ? rng.pick(SyntheticContent.leads) : nil, partners: partners,
            resources: rng.chance(0.6) ? "\(rng.int(1...4)) officers for \(rng.int(4...12)) weeks" : nil,
            service: service, opens: opens, closes: closes, cadenceWeeks: cadence, feedbackBy: feedbackBy,
            feedbackChannels: rng.chance(0.8) ? [.web, .email] : [],
            organisationId: organisations.isEmpty ? nil : organisations[safe: number % (organisations.count + 1)])
        let activityId = try writer.add(activity)
        report.activities += 1
        guard contributions > 0 else { return }

        // Themes: most contributions themed; some activities left part-way, for every loop state.
        let themeIds = try (contributions >= 3 ? Array(1...min(contributions, rng.int(3...7))) : []).map {
            key -> Int64 in
            let said = "\(rng.pick(SyntheticContent.topics).capitalizedFirst) \(rng.pick(SyntheticContent.feelings))"
            report.themes += 1
            return try writer.addTheme(activity: activityId, key: "t\(key)", said: said)
        }
        let themedShare = themeIds.isEmpty ? 0 : stage == .collecting ? 0.5 : rng.chance(0.7) ? 1.0 : 0.85
        let window = max(0, opens.days(until: min(closes ?? today, today)))
        for _ in 0..<contributions {
            let theme = themedShare > 0 && (themedShare >= 1 || rng.chance(themedShare)) ? rng.pick(themeIds) : nil
            try writer.addContribution(
                activity: activityId,
                participant: rng.chance(0.5) ? Int64.random(in: participants, using: &rng) : nil,
                text: SyntheticContent.sentence(&rng), method: methods.isEmpty ? nil : rng.pick(methods),
                received: opens.adding(days: rng.int(0...window)),
                outOfScope: rng.int(0...49) == 0 ? "Not about this service" : nil, theme: theme)
        }
        report.contributions += contributions
        let answeredShare = stage == .collecting ? 0.3 : rng.chance(0.65) ? 1.0 : 0.6
        for (index, themeId) in themeIds.enumerated() where answeredShare >= 1 || rng.chance(answeredShare) {
            try answer(theme: themeId, key: index + 1, activityId: activityId, after: closes ?? opens)
        }
    }

    private mutating func answer(theme: Int64, key: Int, activityId: Int64, after decided: CalendarDate) throws {
        let roll = rng.int(0...99)
        if roll < 75 {
            let status = rng.pick([DeliveryStatus.done, .done, .inProgress, .inProgress, .planned, .planned, .dropped])
            let due: CalendarDate? =
                status == .planned || status == .inProgress
                ? (rng.chance(0.8) ? today.adding(days: rng.int(-60...150)) : nil) : nil
            let decision = try writer.addDecision(
                activity: activityId, key: "d\(key)", text: rng.pick(SyntheticContent.decisions),
                decidedBy: rng.pick(SyntheticContent.leads), decidedOn: decided.adding(days: rng.int(1...30)),
                status: status, due: due)
            report.decisions += 1
            let partly = roll >= 55
            try writer.respond(decision: decision, theme: theme, outcome: partly ? .partly : .adopted)
            guard partly || status == .dropped else { return }
        }
        try writer.explain(
            theme: theme, why: rng.pick(SyntheticContent.explanations),
            reason: rng.pick([.outsideControl, .cost, .legal, .clinicalSafety, .conflictingViews]))
        report.explanations += 1
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Array {
    /// The element at `index`, or nil past the end.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
