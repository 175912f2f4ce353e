import Foundation
import Hummingbird

/// A posted form (`application/x-www-form-urlencoded`): every value of every field, in order.
struct FormData: Sendable {
    private(set) var fields: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(Self.decode), !name.isEmpty else { continue }
            fields[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Every field and value, in a stable order.
    var pairs: [(String, String)] {
        fields.sorted { $0.key < $1.key }.flatMap { name, values in values.map { (name, $0) } }
    }

    /// A form filled from values, as if it had been posted.
    init(pairs: [(String, String)]) {
        for (name, value) in pairs { fields[name, default: []].append(value) }
    }

    /// Sets a field's one value.
    mutating func set(_ name: String, _ value: String) { fields[name] = [value] }

    /// Gives a field a value when the form has none for it.
    mutating func setDefault(_ name: String, _ value: String) {
        if fields[name]?.first?.isEmpty ?? true { fields[name] = [value] }
    }

    /// Reads a request's form body, up to ``WebLimits/formBytes``.
    static func read(_ request: Request, context: StaffContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: WebLimits.formBytes)
        return FormData(String(buffer: buffer))
    }

    /// The field's value, nil when it is missing or blank.
    subscript(_ name: String) -> String? {
        guard let value = fields[name]?.first, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { return nil }
        return value
    }

    /// Every value of a repeated field (ticked boxes), blanks left out.
    func all(_ name: String) -> [String] {
        (fields[name] ?? []).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The field as typed, for showing back in a form, "" when missing.
    func typed(_ name: String) -> String { fields[name]?.first ?? "" }

    /// Whether a checkbox was ticked.
    func ticked(_ name: String) -> Bool { fields[name]?.contains { !$0.isEmpty } ?? false }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
