import FeedbackLoop
import Foundation

/// A survey export uploaded in the web app and not imported yet: the file's bytes and the choices
/// made so far. It is in the record, not on one server's disk, so any app server can continue it.
public struct PendingUpload: Sendable {
    public var id: String
    public var activityRef: String
    /// The account that uploaded it: only they can continue it.
    public var userId: Int64
    /// Its name on the uploader's computer.
    public var fileName: String
    public var content: Data
    /// The choices made so far, as the form's fields.
    public var choices: [String: [String]]
    public var createdAt: String

    package init(
        id: String, activityRef: String, userId: Int64, fileName: String, content: Data, choices: [String: [String]],
        createdAt: String
    ) {
        self.id = id
        self.activityRef = activityRef
        self.userId = userId
        self.fileName = fileName
        self.content = content
        self.choices = choices
        self.createdAt = createdAt
    }
}
