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
    ).replacingOccurrences(
        of: "<title>{{#t}}You said, we did: {{title}}{{/t}}</title>",
        with: "<title>{{#t}}Large print: you said, we did: {{title}}{{/t}}</title>")

    static let updateHTML = """
        <!DOCTYPE html>
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}You said, we did: {{title}}{{/t}}</title>
        <style>
        {{> style}}
        </style>
        </head>
        <body>
        <header>
        <!--yswd:section-->
        {{#organisation}}<p class="meta">{{organisation}}</p>{{/organisation}}
        <h1><span class="kicker">{{#t}}You said, we did{{/t}}</span> <span dir="auto">{{title}}</span></h1>
        <p class="meta">{{#t}}Published {{published}}{{/t}}{{#service}} · {{service}}{{/service}}</p>{{#untranslated}}
        <p class="meta">{{untranslated}}</p>{{/untranslated}}
        <!--/yswd:section-->
        </header>
        <main>
        {{#hasChanges}}
        <!--yswd:section-->
        <section class="changes">
        <h2>{{#t}}What has changed since {{changedSince}}, and why{{/t}}</h2>
        <ul>
        {{#changes}}<li dir="auto">{{text}}{{#reason}}<br><strong>{{#t}}Why:{{/t}}</strong> {{reason}}{{/reason}}</li>
        {{/changes}}
        </ul>
        </section>
        <!--/yswd:section-->
        {{/hasChanges}}
        <!--yswd:section-->
        <h2>{{#t}}What we asked, and why{{/t}}</h2>
        <p dir="auto">{{purpose}}</p>
        <p dir="auto"><strong>{{#t}}What your views could change:{{/t}}</strong> {{canInfluence}}</p>
        {{#hasWhen}}<p>{{when}}</p>{{/hasWhen}}
        <!--/yswd:section-->
        {{#couldNotChange}}
        <!--yswd:section-->
        <h2>{{#t}}What could not change, and why{{/t}}</h2>
        <p dir="auto">{{couldNotChange}}</p>
        <!--/yswd:section-->
        {{/couldNotChange}}
        <!--yswd:section-->
        <h2>{{#t}}Who took part{{/t}}</h2>
        <p>{{takingPartText}}</p>
        {{#hasMethods}}
        <ul>
        {{#methods}}<li>{{text}}: {{method}}</li>
        {{/methods}}
        </ul>
        {{/hasMethods}}
        <!--/yswd:section-->
        <!--yswd:section-->
        <h2>{{#t}}What you said, and what we did{{/t}}</h2>
        <!--/yswd:section-->
        {{#themes}}
        <!--yswd:section-->
        <section class="theme">
        <h3><span class="kicker">{{#t}}You said{{/t}}</span> <span dir="auto">{{youSaid}}</span></h3>
        <p class="meta">{{countText}}</p>
        {{#quotes}}<blockquote dir="auto"><p>“{{text}}”</p>{{#translation}}<p>{{#t}}Translation: “{{translation}}”{{/t}}</p>{{/translation}}</blockquote>
        {{/quotes}}
        {{#hasDid}}
        <h4>{{#t}}What we did{{/t}}</h4>
        <ul>
        {{#did}}<li dir="auto">{{text}}{{#impact}}<br><strong>{{#t}}The difference it made:{{/t}}</strong> {{impact}}{{/impact}}</li>
        {{/did}}
        </ul>
        {{/hasDid}}
        {{#hasWill}}
        <h4>{{#t}}What we will do{{/t}}</h4>
        <ul>
        {{#will}}<li dir="auto">{{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}} <span class="status">{{#t}}Status: {{status}}{{/t}}</span></li>
        {{/will}}
        </ul>
        {{/hasWill}}
        {{#weDidNot}}
        <h4>{{heading}}</h4>
        <p dir="auto">{{because}}</p>
        {{#reason}}<p class="status">{{#t}}Reason: {{reason}}{{/t}}</p>{{/reason}}
        {{/weDidNot}}
        {{#pending}}<p>{{pendingText}}</p>{{/pending}}
        </section>
        <!--/yswd:section-->
        {{/themes}}
        <!--yswd:section-->
        <h2>{{#t}}What happens next{{/t}}</h2>
        {{#unthemedText}}<p>{{unthemedText}}</p>{{/unthemedText}}
        {{#hasUnanswered}}

        <p>{{#t}}We have not yet answered:{{/t}}</p>
        <ul>
        {{#unanswered}}<li dir="auto">{{youSaid}}</li>
        {{/unanswered}}
        </ul>
        <p>{{answersDueText}}</p>
        {{/hasUnanswered}}
        {{#hasNextSteps}}
        <p>{{#t}}Still to do:{{/t}}</p>
        <ul>
        {{#nextSteps}}<li dir="auto">{{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}} <span class="status">{{#t}}Status: {{status}}{{/t}}</span></li>
        {{/nextSteps}}
        </ul>
        {{/hasNextSteps}}
        {{#allDone}}<p>{{#t}}Everything we said we would do is done.{{/t}}</p>{{/allDone}}
        {{#nextUpdate}}<p>{{#t}}Our next update will be by {{nextUpdate}}.{{/t}}</p>{{/nextUpdate}}
        <!--/yswd:section-->
        </main>
        <footer>
        <!--yswd:section-->
        <h2>{{#t}}Questions{{/t}}</h2>
        <p dir="auto">{{#t}}Ask us: {{questions}}{{/t}}</p>
        <p class="meta">{{#t}}Reference {{ref}}{{/t}}</p>
        <!--/yswd:section-->
        </footer>
        </body>
        </html>

        """

}
