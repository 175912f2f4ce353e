import FeedbackLoop
import FeedbackLoopNotify
import FeedbackLoopStore
import Foundation
import Hummingbird

/// Admin only: who can sign in and what each may do, and the team's settings.
struct UserRoutes {
    let store: any RecordStore
    static let labels = ["email": "Email address", "name": "Name", "role": "Role", "key": "Setting", "value": "Value"]

    func add(to routes: Routes) {
        routes.page("/users", needs: .admin) { request, context, _ in
            return try await page(context, form: nil, errors: [], link: nil)
        }
        routes.change("/users", needs: .admin) { request, context, change in
            let (form, store, _) = change.parts
            var check = FormCheck(labels: Self.labels)
            let role = check.value("role") { try StaffRole.parse(form.typed("role"), field: .entry("role")) }
            if let role, check.isEmpty {
                do {
                    let link = try await store.addUser(email: form.typed("email"), name: form.typed("name"), role: role)
                    return try await page(context, form: nil, errors: [], link: (link, request))
                } catch let error as any UserFacingError {
                    check.note(error, default: "email")
                }
            }
            return try await page(context, form: form, errors: check.errors, link: nil)
        }
        routes.change("/users/change", needs: .admin) { request, context, change in
            let (form, store, account) = change.parts
            let email = form.typed("email")
            switch form.typed("action") {
            case "disable":
                guard email.lowercased() != account.email.lowercased() else {
                    throw Refusal(
                        status: .badRequest, title: "You cannot disable yourself",
                        message: "Ask another admin to do it.")
                }
                let user = try await store.users().first { $0.email.lowercased() == email.lowercased() }
                if let asked = ConfirmPage.unlessConfirmed(
                    form, context: context, caption: "Users and settings",
                    heading: "Disable \(user?.name ?? email)’s account?",
                    consequences: [
                        "They can no longer sign in, and any session they have open ends now.",
                        "What they recorded stays, under their name in history.",
                        "To let them back in, give them a new password link.",
                    ], action: "/users/change", button: "Disable the account", back: "/users",
                    section: "users")
                {
                    return asked
                }
                try await store.disableUser(email: email)
                return try await Pages.redirect(
                    "/users", saying: "\(user?.name ?? email)’s account is disabled.", store: store, context: context)
            case "reset":
                return try await page(
                    context, form: nil, errors: [], link: (try store.resetUser(email: email), request))
            default:
                let role = try StaffRole.parse(form.typed("role"), field: .entry("role"))
                _ = try await store.updateUser(email: email, role: role, name: nil)
            }
            return Pages.redirect("/users")
        }
        routes.change("/settings", needs: .admin) { request, context, change in
            let (form, store, _) = change.parts
            var check = FormCheck(labels: Self.labels)
            do {
                if let secret = NotifySecretName(rawValue: form.typed("key")) {
                    // A secret is never shown back: an empty box leaves it as it is.
                    let value = try NotifySecretValue.checked(secret.rawValue, form["value"] ?? "")
                    try await store.setNotifySecret(secret, value)
                    let label = UsersPage.settingWords[secret.rawValue]?.label ?? secret.rawValue
                    return try await Pages.redirect(
                        "/users#settings", saying: "\(label): saved (…\(value.suffix(4))).", store: store,
                        context: context)
                }
                let key = try TeamSettings.Key.parse(form.typed("key"))
                if let value = form["value"] {
                    _ = try await store.setSetting(key, to: value)
                } else {
                    _ = try await store.unsetSetting(key)
                }
                let label = UsersPage.settingWords[key.rawValue]?.label ?? key.rawValue
                return try await Pages.redirect(
                    "/users#settings", saying: "\(label): saved.", store: store, context: context)
            } catch let error as any UserFacingError {
                check.note(error, default: "value")
            }
            return try await page(context, form: form, errors: check.errors, link: nil)
        }
    }

    private func page(
        _ context: StaffContext, form: FormData?, errors: [FieldError], link: (PasswordLink, Request)?
    ) async throws -> Response {
        let settings = try await store.settings()
        var secrets: [String: String] = [:]
        for secret in NotifySecretName.allCases {
            secrets[secret.rawValue] = try await store.notifySecret(secret).map { "…" + $0.suffix(4) } ?? ""
        }
        let view = await UsersPage(
            frame: Frame("Users and settings", context: context, section: "users"), accounts: try store.users(),
            locks: try store.currentLocks(),
            settings: TeamSettings.Key.allCases.map { ($0.rawValue, settings.value(of: $0) ?? "") }
                + NotifySecretName.allCases.map { ($0.rawValue, secrets[$0.rawValue] ?? "") }, form: form,
            errors: errors, link: link.map { Self.address($0.0, request: $0.1) }, linkFor: link?.0.account.email)
        return Pages.render("users", view, status: errors.isEmpty ? .ok : .badRequest)
    }

    /// The link to set a password, on the address staff reached this server by.
    static func address(_ link: PasswordLink, request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1:8080"
        let scheme = SecurityHeaders.forwardedProto.flatMap { request.headers[$0] } == "https" ? "https" : "http"
        return "\(scheme)://\(host)/set-password/\(link.token)"
    }
}

