import Foundation

/// A script's statements one by one: postgres-nio sends one statement per query (the extended
/// protocol), so a migration file is split at each `;` outside quotes, comments and `$$` bodies.
enum SQLStatements {
    static func split(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var index = script.startIndex
        func peek(_ text: String) -> Bool { script[index...].hasPrefix(text) }
        func take(until end: String) {
            // Copies up to and including `end` (or the rest of the script).
            if let range = script.range(of: end, range: index..<script.endIndex) {
                current += script[index..<range.upperBound]
                index = range.upperBound
            } else {
                current += script[index...]
                index = script.endIndex
            }
        }
        while index < script.endIndex {
            if peek("--") {
                take(until: "\n")
            } else if peek("/*") {
                take(until: "*/")
            } else if peek("'") {
                current.append("'")
                index = script.index(after: index)
                take(until: "'")
            } else if peek("$$") {
                current += "$$"
                index = script.index(index, offsetBy: 2)
                take(until: "$$")
            } else if script[index] == ";" {
                statements.append(current)
                current = ""
                index = script.index(after: index)
            } else {
                current.append(script[index])
                index = script.index(after: index)
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { statement in
            // A piece of nothing but comments is not a statement.
            !statement.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
        }
    }
}
