import FeedbackLoop
import Hummingbird

/// Why a request was refused: a status and a plain message, shown as a page (or as text for a
/// request that is not for a page).
struct Refusal: Error {
    var status: HTTPResponse.Status
    var title: String
    var message: String
    /// The page that puts it right, when one does.
    var link: (path: String, text: String)?

    static func notFound(_ what: String = "This page does not exist. Check the address, or go back to the dashboard.")
        -> Refusal
    {
        Refusal(status: .notFound, title: "Page not found", message: what)
    }

    static func role(_ needed: StaffRole) -> Refusal {
        Refusal(
            status: .forbidden, title: "You cannot do this",
            message: "This needs the \(needed.rawValue) role, or a higher one. Ask an admin if you need it.")
    }

    static let badToken = Refusal(
        status: .forbidden, title: "This form has expired",
        message: "The form was out of date or did not come from this site, so nothing was changed. Go back, "
            + "reload the page and try again.")

    static let otherSite = Refusal(
        status: .forbidden, title: "This request came from another site",
        message: "Changes can only be made from yswd's own pages, so nothing was changed.")

    static let signInNeeded = Refusal(
        status: .unauthorized, title: "Sign in first", message: "Sign in to do this. Nothing was changed.")
}
