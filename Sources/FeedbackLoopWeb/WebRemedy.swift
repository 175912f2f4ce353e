import FeedbackLoop

/// The web app's words for each way to put a refusal right: the page or field to use, never a
/// command (the command line has its own words for the same ``Remedy``).
enum WebRemedy {
    static func words(_ remedy: Remedy) -> String {
        switch remedy {
        case .createDatabase: "ask the person who runs this service to check where its database is"
        case .listActivities: "the Activities page lists them"
        case .listParticipants: "the Participants page lists them"
        case .listUsers: "the Users page lists them"
        case .listContributions: "the activity’s contributions page lists them with their numbers"
        case .listThemeContributions(_, let theme): "the theme \(theme)’s page lists its contributions"
        case .listUnthemed: "the theming page lists them"
        case .listQuotes: "each theme’s page shows its chosen quotes"
        case .updateActivity: "change the existing one from its page"
        case .updateParticipant: "change the existing one on the Participants page"
        case .updateTheme: "change the existing one from its page"
        case .updateDecision: "change the existing one from its page"
        case .addTheme: "add them on the activity’s page"
        case .addOrganisation: "add it on the Organisations page first"
        case .updateOrganisation: "change the existing one on the Organisations page"
        case .moveActivities: "(choose another organisation on each activity’s ‘Change the activity’ page)"
        case .changeRole: "change their role on the Users page"
        case .resetUser: "an admin can give them a new link on the Users page"
        case .eraseParticipant: "erase them first"
        case .finishErasure: "erase them again when nothing else is using the database"
        case .showRendition: "it is listed with the update"
        case .publishNewUpdate: "publish a new update instead (untick ‘Add these formats’)"
        case .recordQuoteConsent: "record their agreement to be quoted on the Participants page first"
        case .linkToTheme: "link it to the theme on the theming page first"
        case .unlinkWhenOutOfScope: "take it out of its themes on the theming page first"
        case .setPublicContact: "add a public contact on the activity’s ‘Change the activity’ page"
        case .setPostalAddress: "an admin can set the team’s postal address under Settings on the Users page"
        case .explainTheme: "an explanation of why not"
        case .publishEarly: "tick ‘Publish early’ to publish now"
        case .allowFinding: "tick each one you have checked and that may be published"
        case .recordUpdate: "publish one first"
        case .seeFollowUps: "the activity’s follow-ups page lists who is"
        case .createThemes: "tick ‘Create themes the file names’ to create it"
        case .giveEasyReadWording: "give each text an easy read wording, or shorten it"
        case .generateAnyway: "synthetic data goes into a new database"
        }
    }

    /// Where the web app puts it right, when one page does.
    static func link(_ remedy: Remedy) -> (path: String, text: String)? {
        switch remedy {
        case .listActivities: ("/activities", "See the activities")
        case .listParticipants, .updateParticipant, .recordQuoteConsent: ("/participants", "Go to the participants")
        case .listUsers, .changeRole, .resetUser, .setPostalAddress: ("/users", "Go to users and settings")
        case .listContributions(let activity?): (Paths.activity(activity) + "/contributions", "See the contributions")
        case .listUnthemed(let activity): (Paths.activity(activity) + "/theming", "Go to theming")
        case .addTheme(let activity): (Paths.activity(activity) + "/themes", "Add a theme")
        case .setPublicContact(let activity):
            (Paths.activity(activity) + "/edit#public-contact", "Add the activity’s public contact")
        case .addOrganisation, .updateOrganisation: ("/organisations", "Go to the organisations")
        default: nil
        }
    }

    /// A refusal as the web app says it: labels for fields, pages for remedies; and the link that
    /// puts it right, when there is one.
    static func message(_ error: any UserFacingError, labels: [String: String] = [:]) -> (
        text: String, link: (path: String, text: String)?
    ) {
        var link: (path: String, text: String)?
        let text = error.message(
            naming: { labels[$0.name] ?? $0.name.readable.lowercased() },
            fixing: { remedy in
                if link == nil { link = Self.link(remedy) }
                return words(remedy)
            })
        return (text.capitalisedFirst, link)
    }
}
