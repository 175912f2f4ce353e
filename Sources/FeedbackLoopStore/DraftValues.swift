import FeedbackLoop
import Foundation

/// What someone typed into a form that arrived after their session expired.
public struct FormDraft: Sendable, Equatable {
    public var id: Int64
    /// Where the form was sent.
    public var path: String
    /// Its fields, in order, secrets left out.
    public var fields: [[String]]
    public var createdAt: String

    package init(id: Int64, path: String, fields: [[String]], createdAt: String) {
        self.id = id
        self.path = path
        self.fields = fields
        self.createdAt = createdAt
    }
}
