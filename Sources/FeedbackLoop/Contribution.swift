import Foundation

/// What someone said: the text, how it was gathered, when, and optionally who said it.
public struct Contribution: Sendable, Equatable, Codable {
    /// The database-wide id, kept in open data.
    public var id: Int64?
    public var activityId: Int64
    /// Its number within its activity (1, 2, 3 …), as people refer to it; given when it is recorded.
    public var number: Int64?
    public var participantId: Int64?
    public var text: String
    public var method: EngagementMethod?
    public var received: CalendarDate?
    /// The id it had in the system it came from (a survey response id); unique within an activity.
    public var sourceId: String?
    /// Why it is out of scope, when it is; an out-of-scope contribution needs no theme.
    public var outOfScope: String?
    /// The language it was given in (a BCP 47 tag); nil for the team's source language.
    public var language: String?

    public init(
        id: Int64? = nil, activityId: Int64, participantId: Int64? = nil, text: String,
        method: EngagementMethod? = nil, received: CalendarDate? = nil, sourceId: String? = nil,
        outOfScope: String? = nil, language: String? = nil
    ) {
        self.id = id
        self.activityId = activityId
        self.participantId = participantId
        self.text = text
        self.method = method
        self.received = received
        self.sourceId = sourceId
        self.outOfScope = outOfScope
        self.language = language
    }
}

/// Contributions named on the command line: one number (`12`) or an inclusive range (`12-40`).
public enum ContributionSelection: Sendable, Equatable {
    case single(Int64)
    case range(from: Int64, to: Int64)

    /// Parses `ID` or `FROM-TO`.
    public static func parse(_ text: String) throws(RecordError) -> ContributionSelection {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { part -> Int64? in
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int64(part)
        }
        guard numbers.count == parts.count else { throw .invalidContributionSelection(text) }
        switch numbers.count {
        case 1: return .single(numbers[0])
        case 2:
            guard numbers[0] <= numbers[1] else { throw .reversedRange(from: numbers[0], to: numbers[1]) }
            return .range(from: numbers[0], to: numbers[1])
        default: throw .invalidContributionSelection(text)
        }
    }

    public var bounds: ClosedRange<Int64> {
        switch self {
        case .single(let id): id...id
        case .range(let from, let to): from...to
        }
    }
}
