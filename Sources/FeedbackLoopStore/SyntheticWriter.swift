import FeedbackLoop
import GRDB

/// Writes the rows of one `generate` batch with prepared statements. Every row carries the
/// batch id, so the history triggers skip it and the batch is recorded once.
struct SyntheticWriter {
    private let db: Database
    private let batchId: Int64
    private let today: CalendarDate
    private var rng: SeededGenerator
    private let insertActivity, insertParticipant, insertContact, insertContribution: Statement
    private let insertTheme, insertLink, insertDecision, insertResponse, insertExplanation: Statement
    private var report: GenerateReport
    /// The organisations activities are spread over (one in six has none).
    var organisations: [Int64] = []

    /// How far an activity has got, which decides its dates and how complete its answers are.
    private enum Stage { case planned, collecting, ongoing, closed }

    init(db: Database, batchId: Int64, seed: UInt64, today: CalendarDate) throws {
        self.db = db
        self.batchId = batchId
        self.today = today
        rng = SeededGenerator(seed: seed)
        report = GenerateReport(
            batchId: batchId, activities: 0, contributions: 0, participants: 0, themes: 0, decisions: 0, explanations: 0
        )
        insertActivity = try db.makeStatement(
            sql: """
                INSERT INTO activity (ref, title, purpose, canInfluence, level, constraints, methods, audiences, lead,
                    partners, resources, service, opens, closes, cadenceWeeks, feedbackBy, feedbackChannels, batchId,
                    organisationId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertParticipant = try db.makeStatement(
            sql: "INSERT INTO participant (ref, wantsFeedback, mayQuote, batchId) VALUES (?, ?, ?, ?)")
        insertContact = try db.makeStatement(
            sql:
                "INSERT INTO participantContact (participantId, email, phone, address, prefers, batchId) VALUES (?, ?, ?, ?, ?, ?)"
        )
        insertContribution = try db.makeStatement(
            sql: """
                INSERT INTO contribution (activityId, participantId, text, method, received, outOfScope, themeLinks, batchId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertTheme = try db.makeStatement(
            sql: "INSERT INTO theme (activityId, key, said, batchId) VALUES (?, ?, ?, ?)")
        insertLink = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO themeContribution (themeId, contributionId, batchId) VALUES (?, ?, ?)")
        insertDecision = try db.makeStatement(
            sql: """
                INSERT INTO decision (activityId, key, text, decidedBy, decidedOn, status, due, batchId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertResponse = try db.makeStatement(
            sql: "INSERT INTO decisionTheme (decisionId, themeId, outcome, batchId) VALUES (?, ?, ?, ?)")
        insertExplanation = try db.makeStatement(
            sql: "INSERT INTO explanation (themeId, why, reason, batchId) VALUES (?, ?, ?, ?)")
    }

    mutating func write(activities: Int, contributions: Int) throws -> GenerateReport {
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

    private mutating func writeParticipants(count: Int) throws -> ClosedRange<Int64> {
        var first: Int64 = 0
        for number in 1...count {
            try insertParticipant.execute(arguments: [
                "SYN\(batchId)-P\(number)", rng.chance(0.4), rng.chance(0.3), batchId,
            ])
            let id = db.lastInsertedRowID
            if number == 1 { first = id }
            if rng.chance(0.85) {
                let prefers = rng.pick(["email", "email", "email", "letter", "easy-read", "phone", "none"])
                let email = rng.chance(0.7) ? "person\(id)@example.org" : nil
                let phone = rng.chance(0.3) ? "07700 9\(String(format: "%05d", Int(id) % 100_000))" : nil
                let address = rng.chance(0.4) ? "\(rng.int(1...200)) Example Street, Coventry" : nil
                try insertContact.execute(arguments: [id, email, phone, address, prefers, batchId])
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
        try insertActivity.execute(arguments: [
            "SYN\(batchId)-\(String(format: "%05d", number))",
            "\(rng.pick(SyntheticContent.subjects).capitalizedFirst) \(topic) in \(service.lowercased())",
            "Hear what people think about \(topic)", "How \(topic) works locally",
            rng.int(0...19) == 0 ? "inform" : rng.pick(["consult", "consult", "involve", "co-design", "co-produce"]),
            rng.chance(0.6) ? "National rules on \(topic) cannot change" : nil,
            json(methods.map(\.rawValue)), json(rng.chance(0.7) ? [rng.pick(SyntheticContent.audiences)] : []),
            rng.chance(0.95) ? rng.pick(SyntheticContent.leads) : nil, json(partners),
            rng.chance(0.6) ? "\(rng.int(1...4)) officers for \(rng.int(4...12)) weeks" : nil, service,
            opens, closes, cadence, feedbackBy, json(rng.chance(0.8) ? ["web", "email"] : []), batchId,
            organisations.isEmpty ? nil : organisations[safe: number % (organisations.count + 1)],
        ])
        let activityId = db.lastInsertedRowID
        report.activities += 1
        guard contributions > 0 else { return }

        // Themes: most contributions themed; some activities left part-way, for every loop state.
        let themeIds = try (contributions >= 3 ? Array(1...min(contributions, rng.int(3...7))) : []).map {
            key -> Int64 in
            let said = "\(rng.pick(SyntheticContent.topics).capitalizedFirst) \(rng.pick(SyntheticContent.feelings))"
            try insertTheme.execute(arguments: [activityId, "t\(key)", said, batchId])
            report.themes += 1
            return db.lastInsertedRowID
        }
        let themedShare = themeIds.isEmpty ? 0 : stage == .collecting ? 0.5 : rng.chance(0.7) ? 1.0 : 0.85
        let window = max(0, opens.days(until: min(closes ?? today, today)))
        for _ in 0..<contributions {
            let theme = themedShare > 0 && (themedShare >= 1 || rng.chance(themedShare)) ? rng.pick(themeIds) : nil
            try insertContribution.runRaw(
                .integer(activityId), .integer(rng.chance(0.5) ? Int64.random(in: participants, using: &rng) : nil),
                .text(SyntheticContent.sentence(&rng)), .text((methods.isEmpty ? nil : rng.pick(methods))?.rawValue),
                .text(opens.adding(days: rng.int(0...window)).description),
                .text(rng.int(0...49) == 0 ? "Not about this service" : nil), .integer(theme == nil ? 0 : 1),
                .integer(batchId), in: db)
            if let theme {
                try insertLink.runRaw(.integer(theme), .integer(db.lastInsertedRowID), .integer(batchId), in: db)
            }
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
            let status = rng.pick(["done", "done", "in-progress", "in-progress", "planned", "planned", "dropped"])
            let due: CalendarDate? =
                status == "planned" || status == "in-progress"
                ? (rng.chance(0.8) ? today.adding(days: rng.int(-60...150)) : nil) : nil
            try insertDecision.execute(arguments: [
                activityId, "d\(key)", rng.pick(SyntheticContent.decisions), rng.pick(SyntheticContent.leads),
                decided.adding(days: rng.int(1...30)), status, due, batchId,
            ])
            report.decisions += 1
            let partly = roll >= 55
            try insertResponse.execute(arguments: [db.lastInsertedRowID, theme, partly ? "partly" : "adopted", batchId])
            guard partly || status == "dropped" else { return }
        }
        try insertExplanation.execute(arguments: [
            theme, rng.pick(SyntheticContent.explanations),
            rng.pick(["outside-control", "cost", "legal", "clinical-safety", "conflicting-views"]), batchId,
        ])
        report.explanations += 1
    }

    private func json(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Array {
    /// The element at `index`, or nil past the end.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
