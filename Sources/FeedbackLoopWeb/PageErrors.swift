import FeedbackLoop
import Hummingbird

/// Turns refusals into pages: a page asked for without a session goes to sign in (303); a refusal
/// shows its message with its status; a record or store problem no form showed reads as the command
/// line's sentence (400); an unknown address shows the 404 page.
struct PageErrors: RouterMiddleware {
    typealias Context = StaffContext

    func handle(_ request: Request, context: StaffContext, next: (Request, StaffContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let redirect as SignInRedirect {
            let next = redirect.returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return Pages.redirect("/sign-in?next=\(next)")
        } catch let refusal as Refusal {
            return page(refusal, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return page(.notFound(), context: context)
        } catch let error as any UserFacingError {
            // A refusal the route did not show on its own form: the same sentence the command line prints.
            let (text, link) = WebRemedy.message(error)
            var refusal = Refusal(status: .badRequest, title: "That could not be done", message: text + ".")
            refusal.link = link
            return page(refusal, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return page(
                Refusal(
                    status: .contentTooLarge, title: "That is too large",
                    message: "What was sent is larger than this service accepts, so nothing was changed."),
                context: context)
        } catch let error as HTTPError {
            return page(
                Refusal(
                    status: error.status, title: "That could not be done",
                    message: "What was sent could not be read, so nothing was changed."),
                context: context)
        }
    }

    private func page(_ refusal: Refusal, context: StaffContext) -> Response {
        Pages.render(
            "message",
            MessagePage(
                frame: Frame(refusal.title, context: context), heading: refusal.title, message: refusal.message,
                link: refusal.link?.path, linkText: refusal.link?.text),
            status: refusal.status)
    }
}
