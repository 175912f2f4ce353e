/// A participant's last follow-up, as each engine's query gives it: `[sent, update number, themes told about]`.
package struct LastFollowUp: Decodable {
    package var sent: String
    package var update: Int?
    /// Nil for a follow-up recorded before yswd kept them.
    package var themes: [String]?

    package init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        sent = try fields.decode(String.self)
        update = try fields.decodeIfPresent(Int.self)
        themes = try fields.decodeIfPresent([String].self)
    }
}
