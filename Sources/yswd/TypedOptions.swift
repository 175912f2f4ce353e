import ArgumentParser
import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopPublish

// Every fixed list an option takes is a type the parser knows: it checks the value before anything
// opens, names the allowed values when one is wrong (a command-line mistake, exit status 64), lists
// them in help and offers them as shell completions.

extension ExpressibleByArgument where Self: RecordEnumeration {
    /// Accepts the spelling in any case, with spaces around it, as the record's own parser does.
    public init?(argument: String) {
        guard let value = try? Self.parse(argument, field: "") else { return nil }
        self = value
    }
}

extension ExpressibleByArgument where Self: ClearableField {
    public init?(argument: String) {
        guard let value = try? Self.parse(argument) else { return nil }
        self = value
    }
}

extension EngagementLevel: ExpressibleByArgument {}
extension EngagementMethod: ExpressibleByArgument {}
extension FeedbackChannel: ExpressibleByArgument {}
extension PreferredFormat: ExpressibleByArgument {}
extension DeliveryStatus: ExpressibleByArgument {}
extension ReasonCategory: ExpressibleByArgument {}
extension QuoteMode: ExpressibleByArgument {}
extension OrganisationKind: ExpressibleByArgument {}
extension LoopState: ExpressibleByArgument {}
extension PublishFormat: ExpressibleByArgument {}
extension ReportRenderer.Format: ExpressibleByArgument {}
extension ActivityField: ExpressibleByArgument {}
extension DecisionField: ExpressibleByArgument {}
extension ContactField: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension StaffRole: ExpressibleByArgument {}

extension TeamSettings.Key: ExpressibleByArgument {
    public init?(argument: String) {
        guard let key = try? Self.parse(argument) else { return nil }
        self = key
    }
}

extension CSVReader.Encoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.trimmed.lowercased()) }
}

extension CSVReader.Delimiter: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "\t", "\\t": self = .tab
        default: self.init(rawValue: argument.lowercased())
        }
    }
}
