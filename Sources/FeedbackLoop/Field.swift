/// What a bad value was given for: an entry field, an argument, a setting or a file's column.
///
/// Errors carry the field rather than a front door's name for it, so the command line can name
/// its flag (`--feedback-by`) and a form its label ("Feedback by") from the same error.
public struct Field: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Kind: Sendable, Hashable {
        /// A value entered for the record, named like its option without dashes: `feedback-by`.
        case entry
        /// A value that picks the record: `REF`, `KEY`.
        case argument
        /// A team setting: `timezone`.
        case setting
        /// A column of an imported file, or a value named as it is: `date`.
        case plain
    }

    public let kind: Kind
    public let name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// An entry field, such as `.entry("title")`.
    public static func entry(_ name: String) -> Field { Field(.entry, name) }
    /// An argument, such as `.argument("REF")`.
    public static func argument(_ name: String) -> Field { Field(.argument, name) }
    /// A team setting.
    public static func setting(_ name: String) -> Field { Field(.setting, name) }

    /// A name as it is: a file's column, or a value with no field of its own.
    public init(stringLiteral name: String) { self.init(.plain, name) }

    /// The field as the command line names it: `--title` for an entry field, otherwise its name.
    public var flag: String { kind == .entry ? "--" + name : name }

    public var description: String { flag }
}
