import FeedbackLoop
import Foundation

/// Builds the static "you said, we did" website from every recorded update: an index grouped by
/// service (newest first), a page per update, the open data, and an Atom feed.
///
/// Links are relative, so the site works from `file://` and from any web server; with a base URL
/// the feed's links are absolute.
public struct SiteBuilder: Sendable {
    public var templates: TemplateSet
    public var organisation: String?
    public var baseURL: String?

    /// The templates a site template folder must hold.
    public static let requiredTemplates = ["site-index", "site-update"]

    public init(templates: TemplateSet = .builtIn, organisation: String? = nil, baseURL: String? = nil) {
        self.templates = templates
        self.organisation = organisation
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The site's files, by path relative to its folder.
    public func build(_ updates: [PublishedUpdate]) -> [String: Data] {
        let newest = updates.sorted {
            ($0.recordedAt, $0.activityRef, $0.number) > ($1.recordedAt, $1.activityRef, $1.number)
        }
        var files: [String: Data] = [:]
        for update in newest {
            let page = Self.pagePath(update)
            if update.format == PublishFormat.html.rawValue || update.format == PublishFormat.easyRead.rawValue {
                files[page] = update.bytes
            } else {
                let raw =
                    "updates/\(Self.slug(update)).\(PublishFormat(rawValue: update.format)?.fileExtension ?? "txt")"
                files[raw] = update.bytes
                let view = SiteUpdatePage(
                    title: update.activityTitle, published: update.published.spoken,
                    text: String(decoding: update.bytes, as: UTF8.self), indexHref: "../index.html",
                    rawHref: String(raw.dropFirst("updates/".count)))
                files[page] = Data(templates.render("site-update", view).utf8)
            }
        }
        var groups: [(service: String, updates: [PublishedUpdate])] = []
        for update in newest {
            let service = update.service ?? "Other services"
            if let index = groups.firstIndex(where: { $0.service == service }) {
                groups[index].updates.append(update)
            } else {
                groups.append((service, [update]))
            }
        }
        let index = SiteIndexPage(
            services: groups.map { group in
                SiteIndexPage.Service(
                    service: group.service,
                    updates: group.updates.map { update in
                        SiteIndexPage.Link(
                            title: update.activityTitle, href: Self.pagePath(update),
                            published: update.published.spoken,
                            easyRead: update.format == PublishFormat.easyRead.rawValue)
                    })
            }, organisation: organisation)
        files["index.html"] = Data(templates.render("site-index", index).utf8)
        let entries = newest.map { update in
            OpenDataEntry(
                activityRef: update.activityRef, number: update.number, published: update.published.description,
                format: update.format, sha256: update.sha256, redacted: update.redactedAt != nil,
                page: Self.pagePath(update), content: try? JSONDecoder().decode(UpdateContent.self, from: update.data))
        }
        files["data/updates.csv"] = Data(UpdateRenderer.csv(entries.compactMap(\.content)).utf8)
        files["data/updates.json"] = UpdateRenderer.json(entries)
        files["feed.atom"] = Data(feed(newest).utf8)
        return files
    }

    /// One entry of the site's `data/updates.json`.
    struct OpenDataEntry: Encodable {
        var activityRef: String
        var number: Int
        var published: String
        var format: String
        var sha256: String
        var redacted: Bool
        var page: String
        var content: UpdateContent?
    }

    private func feed(_ updates: [PublishedUpdate]) -> String {
        let x = Escape.html
        let base = baseURL ?? ""
        let title = "You said, we did" + (organisation.map { ": \($0)" } ?? "")
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(x(title))</title>
            <id>\(x(baseURL.map { $0 + "feed.atom" } ?? "urn:yswd:feed"))</id>
            <updated>\(updates.first?.recordedAt ?? "1970-01-01T00:00:00.000Z")</updated>
            <link rel="alternate" type="text/html" href="\(x(base))index.html"/>
            <link rel="self" type="application/atom+xml" href="\(x(base))feed.atom"/>
            <author><name>\(x(organisation ?? "yswd"))</name></author>

            """
        for update in updates {
            out += """
                <entry>
                <title>\(x(update.activityTitle)) (update \(update.number))</title>
                <id>urn:sha256:\(update.sha256)</id>
                <updated>\(update.redactedAt ?? update.recordedAt)</updated>
                <published>\(update.recordedAt)</published>
                <link rel="alternate" type="text/html" href="\(x(base + Self.pagePath(update)))"/>
                <summary>You said, we did: \(x(update.activityTitle)), published \(update.published.spoken).</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    static func slug(_ update: PublishedUpdate) -> String {
        "\(FollowUpRenderer.safeName(update.activityRef))-\(update.number)"
    }

    /// Where an update's page sits in the site, relative to its folder.
    public static func pagePath(_ update: PublishedUpdate) -> String { "updates/\(slug(update)).html" }
}

/// What the site's index template shows.
struct SiteIndexPage {
    struct Service {
        var service: String
        var updates: [Link]
    }

    struct Link {
        var title: String
        var href: String
        var published: String
        var easyRead: Bool
    }

    var services: [Service]
    var organisation: String?
    var feedHref = "feed.atom"
    var jsonHref = "data/updates.json"
    var csvHref = "data/updates.csv"
}

/// What the site's page for an update published as text, Markdown or open data shows.
struct SiteUpdatePage {
    var title: String
    var published: String
    var text: String
    var indexHref: String
    var rawHref: String
}
