import FeedbackLoop
import Foundation

/// What the site's index template shows.
struct SiteIndexPage {
    var lang = MessageCatalogue.current.language.code
    var rtl = MessageCatalogue.current.language.isRightToLeft
    struct Service {
        var service: String
        var updates: [Link]
    }

    struct Link {
        var title: String
        var href: String
        var published: String
        var easyRead: Bool
        var earlier: [Earlier]
        var hasEarlier: Bool
        var renditions: [SiteBuilder.RenditionLink] = []
        var hasRenditions = false
    }

    struct Earlier {
        var number: Int
        var href: String
        var published: String
    }

    var services: [Service]
    var organisation: String?
    var feedHref = "feed.atom"
    var jsonHref = "data/updates.json"
    var csvHref = "data/updates.csv"
}

/// What the site's page for an update published as text, Markdown or open data shows.
struct SiteUpdatePage {
    var lang = MessageCatalogue.current.language.code
    var rtl = MessageCatalogue.current.language.isRightToLeft
    var title: String
    var published: String
    var text: String
    var indexHref: String
    var rawHref: String
    var replaced: SiteBuilder.Replaced?
}
