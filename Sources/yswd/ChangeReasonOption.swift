import ArgumentParser
import FeedbackLoop

/// `--reason TEXT`: why a published answer changed, in words for the public. Required once an
/// update of the activity has been recorded; the next update publishes it under "What has changed".
struct ChangeReasonOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Why this changed, in words for the public (up to 1,000 characters): needed once an update has been "
                + "recorded, and published with the next one."))
    var reason: String?

    /// The reason, checked: a bad one fails before the database is opened.
    func value() throws -> String? {
        try reason.map { try EntryRules.reason($0) }
    }
}
