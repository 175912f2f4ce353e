// The built-in templates, as string literals so a copied binary needs no resource files.
// `yswd templates --out DIR` writes them out for an organisation to change.
enum BuiltInTemplates {
    static let all: [String: String] = [
        "style": style, "easy-style": easyStyle,
        "update.html": updateHTML, "update.easy-read": updateEasyRead, "update.md": updateMarkdown,
        "update.txt": updateText,
        "followup-email.txt": followUpEmail, "followup-letter": followUpLetter,
        "followup-easy-read": followUpEasyRead, "followup-phone.txt": followUpPhone,
        "site-index": siteIndex, "site-update": siteUpdate,
    ]

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;\
        line-height:1.6;color:#1b1b1b;background:#fff;margin:0 auto;max-width:44rem;padding:1rem 1.25rem}
        h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.45rem;margin-top:2rem}h3{font-size:1.2rem}
        .kicker{display:block;font-size:1rem;font-weight:600;color:#3b3b3b}
        .theme{border-left:.35rem solid #005eb8;padding:.1rem 0 .1rem 1rem;margin:1.5rem 0}
        blockquote{margin:.75rem 0;padding-left:1rem;border-left:.2rem solid #6b6b6b;font-style:italic}
        .meta,.status{color:#474747}a{color:#0b4f9c}a:focus{outline:3px solid #ffbf47}
        p,li,h1,h2,h3,blockquote,td,th{overflow-wrap:anywhere}
        table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .75rem .25rem 0}
        @media print{body{max-width:none;font-size:12pt;color:#000}.theme{break-inside:avoid;border-color:#000}}
        """

    static let easyStyle = """
        body{font-family:Arial,Helvetica,sans-serif;font-size:1.5rem;line-height:1.7;color:#000;background:#fff;\
        margin:0 auto;max-width:40rem;padding:1rem 1.25rem}
        h1{font-size:2.2rem;line-height:1.25}h2{font-size:1.8rem;margin-top:2.5rem}
        p{margin:.9rem 0}ul{padding-left:1.5rem}li{margin:.6rem 0}
        .theme{border:3px solid #005eb8;border-radius:.5rem;padding:.5rem 1rem;margin:1.5rem 0}
        p,li,h1,h2,h3{overflow-wrap:anywhere}a{color:#0b4f9c}
        @media print{body{max-width:none;font-size:16pt}.theme{break-inside:avoid}}
        """

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
        <h2>What we asked, and why</h2>
        <p dir="auto">{{purpose}}</p>
        <p dir="auto"><strong>What your views could change:</strong> {{canInfluence}}</p>
        {{#hasWhen}}<p>{{when}}</p>{{/hasWhen}}
        <h2>Who took part</h2>
        <p>{{peopleText}} gave us {{contributionsText}}.</p>
        {{#hasMethods}}
        <ul>
        {{#methods}}<li>{{text}}: {{method}}</li>
        {{/methods}}
        </ul>
        {{/hasMethods}}
        <h2>What you said, and what we did</h2>
        {{#themes}}
        <section class="theme">
        <h3 dir="auto">You said: {{youSaid}}</h3>
        <p class="meta">{{peopleText}}</p>
        {{#quotes}}<blockquote dir="auto"><p>“{{text}}”</p></blockquote>
        {{/quotes}}
        {{#hasActions}}
        <ul>
        {{#actions}}<li dir="auto">{{#done}}<strong>We did:</strong> {{text}}{{/done}}{{^done}}<strong>We will:</strong> \
        {{text}}{{#due}}, by {{due}}{{/due}} <span class="status">({{status}})</span>{{/done}}\
        {{#impact}}<br><strong>The difference it made:</strong> {{impact}}{{/impact}}</li>
        {{/actions}}
        </ul>
        {{/hasActions}}
        {{#weDidNot}}<p dir="auto"><strong>{{#partly}}What we did not do{{/partly}}{{^partly}}We did not do this{{/partly}}, \
        because:</strong> {{because}} {{reason}}</p>{{/weDidNot}}
        {{#pending}}<p>We have not decided what to do about this yet. We will tell you when we have.</p>{{/pending}}
        </section>
        {{/themes}}
        <h2>What happens next</h2>
        {{#hasNextSteps}}
        <ul>
        {{#nextSteps}}<li dir="auto">{{text}}{{#due}}: by {{due}}{{/due}} <span class="status">({{status}})</span></li>
        {{/nextSteps}}
        </ul>
        {{/hasNextSteps}}
        {{^hasNextSteps}}<p>Everything we said we would do is done.</p>{{/hasNextSteps}}
        {{#nextUpdate}}<p>Our next update will be by {{nextUpdate}}.</p>{{/nextUpdate}}
        </main>
        <footer>
        <h2>Questions</h2>
        {{#questions}}<p dir="auto">Ask us: {{questions}}</p>{{/questions}}
        {{^questions}}<p>Ask the team that ran this engagement.</p>{{/questions}}
        <p class="meta">Reference {{ref}}</p>
        </footer>
        </body>
        </html>

        """

    static let updateEasyRead = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Easy read. You said, we did: {{title}}</title>
        <style>
        {{> easy-style}}
        </style>
        </head>
        <body>
        <header>
        <h1 dir="auto">{{title}}</h1>
        <p>This is an easy read update.</p>
        <p>It tells you what happened to your views.</p>
        </header>
        <main>
        <h2>What we asked</h2>
        <p dir="auto">We asked: {{purpose}}</p>
        <p>{{peopleText}} told us what they think.</p>
        <p>Thank you.</p>
        <h2>What you told us</h2>
        {{#themes}}
        <section class="theme">
        <p dir="auto"><strong>You said:</strong> {{youSaid}}</p>
        <p>{{peopleText}}.</p>
        {{#quotes}}<p dir="auto">Someone told us: “{{text}}”</p>
        {{/quotes}}
        {{#actions}}
        {{#done}}<p dir="auto"><strong>We did this:</strong> {{text}}</p>{{/done}}
        {{^done}}<p dir="auto"><strong>We will do this:</strong> {{text}}</p>
        {{#due}}<p>We will do it by {{due}}.</p>{{/due}}{{/done}}
        {{/actions}}
        {{#weDidNot}}<p dir="auto"><strong>{{#partly}}We could not do all of it.{{/partly}}\
        {{^partly}}We could not do this.{{/partly}}</strong></p>
        <p dir="auto">This is why: {{because}}</p>{{/weDidNot}}
        {{#pending}}<p>We have not decided about this yet.</p>
        <p>We will tell you when we have.</p>{{/pending}}
        </section>
        {{/themes}}
        <h2>What happens next</h2>
        {{#nextSteps}}<p dir="auto">{{text}}{{#due}}. By {{due}}{{/due}}.</p>
        {{/nextSteps}}
        {{^hasNextSteps}}<p>We have done what we said we would do.</p>{{/hasNextSteps}}
        {{#nextUpdate}}<p>We will tell you more by {{nextUpdate}}.</p>{{/nextUpdate}}
        </main>
        <footer>
        <h2>Questions</h2>
        {{#questions}}<p dir="auto">You can ask us: {{questions}}</p>{{/questions}}
        {{^questions}}<p>You can ask the team who asked you.</p>{{/questions}}
        </footer>
        </body>
        </html>

        """

    static let updateMarkdown = """
        # You said, we did: {{title}}

        {{#organisation}}{{organisation}} · {{/organisation}}Published {{published}}

        ## What we asked, and why

        {{purpose}}

        **What your views could change:** {{canInfluence}}

        {{#hasWhen}}{{when}}

        {{/hasWhen}}
        ## Who took part

        {{peopleText}} gave us {{contributionsText}}.

        {{#methods}}
        - {{text}}: {{method}}
        {{/methods}}

        ## What you said, and what we did

        {{#themes}}
        ### You said: {{youSaid}}

        {{peopleText}}

        {{#quotes}}
        > “{{text}}”

        {{/quotes}}
        {{#actions}}
        - {{#done}}**We did:** {{text}}{{/done}}{{^done}}**We will:** {{text}}{{#due}}, by {{due}}{{/due}} ({{status}}){{/done}}{{#impact}}. The difference it made: {{impact}}{{/impact}}
        {{/actions}}
        {{#weDidNot}}

        **{{#partly}}What we did not do{{/partly}}{{^partly}}We did not do this{{/partly}}, because:** {{because}} {{reason}}
        {{/weDidNot}}
        {{#pending}}
        We have not decided what to do about this yet. We will tell you when we have.
        {{/pending}}

        {{/themes}}
        ## What happens next

        {{#nextSteps}}
        - {{text}}{{#due}}: by {{due}}{{/due}} ({{status}})
        {{/nextSteps}}
        {{^hasNextSteps}}
        Everything we said we would do is done.
        {{/hasNextSteps}}
        {{#nextUpdate}}

        Our next update will be by {{nextUpdate}}.
        {{/nextUpdate}}

        ## Questions

        {{#questions}}Ask us: {{questions}}{{/questions}}{{^questions}}Ask the team that ran this engagement.{{/questions}}

        Reference {{ref}}

        """

    static let updateText = """
        YOU SAID, WE DID: {{title}}
        {{#organisation}}{{organisation}}
        {{/organisation}}Published {{published}}

        WHAT WE ASKED, AND WHY
        {{purpose}}
        What your views could change: {{canInfluence}}
        {{#hasWhen}}{{when}}
        {{/hasWhen}}

        WHO TOOK PART
        {{peopleText}} gave us {{contributionsText}}.
        {{#methods}}
          * {{text}}: {{method}}
        {{/methods}}

        WHAT YOU SAID, AND WHAT WE DID
        {{#themes}}

        You said: {{youSaid}}
        ({{peopleText}})
        {{#quotes}}
          "{{text}}"
        {{/quotes}}
        {{#actions}}
          {{#done}}We did: {{text}}{{/done}}{{^done}}We will: {{text}}{{#due}}, by {{due}}{{/due}} ({{status}}){{/done}}
        {{#impact}}
            The difference it made: {{impact}}
        {{/impact}}
        {{/actions}}
        {{#weDidNot}}
          {{#partly}}What we did not do{{/partly}}{{^partly}}We did not do this{{/partly}}, because: {{because}} {{reason}}
        {{/weDidNot}}
        {{#pending}}
          We have not decided what to do about this yet. We will tell you when we have.
        {{/pending}}
        {{/themes}}

        WHAT HAPPENS NEXT
        {{#nextSteps}}
          * {{text}}{{#due}}: by {{due}}{{/due}} ({{status}})
        {{/nextSteps}}
        {{^hasNextSteps}}
        Everything we said we would do is done.
        {{/hasNextSteps}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.
        {{/nextUpdate}}

        QUESTIONS
        {{#questions}}Ask us: {{questions}}{{/questions}}{{^questions}}Ask the team that ran this engagement.{{/questions}}

        Reference {{ref}}

        """
}
