/// A number with its noun, in the right form: "1 contribution", "2 contributions", "0 entries".
/// - Parameter plural: the plural when it is not the noun with an "s" added.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}
