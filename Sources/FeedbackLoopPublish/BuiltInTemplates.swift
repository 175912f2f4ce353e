// The built-in templates, as string literals so a copied binary needs no resource files.
// `yswd templates --out DIR` writes them out for an organisation to change.
//
// Staff texts (decisions, explanations) are shown as written under headings such as "What we did"
// and "What we will do", never after a label, so a text that begins "We will" is never doubled.
enum BuiltInTemplates {
    static let all: [String: String] = [
        "style": style, "easy-style": easyStyle, "letter-style": letterStyle, "large-print-style": largePrintStyle,
        "update.html": updateHTML, "update.easy-read": updateEasyRead, "update.large-print": updateLargePrint,
        "update.md": updateMarkdown,
        "update.txt": updateText,
        "followup-email.txt": followUpEmail, "followup-letter": followUpLetter,
        "followup-large-print": followUpLargePrint, "letter-body": letterBody, "letter-header": letterHeader,
        "followup-easy-read": followUpEasyRead, "followup-phone.txt": followUpPhone,
        "followup-text.txt": followUpText,
        "site-index": siteIndex, "site-update": siteUpdate,
    ].merging(Icons.all) { first, _ in first }

    /// The web page in large print (RNIB clear print: 18 pt in print, a plain sans-serif).
    static let updateLargePrint = updateHTML.replacingOccurrences(
        of: "{{> style}}\n", with: "{{> style}}\n{{> large-print-style}}\n"
    ).replacingOccurrences(of: "<title>You said, we did: ", with: "<title>Large print: you said, we did: ")

    static let updateHTML = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>You said, we did: {{title}}</title>
        <style>
        {{> style}}
        </style>
        </head>
        <body>
        <header>
        {{#organisation}}<p class="meta">{{organisation}}</p>{{/organisation}}
        <h1><span class="kicker">You said, we did</span> <span dir="auto">{{title}}</span></h1>
        <p class="meta">Published {{published}}{{#service}} · {{service}}{{/service}}</p>
        </header>
        <main>
        {{#hasChanges}}
        <section class="changes">
        <h2>What has changed since {{changedSince}}, and why</h2>
        <ul>
        {{#changes}}<li dir="auto">{{text}}{{#reason}}<br><strong>Why:</strong> {{reason}}{{/reason}}</li>
        {{/changes}}
        </ul>
        </section>
        {{/hasChanges}}
        <h2>What we asked, and why</h2>
        <p dir="auto">{{purpose}}</p>
        <p dir="auto"><strong>What your views could change:</strong> {{canInfluence}}</p>
        {{#hasWhen}}<p>{{when}}</p>{{/hasWhen}}
        {{#couldNotChange}}
        <h2>What could not change, and why</h2>
        <p dir="auto">{{couldNotChange}}</p>
        {{/couldNotChange}}
        <h2>Who took part</h2>
        <p>{{takingPartText}}</p>
        {{#hasMethods}}
        <ul>
        {{#methods}}<li>{{text}}: {{method}}</li>
        {{/methods}}
        </ul>
        {{/hasMethods}}
        <h2>What you said, and what we did</h2>
        {{#themes}}
        <section class="theme">
        <h3><span class="kicker">You said</span> <span dir="auto">{{youSaid}}</span></h3>
        <p class="meta">{{countText}}</p>
        {{#quotes}}<blockquote dir="auto"><p>“{{text}}”</p></blockquote>
        {{/quotes}}
        {{#hasDid}}
        <h4>What we did</h4>
        <ul>
        {{#did}}<li dir="auto">{{text}}{{#impact}}<br><strong>The difference it made:</strong> {{impact}}{{/impact}}</li>
        {{/did}}
        </ul>
        {{/hasDid}}
        {{#hasWill}}
        <h4>What we will do</h4>
        <ul>
        {{#will}}<li dir="auto">{{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}} <span class="status">Status: {{status}}</span></li>
        {{/will}}
        </ul>
        {{/hasWill}}
        {{#weDidNot}}
        <h4>{{heading}}</h4>
        <p dir="auto">{{because}}</p>
        {{#reason}}<p class="status">Reason: {{reason}}</p>{{/reason}}
        {{/weDidNot}}
        {{#pending}}<p>{{pendingText}}</p>{{/pending}}
        </section>
        {{/themes}}
        <h2>What happens next</h2>
        {{#unthemedText}}<p>{{unthemedText}}</p>{{/unthemedText}}
        {{#hasUnanswered}}

        <p>We have not yet answered:</p>
        <ul>
        {{#unanswered}}<li dir="auto">{{youSaid}}</li>
        {{/unanswered}}
        </ul>
        <p>{{answersDueText}}</p>
        {{/hasUnanswered}}
        {{#hasNextSteps}}
        <p>Still to do:</p>
        <ul>
        {{#nextSteps}}<li dir="auto">{{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}} <span class="status">Status: {{status}}</span></li>
        {{/nextSteps}}
        </ul>
        {{/hasNextSteps}}
        {{#allDone}}<p>Everything we said we would do is done.</p>{{/allDone}}
        {{#nextUpdate}}<p>Our next update will be by {{nextUpdate}}.</p>{{/nextUpdate}}
        </main>
        <footer>
        <h2>Questions</h2>
        <p dir="auto">Ask us: {{questions}}</p>
        <p class="meta">Reference {{ref}}</p>
        </footer>
        </body>
        </html>

        """

}
