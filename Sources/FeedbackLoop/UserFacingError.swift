/// An error a user can act on: one plain-English sentence naming the bad value and what was
/// expected. Every module's errors conform, so the command line (and any other front door) prints
/// them without knowing their types.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// The field the bad value was given for, when there is one: a form shows the error beside it.
    var field: Field? { get }

    /// The sentence, naming fields as `name` does: the command line names flags (`\.flag`), a
    /// form names its labels. `description` is the command line's sentence.
    func message(naming name: (Field) -> String) -> String

    /// The sentence, naming fields as `name` does and saying each way to put it right as `fixing`
    /// does: the command line names a command, the web app a page.
    func message(naming name: (Field) -> String, fixing: (Remedy) -> String) -> String
}

extension UserFacingError {
    public var field: Field? { nil }

    public func message(naming name: (Field) -> String) -> String { description }

    public func message(naming name: (Field) -> String, fixing: (Remedy) -> String) -> String {
        message(naming: name)
    }
}

extension RecordError: UserFacingError {}