struct UsersPage: Sendable {
    var frame: Frame
    var accounts: [Account]
    var settings: [Setting]
    var email: TextField
    var name: TextField
    var role: SelectField
    var link: String?
    var linkFor: String?
    var hasErrors: Bool
    var errors: [FieldError]

    struct Account: Sendable {
        var email: String
        var name: String
        var role: String
        var state: String
        var roles: [Choice]
    }

    struct Setting: Sendable {
        var key: String
        var label: String
        var hint: String
        var value: String
        var id: String
        /// A secret: typed into a password box, never shown; `value` is its last four characters.
        var secret = false
        var isSet = false
    }

    /// Whether the account can sign in, and any lock on it now after failed sign-ins.
    static func state(_ account: StaffAccount, locks: [AccountLockRecord]) -> String {
        let state = account.isDisabled ? "Disabled" : account.hasPassword ? "Can sign in" : "Has not set a password"
        let locked = locks.map { lock in
            let from = lock.address.map { $0.isEmpty ? "" : " from \(SignInRoutes.shown($0))" } ?? ""
            return "Locked\(from) until \(SignInRoutes.time(lock.lockedUntil)) after failed sign-ins"
        }
        return ([state] + locked).joined(separator: ". ")
    }

    /// Each setting in words: its name, and what it does.
    static let settingWords: [String: (label: String, hint: String)] = [
        "feedback-weeks": (
            "Weeks to hear back",
            "When an activity promises no date, people are owed an answer this many weeks after it closes."
        ),
        "due-soon-days": (
            "Days before ‘due soon’", "A loop shows as due soon this many days before its answer is due."
        ),
        "reopen-days": (
            "Days to answer again",
            "When a published answer changes, people are owed an updated answer within this many days."
        ),
        "min-window-days": (
            "Shortest time to take part, in days", "An activity open for less time than this is flagged as too short."
        ),
        "timezone": ("Time zone", "Days are counted in this time zone, such as Europe/London."),
        "organisation": ("Organisation’s name", "As updates, letters and the yearly report show it."),
        "public-contact": (
            "Public contact",
            "Where people can ask questions when an activity names no contact of its own. It is published."
        ),
        "postal-address": (
            "Postal address", "The return address on letters. Needed before any follow-up goes by post."
        ),
        "public-url": (
            "Public web address", "Where the public site is published, so follow-ups can link to each update."
        ),
        "default-organisation": (
            "Default organisation", "The short name of the organisation a new activity belongs to when none is chosen."
        ),
        "session-idle-minutes": ("Minutes idle before signing out", "From 5 to 480."),
        "session-hours": ("Hours a sign-in lasts", "From 1 to 72, used or not."),
        "notify-api-key": (
            "GOV.UK Notify API key",
            "From Notify’s API integration page. Kept secret: it is never shown again, only its last 4 characters."
        ),
        "notify-callback-token": (
            "Notify receipts token", "The bearer token you gave Notify for delivery receipts. Kept secret."
        ),
        "notify-email-template": ("Notify email template", "The template’s id, from its page in Notify."),
        "notify-sms-template": ("Notify text message template", "The template’s id, from its page in Notify."),
        "notify-letter-template": ("Notify letter template", "The template’s id, from its page in Notify."),
        "notify-base-url": ("Notify’s web address", "Notify’s API. Change it only to try a test Notify."),
        "notify-rate-limit": ("Notify requests a minute", "Sending keeps under this: Notify’s limit is 3,000."),
        "notify-callback-path": (
            "Notify receipts path", "Where this server takes Notify’s delivery receipts. Takes effect on restart."
        ),
        "site-folder": (
            "Site folder on the server", "Where ‘Build the site’ writes the public site, such as /srv/yswd/site."
        ),
    ]

    init(
        frame: Frame, accounts: [StaffAccount], locks: [Int64: [AccountLockRecord]] = [:], settings: [(String, String)],
        form: FormData?, errors: [FieldError], link: String?, linkFor: String?
    ) {
        self.frame = frame
        self.accounts = accounts.map { account in
            Account(
                email: account.email, name: account.name, role: account.role.rawValue,
                state: Self.state(account, locks: account.id.flatMap { locks[$0] } ?? []),
                roles: StaffRole.allCases.map {
                    Choice(value: $0.rawValue, label: $0.rawValue.readable, selected: $0 == account.role)
                })
        }
        self.settings = settings.map {
            let words = Self.settingWords[$0.0] ?? (label: $0.0, hint: "")
            guard NotifySecretName(rawValue: $0.0) != nil else {
                return Setting(key: $0.0, label: words.label, hint: words.hint, value: $0.1, id: "setting-" + $0.0)
            }
            var setting = Setting(
                key: $0.0, label: words.label,
                hint: words.hint + ($0.1.isEmpty ? " Not set." : " Set: it ends \($0.1)."), value: "",
                id: "setting-" + $0.0)
            setting.secret = true
            return setting
        }
        email = TextField("email", "Email address", form: form, errors: errors)
        email.kind = "email"
        name = TextField(
            "name", "Name", hint: "As it appears as the lead of the activities they lead.", form: form, errors: errors)
        role = SelectField(
            "role", "Role", choices: StaffRole.allCases.map { ($0.rawValue, $0.rawValue.readable) }, form: form,
            errors: errors)
        self.link = link
        self.linkFor = linkFor
        hasErrors = !errors.isEmpty
        self.errors = errors
    }
}
