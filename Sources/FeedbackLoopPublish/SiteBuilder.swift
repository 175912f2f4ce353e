import FeedbackLoop
import Foundation

/// Builds the static "you said, we did" website from every recorded update: an index grouped by
/// service with each activity's latest update (newest first, earlier ones linked from it), a page
/// per update, the open data, and an Atom feed. A replaced update stays published (it was said),
/// with a notice at the top saying when it was replaced and linking to the latest.
///
/// Links are relative, so the site works from `file://` and from any web server; with a base URL
/// the feed's links are absolute.
public struct SiteBuilder: Sendable {
    public var templates: TemplateSet
    public var organisation: String?
    public var baseURL: String?
    /// Principle 7's figures by activity ref, published as `data/follow-ups.json`: counts only, never who.
    public var followUps: [String: FollowUpFigures] = [:]

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
        let byActivity = Dictionary(grouping: updates, by: \.activityRef).mapValues {
            $0.sorted { $0.number < $1.number }
        }
        for update in newest {
            let page = Self.pagePath(update)
            let versions = byActivity[update.activityRef] ?? []
            let replacement = versions.first { $0.number > update.number }
            let latest = versions.last
            var notice: Replaced?
            if let replacement, let latest {
                notice = Replaced(on: UpdateView.spoken(replacement.published), latestHref: "\(Self.slug(latest)).html")
            }
            // Each further rendition of the update beside its page, linked from it and from the index.
            let others = Self.otherRenditions(update)
            for (rendition, path) in others {
                let isPage = PublishFormat(rawValue: rendition.format)?.isHTML == true
                files[path] = isPage ? Self.insert(notice, others: [], into: rendition.bytes) : rendition.bytes
            }
            let links = others.map { Self.link($0.0, href: String($0.1.dropFirst(8))) }
            if PublishFormat(rawValue: update.format)?.isHTML == true {
                files[page] = Self.insert(notice, others: links, into: update.bytes)
            } else {
                let raw =
                    "updates/\(Self.slug(update)).\(PublishFormat(rawValue: update.format)?.fileExtension ?? "txt")"
                files[raw] = update.bytes
                let view = SiteUpdatePage(
                    title: update.activityTitle, published: UpdateView.spoken(update.published),
                    text: String(decoding: update.bytes, as: UTF8.self), indexHref: "../index.html",
                    rawHref: String(raw.dropFirst("updates/".count)), replaced: notice)
                files[page] = Data(templates.render("site-update", view).utf8)
            }
        }
        var groups: [(service: String, updates: [PublishedUpdate])] = []
        for update in newest where byActivity[update.activityRef]?.last?.number == update.number {
            let service = update.service ?? t("Other services")
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
                        let earlier = (byActivity[update.activityRef] ?? []).filter { $0.number < update.number }
                            .reversed().map {
                                SiteIndexPage.Earlier(
                                    number: $0.number, href: Self.pagePath($0),
                                    published: UpdateView.spoken($0.published))
                            }
                        let renditions = Self.otherRenditions(update).map {
                            Self.link($0.0, href: $0.1)
                        }
                        return SiteIndexPage.Link(
                            title: update.activityTitle, href: Self.pagePath(update),
                            published: UpdateView.spoken(update.published),
                            easyRead: update.format == PublishFormat.easyRead.rawValue, earlier: Array(earlier),
                            hasEarlier: !earlier.isEmpty, renditions: renditions, hasRenditions: !renditions.isEmpty)
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
        if !followUps.isEmpty { files["data/follow-ups.json"] = Self.followUpsJSON(followUps) }
        files["feed.atom"] = Data(feed(Array(zip(newest, entries.map(\.content)))).utf8)
        return files
    }

    /// `data/follow-ups.json`: for each activity given any follow-up, by ref, the follow-ups confirmed
    /// delivered by channel, on the way, failed (by what happened), marked sent by hand (not confirmed),
    /// and the people still owed one.
    static func followUpsJSON(_ figures: [String: FollowUpFigures]) -> Data {
        struct Entry: Encodable {
            var activityRef: String
            var delivered: [String: Int]
            var onTheirWay: Int
            var failed: [String: Int]
            var sentByHandNotConfirmed: Int
            var stillOwed: Int?
        }
        let entries = figures.sorted { $0.key < $1.key }.map {
            Entry(
                activityRef: $0.key, delivered: $0.value.told, onTheirWay: $0.value.onTheirWay, failed: $0.value.failed,
                sentByHandNotConfirmed: $0.value.sentByHand, stillOwed: $0.value.owed)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)) ?? Data("[]".utf8)
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

