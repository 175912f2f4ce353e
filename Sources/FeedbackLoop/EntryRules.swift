/// The shapes the record accepts for what people type: refs and keys, email addresses, phone
/// numbers and bounded numbers. Each check returns the value as stored, or throws a
/// ``RecordError`` naming the value and what was expected.
public enum EntryRules {
    /// The longest ref or key.
    public static let maxIdentifierLength = 64

    /// A ref or key: letters, digits, `-`, `_` and `.`, 1 to 64 characters, starting with a letter or
    /// digit. Refs and keys appear in web addresses, file names and every publication.
    public static func identifier(_ text: String, field: Field) throws(RecordError) -> String {
        let value = text.trimmed
        guard !value.isEmpty else { throw .emptyText(field: field) }
        guard value.unicodeScalars.count <= maxIdentifierLength else {
            throw .invalidIdentifier(field: field, value: value, problem: .tooLong(value.unicodeScalars.count))
        }
        if let bad = value.unicodeScalars.first(where: { !isIdentifierScalar($0) }) {
            throw .invalidIdentifier(field: field, value: value, problem: .character(Character(bad)))
        }
        guard let first = value.unicodeScalars.first, isLetterOrDigit(first) else {
            throw .invalidIdentifier(field: field, value: value, problem: .start)
        }
        return value
    }

    /// Whether `text` is a valid ref or key as it stands.
    public static func isIdentifier(_ text: String) -> Bool {
        (try? identifier(text, field: "")) == text
    }

    /// An email address in shape: one `@`, something before it, and a domain with a dot and a
    /// top-level part of two or more letters. Letters beyond ASCII are allowed on both sides.
    public static func email(_ text: String, field: Field) throws(RecordError) -> String {
        let value = text.trimmed
        guard !value.isEmpty else { throw .emptyText(field: field) }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.unicodeScalars.count <= 254, parts.count == 2, isLocalPart(parts[0]), isDomain(parts[1]) else {
            throw .invalidEmail(field: field, value: value)
        }
        return value
    }

    /// A phone number in shape: digits, with an optional leading `+`, and spaces, `-`, `.`, `/`,
    /// `(` or `)` between them; 7 to 15 digits in all.
    public static func phone(_ text: String, field: Field) throws(RecordError) -> String {
        let value = text.trimmed
        guard !value.isEmpty else { throw .emptyText(field: field) }
        var digits = 0
        for (index, scalar) in value.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case "+" where index == 0: break
            case " ", "-", ".", "/", "(", ")": break
            default: throw .invalidPhone(field: field, value: value)
            }
        }
        guard (7...15).contains(digits) else { throw .invalidPhone(field: field, value: value) }
        return value
    }

    /// A whole number within `range`.
    public static func number(_ value: Int, field: Field, in range: ClosedRange<Int>) throws(RecordError) -> Int {
        guard range.contains(value) else { throw .outOfRange(field: field, value: String(value), range: range) }
        return value
    }

    /// The most weeks a cadence or a feedback period may be: ten years.
    public static let weeks = 1...520
    /// The most days any day-count setting may be: ten years.
    public static let days = 0...3650

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }

    private static func isLocalPart(_ part: Substring) -> Bool {
        !part.isEmpty && part.unicodeScalars.count <= 64
            && part.unicodeScalars.allSatisfy { scalar in
                !scalar.properties.isWhitespace && scalar.value > 0x20
                    && !"\"(),:;<>[\\]@".unicodeScalars.contains(scalar)
            }
    }

    private static func isDomain(_ part: Substring) -> Bool {
        let labels = part.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
        }
    }
}

/// What is wrong with a ref or key.
public enum IdentifierProblem: Sendable, Equatable {
    case tooLong(Int)
    case character(Character)
    case start

    var description: String {
        switch self {
        case .tooLong(let count): "is \(count) characters long; the most is \(EntryRules.maxIdentifierLength)"
        case .character(let character):
            if let scalar = character.unicodeScalars.first, scalar.properties.isWhitespace || scalar.value < 0x20 {
                "contains a space or a control character"
            } else {
                "contains '\(character)'"
            }
        case .start: "must start with a letter or a digit"
        }
    }
}

extension EntryRules {
    /// The longest easy-read wording: easy read is short by design.
    public static let easyReadLimit = 500

    /// An easy-read wording, trimmed, not blank and at most ``easyReadLimit`` characters.
    public static func easyRead(_ text: String, field: Field = .entry("easy-read")) throws(RecordError) -> String {
        try limited(text, field: field, limit: easyReadLimit)
    }

    /// The longest reason for a change: a few sentences for the public.
    public static let reasonLimit = 1000

    /// A reason for a change to a published answer, trimmed, not blank, at most ``reasonLimit`` characters.
    public static func reason(_ text: String, field: Field = .entry("reason")) throws(RecordError) -> String {
        try limited(text, field: field, limit: reasonLimit)
    }

    /// A text trimmed, not blank, and at most `limit` characters.
    static func limited(_ text: String, field: Field, limit: Int) throws(RecordError) -> String {
        let trimmed = try requireText(text, field: field)
        guard trimmed.count <= limit else { throw .tooLong(field: field, length: trimmed.count, limit: limit) }
        return trimmed
    }
}
