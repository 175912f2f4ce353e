/// A way to put a refusal right, named once in the error and said by each front door in its own
/// words: the command line names a command (``commandLine``), the web app a page and a button.
public enum Remedy: Sendable, Hashable {
    case createDatabase
    case listActivities
    case listParticipants
    case listUsers
    case listContributions(activity: String?)
    case listThemeContributions(activity: String?, theme: String)
    case listUnthemed(activity: String)
    case listQuotes
    case updateActivity(String?)
    case updateParticipant(String?)
    case updateTheme(activity: String, key: String)
    case updateDecision(activity: String, key: String)
    case addTheme(activity: String)
    case addOrganisation(String)
    case updateOrganisation(String)
    case moveActivities(organisation: String)
    case changeRole(user: String)
    case resetUser(String)
    case eraseParticipant(String)
    case finishErasure(String)
    case showRendition(activity: String, number: Int, format: String)
    case publishNewUpdate
    case recordQuoteConsent(participant: String)
    case linkToTheme(theme: String)
    case unlinkWhenOutOfScope(themes: Int)
    case setPublicContact(activity: String)
    case setPostalAddress
    case explainTheme
    case publishEarly
    case allowFinding
    case recordUpdate(activity: String)
    case seeFollowUps(activity: String)
    case createThemes
    case giveEasyReadWording
    case generateAnyway

    /// The command line's words: a command to run or a flag to add.
    public var commandLine: String {
        switch self {
        case .createDatabase: "run `yswd init` to create one, or give --database PATH"
        case .listActivities: "`yswd activity list` shows the activities"
        case .listParticipants: "`yswd participant list` shows the participants"
        case .listUsers: "see them with `yswd user list`"
        case .listContributions(let activity): "`yswd contribution list \(activity ?? "ACTIVITY")` shows the numbers"
        case .listThemeContributions(let activity, let theme):
            "see which contributions are with `yswd contribution list \(activity ?? "ACTIVITY") --theme \(theme)`"
        case .listUnthemed(let activity): "`yswd contribution list \(activity) --unthemed` lists them"
        case .listQuotes: "see them with `yswd quote list`"
        case .updateActivity: "use `yswd activity update`"
        case .updateParticipant: "use `yswd participant update`"
        case .updateTheme: "use `yswd theme update`"
        case .updateDecision: "use `yswd decision update`"
        case .addTheme(let activity): "add them with `yswd theme add \(activity) KEY --said TEXT`"
        case .addOrganisation(let key): "add it with `yswd organisation add \(key) --name NAME --kind KIND`"
        case .updateOrganisation(let key): "`yswd organisation update \(key)`"
        case .moveActivities: "(yswd activity update REF --organisation KEY)"
        case .changeRole(let email): "change their role with `yswd user update \(email) --role ROLE`"
        case .resetUser(let email): "an admin can give them a new link with `yswd user reset \(email)`"
        case .eraseParticipant(let ref): "to erase them, run: yswd participant erase \(ref)"
        case .finishErasure(let ref): "run: yswd participant erase \(ref) --finish"
        case .showRendition(let activity, let number, let format):
            "see it with `yswd updates \(activity) --show \(number) --rendition \(format)`"
        case .publishNewUpdate: "publish a new update instead (without --add-to)"
        case .recordQuoteConsent(let participant):
            "record their consent with `yswd participant update \(participant) --may-quote` first"
        case .linkToTheme: "link it with `yswd theme link` first"
        case .unlinkWhenOutOfScope(let themes):
            "add --unlink to take it out of \(themes == 1 ? "that theme" : "those themes") as you mark it out of scope"
        case .setPublicContact(let activity):
            "set the team's with `yswd config set public-contact \"...\"` or this activity's with "
                + "`yswd activity update \(activity) --public-contact \"...\"`"
        case .setPostalAddress:
            "set it with `yswd config set postal-address \"Engagement team, 1 High Street, Coventry CV1 1AA\"`"
        case .explainTheme: "`yswd explain`"
        case .publishEarly: "pass --early to publish now"
        case .allowFinding: "after checking each one, pass --allow ID"
        case .recordUpdate(let activity): "yswd publish \(activity) --record"
        case .seeFollowUps(let activity): "run `yswd followups \(activity) --out DIR` to see who is"
        case .createThemes: "add --create-themes to create it"
        case .giveEasyReadWording: "give each text an --easy-read wording, or shorten it"
        case .generateAnyway:
            "generate into a new one (yswd init --database NEW.sqlite), or add --force to add synthetic data to this one"
        }
    }
}
