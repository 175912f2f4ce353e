import FeedbackLoop
import FeedbackLoopStore
import Foundation
import Hummingbird
import Mustache

/// The web app's pages: Mustache templates, parsed once, rendered with typed views and escaped for
/// HTML (``SafeHTML``: no value can carry a stray direction or control character). Every page shares the frame (`top`, `bottom`): the skip link, the header with who is signed
/// in, the navigation and the sign-out form.
enum Pages {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        MustacheContentTypes.register(SafeHTML(), named: SafeHTML.name)
        for (name, source) in WebTemplates.all {
            do {
                let safe = "{{% CONTENT_TYPE: \(SafeHTML.name) }}" + source
                library.register(try MustacheTemplate(string: safe), named: name)
            } catch {
                // The templates are constants every test renders: this is a defect, never a user's mistake.
                preconditionFailure("web template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// A page as a response.
    static func render(_ name: String, _ view: some Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: name) ?? ""
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Sends the browser on after a change (303 See Other), so reloading does not post again.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    /// Sends the browser on after a change, and says on the next page what the change did.
    static func redirect(_ path: String, saying notice: String, store: any RecordStore, context: StaffContext)
        async throws
        -> Response
    {
        if let session = context.session { try await store.setNotice(session: session.id, notice) }
        return redirect(path)
    }
}

/// What every page's frame shows. (Templates read stored properties only.)
struct Frame: Sendable {
    var title: String
    var signedIn: Bool
    var userName: String
    var userRole: String
    var csrf: String
    var isAdmin: Bool
    var isPublisher: Bool
    var inParticipants: Bool
    var inLoops: Bool
    var inActivities: Bool
    var inUsers: Bool
    var inHistory: Bool
    /// What the last change did, said once (a success banner).
    var notice: String?

    /// - Parameter section: the navigation item the page belongs to: loops, activities, participants or users.
    init(_ title: String, context: StaffContext, section: String = "", notice: String? = nil) {
        self.title = title
        signedIn = context.account != nil
        userName = context.account?.name ?? ""
        userRole = context.account?.role.rawValue ?? ""
        csrf = context.session?.csrfToken ?? ""
        isAdmin = context.account?.role.allows(.admin) ?? false
        isPublisher = context.account?.role.allows(.publisher) ?? false
        inParticipants = section == "participants"
        inLoops = section == "loops"
        inActivities = section == "activities"
        inUsers = section == "users"
        inHistory = section == "history"
        self.notice = notice ?? context.session?.notice
    }
}

/// A problem with one field of a form, shown in the error summary and beside the field.
struct FieldError: Sendable {
    var field: String
    var message: String
}

/// A page that only says something: a refusal, a missing page.
struct MessagePage: Sendable {
    var frame: Frame
    var heading: String
    var message: String
    var link: String?
    var linkText: String?
}

/// Page titles that tell one page of a list from another.
enum Titles {
    /// "Activities matching ‘gp’, page 2".
    static func listing(_ what: String, search: String = "", page: Int = 1) -> String {
        what + (search.isEmpty ? "" : " matching ‘\(search)’") + (page > 1 ? ", page \(page)" : "")
    }
}

/// One page of a long list: which rows it shows, and the links to the pages either side.
struct Pagination: Sendable {
    var previous: String?
    var next: String?
    var label: String
    /// The page shown, from 1.
    var number: Int
    /// The rows this page shows.
    var range: Range<Int>

    /// - Parameter link: the address of page N.
    init(count: Int, page requested: Int, size: Int, link: (Int) -> String) {
        let pages = max(1, (count + size - 1) / size)
        let page = min(max(1, requested), pages)
        previous = page > 1 ? link(page - 1) : nil
        next = page < pages ? link(page + 1) : nil
        label = "Page \(page) of \(pages)"
        number = page
        range = min(count, (page - 1) * size)..<min(count, page * size)
    }
}

/// How every value on a staff page is escaped: bidi-safe and with control characters written out
/// (``SafeText/display(_:)``), then escaped for HTML.
struct SafeHTML: MustacheContentType {
    static let name = "STAFF_HTML"

    func escapeText(_ text: String) -> String { SafeText.display(text).htmlEscaped }
}
