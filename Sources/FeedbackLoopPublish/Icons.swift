/// The easy read pictures: small inline SVG icons, each with its text alternative, drawn in the
/// page's own colours so they print and need no external request. Each is a partial template
/// (`{{> icon-we-did}}`) an organisation can replace with its own.
enum Icons {
    static let all: [String: String] = [
        "icon-you-said": icon(
            "You said",
            ##"<path d="M8 10h32a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4H22l-9 8v-8H8a4 4 0 0 1-4-4V14a4 4 0 0 1 4-4z" "##
                + ##"fill="#e8f1fb" stroke="#005eb8" stroke-width="3"/><circle cx="16" cy="22" r="2.5" fill="#005eb8"/>"##
                + ##"<circle cx="24" cy="22" r="2.5" fill="#005eb8"/><circle cx="32" cy="22" r="2.5" fill="#005eb8"/>"##
        ),
        "icon-we-did": icon(
            "We did",
            ##"<circle cx="24" cy="24" r="20" fill="#e6f4ea" stroke="#007f3b" stroke-width="3"/>"##
                + ##"<path d="M14 25l7 7 13-15" fill="none" stroke="#007f3b" stroke-width="5" stroke-linecap="round" "##
                + ##"stroke-linejoin="round"/>"##),
        "icon-we-will": icon(
            "We will",
            ##"<circle cx="24" cy="24" r="20" fill="#e8f1fb" stroke="#005eb8" stroke-width="3"/>"##
                + ##"<path d="M14 24h18m-7-8 8 8-8 8" fill="none" stroke="#005eb8" stroke-width="5" "##
                + ##"stroke-linecap="round" stroke-linejoin="round"/>"##),
        "icon-we-did-not": icon(
            "We did not",
            ##"<circle cx="24" cy="24" r="20" fill="#fbeaea" stroke="#a4262c" stroke-width="3"/>"##
                + ##"<path d="M16 16l16 16M32 16 16 32" stroke="#a4262c" stroke-width="5" stroke-linecap="round"/>"##),
        "icon-question": icon(
            "Question",
            ##"<circle cx="24" cy="24" r="20" fill="#fff4d6" stroke="#6b4f00" stroke-width="3"/>"##
                + ##"<path d="M18 19a6 6 0 1 1 8 5.6c-1.4.6-2 1.5-2 3V30" fill="none" stroke="#6b4f00" "##
                + ##"stroke-width="4" stroke-linecap="round"/><circle cx="24" cy="36" r="2.6" fill="#6b4f00"/>"##),
        "icon-calendar": icon(
            "Calendar",
            ##"<rect x="6" y="10" width="36" height="32" rx="3" fill="#fff" stroke="#1b1b1b" stroke-width="3"/>"##
                + ##"<path d="M6 19h36M15 6v8M33 6v8" stroke="#1b1b1b" stroke-width="3" stroke-linecap="round"/>"##
                + ##"<rect x="13" y="25" width="7" height="6" fill="#005eb8"/>"##),
        "icon-people": icon(
            "People",
            ##"<circle cx="17" cy="16" r="6" fill="#005eb8"/><circle cx="33" cy="18" r="5" fill="#4c6272"/>"##
                + ##"<path d="M5 40c0-8 5-14 12-14s12 6 12 14z" fill="#005eb8"/>"##
                + ##"<path d="M27 40c0-6 2-11 6-12 5 0 10 5 10 12z" fill="#4c6272"/>"##),
    ]

    /// An icon: `role="img"` with the text alternative as its label and title.
    static func icon(_ label: String, _ shapes: String) -> String {
        ##"<svg class="icon" role="img" aria-label="{{#t}}\##(label){{/t}}" viewBox="0 0 48 48" width="72" "##
            + ##"height="72" focusable="false" xmlns="http://www.w3.org/2000/svg"><title>{{#t}}\##(label){{/t}}</title>"##
            + shapes + "</svg>"
    }
}