    /// The Atom feed: each update with its open data (for what changed), newest first.
    private func feed(_ updates: [(PublishedUpdate, UpdateContent?)]) -> String {
        let x = Escape.html
        let base = baseURL ?? ""
        let title = t("You said, we did") + (organisation.map { ": \($0)" } ?? "")
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(x(title))</title>
            <id>\(x(baseURL.map { $0 + "feed.atom" } ?? "urn:yswd:feed"))</id>
            <updated>\(updates.first?.0.recordedAt ?? "1970-01-01T00:00:00.000Z")</updated>
            <link rel="alternate" type="text/html" href="\(x(base))index.html"/>
            <link rel="self" type="application/atom+xml" href="\(x(base))feed.atom"/>
            <author><name>\(x(organisation ?? "yswd"))</name></author>

            """
        for (update, content) in updates {
            out += """
                <entry>
                <title>\(x(t("{{title}} (update {{number}})", ["title": update.activityTitle, "number": String(update.number)])))</title>
                <id>urn:sha256:\(update.sha256)</id>
                <updated>\(update.redactedAt ?? update.recordedAt)</updated>
                <published>\(update.recordedAt)</published>
                <link rel="alternate" type="text/html" href="\(x(base + Self.pagePath(update)))"/>
                <summary>\(x(Self.summary(update, content)))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    /// A feed entry's summary: for an update after the first, what changed.
    static func summary(_ update: PublishedUpdate, _ content: UpdateContent?) -> String {
        var summary = t(
            "You said, we did: {{title}}, published {{date}}.",
            ["title": update.activityTitle, "date": UpdateView.spoken(update.published)])
        if let changes = content?.changes, !changes.isEmpty,
            let since = content?.changedSince.flatMap(UpdateView.spoken)
        {
            summary +=
                " " + t("What has changed since {{date}}:", ["date": since]) + " "
                + changes.map { UpdateView.changeLine($0).text }.joined(separator: " ")
        }
        return summary
    }

    /// The notice a replaced update's page carries at the top.
    struct Replaced {
        var on: String
        var latestHref: String
    }

    /// A published page with the replaced notice, and links to the update's other renditions,
    /// inserted at the start of its body; the rest is kept byte for byte.
    static func insert(_ notice: Replaced?, others: [RenditionLink], into page: Data) -> Data {
        guard notice != nil || !others.isEmpty else { return page }
        let text = String(decoding: page, as: UTF8.self)
        guard let body = text.range(of: "<body"), let end = text[body.upperBound...].firstIndex(of: ">") else {
            return page
        }
        let x = Escape.html
        var banner = ""
        if let notice {
            banner +=
                "\n<div class=\"replaced\" role=\"note\" style=\"background:#fff4d6;color:#1b1b1b;"
                + "border-inline-start:.35rem solid #6b4f00;padding:.5rem 1rem;margin:0 0 1rem\"><p><strong>"
                + x(t("This update was replaced on {{on}}.", ["on": notice.on]))
                + "</strong> <a href=\"\(x(notice.latestHref))\" style=\"color:#0b4f9c\">"
                + x(t("Read the latest update")) + "</a></p></div>"
        }
        if !others.isEmpty {
            banner +=
                "\n<nav class=\"renditions\" aria-label=\"\(x(t("Other versions")))\" style=\"margin:0 0 1rem\"><p>"
                + x(t("This update is also in:")) + " "
                + others.map {
                    "<a href=\"\(x($0.href))\"\($0.language.map { " hreflang=\"\(x($0))\"" } ?? "")"
                        + " style=\"color:#0b4f9c\">\(x($0.label))</a>"
                }
                .joined(separator: ", ") + ".</p></nav>"
        }
        let index = text.index(after: end)
        return Data((String(text[..<index]) + banner + String(text[index...])).utf8)
    }

    /// A further rendition's link: what it is, and where it is.
    struct RenditionLink {
        var label: String
        var href: String
        /// The rendition's language, when it is not the source language's.
        var language: String? = nil
    }

    /// Each rendition after the update's first, with its path in the site: `updates/GP-1.easy-read.html`,
    /// `updates/GP-1.md`; the web page, when it is not the first, `updates/GP-1.web.html`.
    static func otherRenditions(_ update: PublishedUpdate) -> [(Rendition, String)] {
        update.renditions.dropFirst().map { rendition in
            let format = PublishFormat(rawValue: rendition.format)
            let language = rendition.language == "en" ? "" : ".\(FollowUpRenderer.safeName(rendition.language))"
            let ext = format == .html ? "web.html" : format?.fileExtension ?? "txt"
            return (rendition, "updates/\(slug(update))\(language).\(ext)")
        }
    }

    /// A link to a rendition: its format, and its language when it is not the source's ("web page
    /// (Cymraeg / English)"), with `hreflang`.
    static func link(_ rendition: Rendition, href: String) -> RenditionLink {
        guard rendition.language != "en" else { return RenditionLink(label: label(rendition.format), href: href) }
        let tags = rendition.language.split(separator: "+").compactMap { try? LanguageTag(parsing: String($0)) }
        let names = tags.map(\.ownName).joined(separator: " / ")
        return RenditionLink(
            label: label(rendition.format) + (names.isEmpty ? "" : " (\(names))"), href: href,
            language: tags.first?.code)
    }

    /// A rendition's name, for a link.
    static func label(_ format: String) -> String {
        switch PublishFormat(rawValue: format) {
        case .html?: t("web page")
        case .easyRead?: t("easy read")
        case .largePrint?: t("large print")
        case .md?: t("Markdown")
        case .txt?: t("plain text")
        case .json?: t("open data (JSON)")
        case .csv?: t("open data (CSV)")
        case nil: format
        }
    }

    static func slug(_ update: PublishedUpdate) -> String {
        "\(FollowUpRenderer.safeName(update.activityRef))-\(update.number)"
    }

    /// Where an update's page sits in the site, relative to its folder.
    public static func pagePath(_ update: PublishedUpdate) -> String { "updates/\(slug(update)).html" }
}
