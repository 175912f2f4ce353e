import FeedbackLoop
import Foundation

/// Compact facts for the loop rules, the principle checks and the yearly report.
public protocol FactStore: Sendable {
    /// The facts the principle checks read, for one activity or (with nil) every activity, by ref;
    /// optionally only an organisation's. Each kind of fact comes from one query over every activity.
    func checkInputs(activity ref: String?, organisation: String?) async throws -> [CheckInput]

    /// The check facts of every activity open at any time in `period` (optionally one
    /// organisation's), with the report's other facts, each kind from one aggregate query.
    func reportFacts(period: ReportPeriod, organisation: String?) async throws -> (
        inputs: [CheckInput], extras: [String: ReportExtras], organisations: [String: String]
    )

    /// The loop facts of every activity the filter lets through, ordered by ref.
    func loopSummaries(_ filter: LoopFilter) async throws -> [LoopSummary]
}

extension FactStore {
    public func checkInputs(activity ref: String? = nil, organisation: String? = nil) async throws -> [CheckInput] {
        try await checkInputs(activity: ref, organisation: organisation)
    }

    public func reportFacts(period: ReportPeriod, organisation: String? = nil) async throws -> (
        inputs: [CheckInput], extras: [String: ReportExtras], organisations: [String: String]
    ) {
        try await reportFacts(period: period, organisation: organisation)
    }

    public func loopSummaries(_ filter: LoopFilter = LoopFilter()) async throws -> [LoopSummary] {
        try await loopSummaries(filter)
    }
}
