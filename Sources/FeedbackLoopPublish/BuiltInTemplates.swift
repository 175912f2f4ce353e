// The built-in templates, as string literals so a copied binary needs no resource files.
// `yswd templates --out DIR` writes them out for an organisation to change.
//
// Staff texts (decisions, explanations) are shown as written under headings such as "What we did"
// and "What we will do", never after a label, so a text that begins "We will" is never doubled.
enum BuiltInTemplates {
    static let all: [String: String] = [
        "style": style, "easy-style": easyStyle, "letter-style": letterStyle, "large-print-style": largePrintStyle,
        "update.html": updateHTML, "update.easy-read": updateEasyRead, "update.md": updateMarkdown,
        "update.txt": updateText,
        "followup-email.txt": followUpEmail, "followup-letter": followUpLetter,
        "followup-large-print": followUpLargePrint, "letter-body": letterBody, "letter-header": letterHeader,
        "followup-easy-read": followUpEasyRead, "followup-phone.txt": followUpPhone,
        "site-index": siteIndex, "site-update": siteUpdate,
    ].merging(Icons.all) { first, _ in first }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;
        line-height:1.6;color:#1b1b1b;background:#fff;margin:0 auto;max-width:44rem;padding:1rem 1.25rem}
        h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.45rem;margin-top:2rem}
        h3{font-size:1.2rem}h4{font-size:1.05rem;margin:1rem 0 .25rem}
        .kicker{display:block;font-size:1rem;font-weight:600;color:#3b3b3b}
        .theme{border-left:.35rem solid #005eb8;padding:.1rem 0 .1rem 1rem;margin:1.5rem 0}
        .changes{border:3px solid #ffbf47;padding:.25rem 1rem;margin:1rem 0}
        .replaced{background:#fff4d6;border-left:.35rem solid #6b4f00;padding:.5rem 1rem;margin:0 0 1rem}
        blockquote{margin:.75rem 0;padding-left:1rem;border-left:.2rem solid #6b6b6b;font-style:italic}
        .meta,.status{color:#474747}a{color:#0b4f9c}a:focus{outline:3px solid #ffbf47}
        p,li,h1,h2,h3,h4,blockquote,td,th{overflow-wrap:anywhere}
        table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .75rem .25rem 0}
        @media print{body{max-width:none;font-size:12pt;color:#000}.theme{break-inside:avoid;border-color:#000}}
        """

    static let easyStyle = """
        body{font-family:Arial,Helvetica,sans-serif;font-size:1.5rem;line-height:1.7;color:#000;background:#fff;
        margin:0 auto;max-width:44rem;padding:1rem 1.25rem}
        h1{font-size:2.2rem;line-height:1.25}h2{font-size:1.9rem;margin-top:2.5rem}h3{font-size:1.6rem}
        h4{font-size:1.5rem;margin:.75rem 0 .25rem}
        p{margin:.6rem 0}ul{padding-left:1.5rem}li{margin:.6rem 0}
        .point{display:flex;gap:1rem;align-items:flex-start;margin:1rem 0}.point>div{flex:1}
        .icon{flex:none;width:4.5rem;height:4.5rem}
        .theme{border:3px solid #005eb8;border-radius:.5rem;padding:.5rem 1rem;margin:1.5rem 0}
        p,li,h1,h2,h3,h4{overflow-wrap:anywhere}a{color:#0b4f9c}
        @media print{body{max-width:none;font-size:16pt}.theme,.point{break-inside:avoid}}
        """

    /// A4, with the recipient's address where a DL window envelope shows it (20 mm from the left,
    /// 50 mm from the top) and the sender's address top right.
    static let letterStyle = """
        .sender{text-align:right;margin:0 0 1.5rem auto;max-width:20rem}
        .recipient{margin:0 0 2rem}.address{margin:0}
        @page{size:A4;margin:0}
        @media print{body{margin:0;padding:0;max-width:none}
        .sheet{position:relative;width:210mm;min-height:297mm;padding:15mm 20mm 20mm;box-sizing:border-box}
        .sender{position:absolute;top:15mm;right:20mm;width:75mm;margin:0}
        .recipient{position:absolute;top:50mm;left:20mm;width:90mm;height:35mm;overflow:hidden;margin:0}
        .letter-text{padding-top:85mm}}
        """

    /// RNIB clear print: at least 16 pt (here 18 pt in print), a plain sans-serif, left aligned.
    static let largePrintStyle = """
        body{font-family:Arial,Helvetica,sans-serif;font-size:1.5rem;line-height:1.6;max-width:46rem}
        h1{font-size:2.1rem}h2{font-size:1.8rem}h3{font-size:1.6rem}.sender{text-align:left}
        @media print{body{font-size:18pt}h1{font-size:24pt}h2{font-size:21pt}h3{font-size:19pt}
        .recipient{font-size:16pt}}
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
        {{#will}}<li dir="auto">{{text}}{{#due}} (by {{due}}){{/due}} <span class="status">Status: {{status}}</span></li>
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
        {{#nextSteps}}<li dir="auto">{{text}}{{#due}} (by {{due}}){{/due}} <span class="status">Status: {{status}}</span></li>
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
        {{#organisation}}<p>{{organisation}}</p>{{/organisation}}
        <h1 dir="auto">{{title}}</h1>
        <div class="point">{{> icon-calendar}}<div><p>This update is from {{published}}.</p></div></div>
        <p>This is an easy read update.</p>
        <p>It tells you what happened to your views.</p>
        <div class="point">{{> icon-question}}<div><p>You can ask someone to help you read this.</p>
        {{#questionsPhone}}<p>You can phone us on {{questionsPhone}}.</p>{{/questionsPhone}}</div></div>
        </header>
        <main>
        {{#hasChanges}}
        <h2>What has changed since {{changedSince}}</h2>
        {{#changes}}<div class="point">{{> icon-calendar}}<div><p dir="auto">{{text}}</p>
        {{#reason}}<p dir="auto">This is why: {{reason}}</p>{{/reason}}</div></div>
        {{/changes}}
        {{/hasChanges}}
        <h2>What we asked</h2>
        <div class="point">{{> icon-question}}<div><p dir="auto">{{purpose}}</p></div></div>
        <div class="point">{{> icon-people}}<div><p>{{takingPartText}}</p>
        <p>Thank you.</p></div></div>
        {{#couldNotChange}}
        <h2>What we could not change</h2>
        <div class="point">{{> icon-we-did-not}}<div><p dir="auto">{{couldNotChange}}</p></div></div>
        {{/couldNotChange}}
        <h2>What you told us</h2>
        {{#themes}}
        <section class="theme">
        <h3 dir="auto">{{youSaid}}</h3>
        <div class="point">{{> icon-you-said}}<div><p>{{countText}}</p>
        {{#quotes}}<p dir="auto">Someone told us: “{{text}}”</p>
        {{/quotes}}</div></div>
        {{#hasDid}}
        <h4>What we did</h4>
        {{#did}}<div class="point">{{> icon-we-did}}<div><p dir="auto">{{text}}</p></div></div>
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
        <h4>What we will do</h4>
        {{#will}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>We will do this by {{due}}.</p>{{/due}}</div></div>
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
        <h4>What we did not do</h4>
        <div class="point">{{> icon-we-did-not}}<div><p dir="auto">{{because}}</p></div></div>
        {{/weDidNot}}
        {{#pending}}<div class="point">{{> icon-question}}<div><p>We have not decided about this yet.</p>
        <p>{{answersDueText}}</p></div></div>{{/pending}}
        </section>
        {{/themes}}
        <h2>What happens next</h2>
        {{#nextSteps}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>We will do this by {{due}}.</p>{{/due}}</div></div>
        {{/nextSteps}}
        {{#allDone}}<div class="point">{{> icon-we-did}}<div><p>We have done everything we said we would do.</p></div></div>{{/allDone}}
        {{#nextUpdate}}<div class="point">{{> icon-calendar}}<div><p>We will tell you more by {{nextUpdate}}.</p></div></div>{{/nextUpdate}}
        </main>
        <footer>
        <h2>Questions</h2>
        <div class="point">{{> icon-question}}<div><p>You can ask us questions.</p>
        <p dir="auto">Contact us: {{questions}}</p></div></div>
        </footer>
        </body>
        </html>

        """

    static let updateMarkdown = """
        # You said, we did: {{title}}

        {{#organisation}}{{organisation}} · {{/organisation}}Published {{published}}

        {{#hasChanges}}
        ## What has changed since {{changedSince}}, and why

        {{#changes}}
        - {{text}}{{#reason}} Why: {{reason}}{{/reason}}
        {{/changes}}

        {{/hasChanges}}
        ## What we asked, and why

        {{purpose}}

        **What your views could change:** {{canInfluence}}

        {{#hasWhen}}{{when}}

        {{/hasWhen}}
        {{#couldNotChange}}## What could not change, and why

        {{couldNotChange}}

        {{/couldNotChange}}
        ## Who took part

        {{takingPartText}}

        {{#methods}}
        - {{text}}: {{method}}
        {{/methods}}

        ## What you said, and what we did

        {{#themes}}
        ### You said: {{youSaid}}

        {{countText}}

        {{#quotes}}
        > “{{text}}”

        {{/quotes}}
        {{#hasDid}}
        #### What we did

        {{#did}}
        - {{text}}{{#impact}}. The difference it made: {{impact}}{{/impact}}
        {{/did}}

        {{/hasDid}}
        {{#hasWill}}
        #### What we will do

        {{#will}}
        - {{text}}{{#due}} (by {{due}}){{/due}}. Status: {{status}}
        {{/will}}

        {{/hasWill}}
        {{#weDidNot}}
        #### {{heading}}

        {{because}}
        {{#reason}}

        Reason: {{reason}}
        {{/reason}}

        {{/weDidNot}}
        {{#pending}}
        {{pendingText}}

        {{/pending}}
        {{/themes}}
        ## What happens next

        {{#hasUnanswered}}
        We have not yet answered:

        {{#unanswered}}
        - {{youSaid}}
        {{/unanswered}}

        {{answersDueText}}

        {{/hasUnanswered}}
        {{#hasNextSteps}}
        Still to do:

        {{#nextSteps}}
        - {{text}}{{#due}} (by {{due}}){{/due}}. Status: {{status}}
        {{/nextSteps}}

        {{/hasNextSteps}}
        {{#allDone}}
        Everything we said we would do is done.

        {{/allDone}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.

        {{/nextUpdate}}
        ## Questions

        Ask us: {{questions}}

        Reference {{ref}}

        """

    static let updateText = """
        YOU SAID, WE DID: {{title}}
        {{#organisation}}{{organisation}}
        {{/organisation}}Published {{published}}

        {{#hasChanges}}
        WHAT HAS CHANGED SINCE {{changedSince}}, AND WHY
        {{#changes}}
          * {{text}}
        {{#reason}}
            Why: {{reason}}
        {{/reason}}
        {{/changes}}

        {{/hasChanges}}
        WHAT WE ASKED, AND WHY
        {{purpose}}
        What your views could change: {{canInfluence}}
        {{#hasWhen}}{{when}}
        {{/hasWhen}}

        {{#couldNotChange}}
        WHAT COULD NOT CHANGE, AND WHY
        {{couldNotChange}}

        {{/couldNotChange}}
        WHO TOOK PART
        {{takingPartText}}
        {{#methods}}
          * {{text}}: {{method}}
        {{/methods}}

        WHAT YOU SAID, AND WHAT WE DID
        {{#themes}}

        You said: {{youSaid}}
        ({{countText}})
        {{#quotes}}
          "{{text}}"
        {{/quotes}}
        {{#hasDid}}
          What we did:
        {{#did}}
            * {{text}}
        {{#impact}}
              The difference it made: {{impact}}
        {{/impact}}
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          What we will do:
        {{#will}}
            * {{text}}{{#due}} (by {{due}}){{/due}}. Status: {{status}}
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
          {{heading}}:
            {{because}}
        {{#reason}}
            Reason: {{reason}}
        {{/reason}}
        {{/weDidNot}}
        {{#pending}}
          {{pendingText}}
        {{/pending}}
        {{/themes}}

        WHAT HAPPENS NEXT
        {{#hasUnanswered}}
        We have not yet answered:
        {{#unanswered}}
          * {{youSaid}}
        {{/unanswered}}
        {{answersDueText}}
        {{/hasUnanswered}}
        {{#hasNextSteps}}
        Still to do:
        {{#nextSteps}}
          * {{text}}{{#due}} (by {{due}}){{/due}}. Status: {{status}}
        {{/nextSteps}}
        {{/hasNextSteps}}
        {{#allDone}}
        Everything we said we would do is done.
        {{/allDone}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.
        {{/nextUpdate}}

        QUESTIONS
        Ask us: {{questions}}

        Reference {{ref}}

        """
}
