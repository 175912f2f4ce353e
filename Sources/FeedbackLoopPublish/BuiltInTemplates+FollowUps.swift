extension BuiltInTemplates {
    // A follow-up's context is the update's, with `themes` narrowed to the themes the person's own
    // views fed into, plus `salutation`, `addressLines`, `senderLines` and `reference` (letters),
    // `subject` and `updateURL` (email) and `phone` (call scripts).

    static let followUpEmail = """
        Subject: {{subject}}

        {{salutation}}

        You are receiving this {{medium}} because you took part in "{{title}}" and asked to hear what happened to your views.
        {{#isChange}}

        This is an update: something we told you{{#changedSince}} on {{changedSince}}{{/changedSince}} has changed.

        What has changed, and why:
        {{#changes}}
          * {{text}}
        {{#reason}}
            Why: {{reason}}
        {{/reason}}
        {{/changes}}

        Here is where things stand now.
        {{/isChange}}

        {{#themes}}
        You told us: {{youSaid}}
        {{#hasDid}}
          What we did:
        {{#did}}
            * {{text}}
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          What we will do:
        {{#will}}
            * {{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}}
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
        {{#updateURL}}
        Read the full update: {{updateURL}}

        {{/updateURL}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.

        {{/nextUpdate}}
        If you have questions, contact {{questions}}.

        Thank you,
        {{#organisation}}{{organisation}}{{/organisation}}{{^organisation}}The engagement team{{/organisation}}

        Reference {{reference}}

        """

    static let followUpLetter = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Letter: what happened to your views on {{titleInSentence}}</title>
        <style>
        {{> style}}
        {{> letter-style}}
        </style>
        </head>
        {{> letter-body}}
        </html>

        """

    /// The letter in large print (RNIB clear print: at least 16 pt).
    static let followUpLargePrint = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Large print letter: what happened to your views on {{titleInSentence}}</title>
        <style>
        {{> style}}
        {{> letter-style}}
        {{> large-print-style}}
        </style>
        </head>
        {{> letter-body}}
        </html>

        """

    /// The sender's address, the date and the reference top right; the recipient's address where a
    /// DL window envelope shows it.
    static let letterHeader = """
        <header>
        <div class="sender">
        {{#organisation}}<p class="address"><strong>{{organisation}}</strong></p>{{/organisation}}
        <p class="address" dir="auto">{{#senderLines}}{{.}}<br>{{/senderLines}}</p>
        <p>{{published}}</p>
        <p>Reference: {{reference}}</p>
        </div>
        <div class="recipient">
        <p class="address" dir="auto">{{#addressLines}}{{.}}<br>{{/addressLines}}</p>
        </div>
        </header>

        """

    static let letterBody = """
        <body>
        <div class="sheet">
        {{> letter-header}}
        <main class="letter-text">
        <p dir="auto">{{salutation}}</p>
        <h1 dir="auto">What happened to your views on {{titleInSentence}}</h1>
        <p>You took part in this and asked to hear what happened to your views. This letter tells you.</p>
        {{#isChange}}
        <section class="changes">
        <h2>What has changed{{#changedSince}} since we wrote to you on {{changedSince}}{{/changedSince}}, and why</h2>
        <ul>
        {{#changes}}<li dir="auto">{{text}}{{#reason}}<br><strong>Why:</strong> {{reason}}{{/reason}}</li>
        {{/changes}}
        </ul>
        <p>Here is where things stand now.</p>
        </section>
        {{/isChange}}
        {{#themes}}
        <section class="theme">
        <h2><span class="kicker">You told us</span> <span dir="auto">{{youSaid}}</span></h2>
        {{#hasDid}}
        <h3>What we did</h3>
        <ul>
        {{#did}}<li dir="auto">{{text}}</li>
        {{/did}}
        </ul>
        {{/hasDid}}
        {{#hasWill}}
        <h3>What we will do</h3>
        <ul>
        {{#will}}<li dir="auto">{{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}}</li>
        {{/will}}
        </ul>
        {{/hasWill}}
        {{#weDidNot}}
        <h3>{{heading}}</h3>
        <p dir="auto">{{because}}</p>
        {{#reason}}<p>Reason: {{reason}}</p>{{/reason}}
        {{/weDidNot}}
        {{#pending}}<p>{{pendingText}}</p>{{/pending}}
        </section>
        {{/themes}}
        {{#nextUpdate}}<p>Our next update will be by {{nextUpdate}}.</p>{{/nextUpdate}}
        <p dir="auto">If you have questions, contact {{questions}}.</p>
        <p>You can ask for this letter in large print, in easy read or in another format.</p>
        <p>{{signOff}}<br>{{#organisation}}{{organisation}}{{/organisation}}{{^organisation}}The engagement team{{/organisation}}</p>
        </main>
        </div>
        </body>

        """

    static let followUpEasyRead = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Easy read: what happened to your views on {{titleInSentence}}</title>
        <style>
        {{> easy-style}}
        {{> letter-style}}
        </style>
        </head>
        <body>
        <div class="sheet">
        {{> letter-header}}
        <main class="letter-text">
        <p dir="auto">{{salutation}}</p>
        <h1 dir="auto">What happened to your views: {{title}}</h1>
        <div class="point">{{> icon-people}}<div><p>Thank you for telling us what you think.</p>
        <p>You asked us to tell you what happened.</p></div></div>
        <div class="point">{{> icon-question}}<div><p>You can ask someone to help you read this.</p></div></div>
        {{#isChange}}
        <h2>Something has changed</h2>
        {{#changedSince}}<div class="point">{{> icon-calendar}}<div><p>We wrote to you on {{changedSince}}.</p>
        <p>Since then, something has changed.</p></div></div>{{/changedSince}}
        {{#changes}}<div class="point">{{> icon-calendar}}<div><p dir="auto">{{text}}</p>
        {{#reason}}<p dir="auto">This is why: {{reason}}</p>{{/reason}}</div></div>
        {{/changes}}
        {{/isChange}}
        {{#themes}}
        <section class="theme">
        <h2 dir="auto">{{youSaid}}</h2>
        {{#did}}<div class="point">{{> icon-we-did}}<div><p dir="auto">{{text}}</p></div></div>
        {{/did}}
        {{#will}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>We will do this by {{due}}.</p>{{/due}}{{#late}}<p>{{late}}.</p>{{/late}}</div></div>
        {{/will}}
        {{#weDidNot}}<div class="point">{{> icon-we-did-not}}<div><p dir="auto">{{because}}</p></div></div>
        {{/weDidNot}}
        {{#pending}}<div class="point">{{> icon-question}}<div><p>We have not decided about this yet.</p></div></div>
        {{/pending}}
        </section>
        {{/themes}}
        <div class="point">{{> icon-question}}<div><p>You can ask us questions.</p>
        {{#questionsPhone}}<p>You can phone us on {{questionsPhone}}.</p>{{/questionsPhone}}
        {{^questionsPhone}}<p dir="auto">Contact us: {{questions}}</p>{{/questionsPhone}}</div></div>
        </main>
        </div>
        </body>
        </html>

        """

    /// A text message: short and plain, with a link to the update when the public web address is set.
    static let followUpText = """
        {{#isChange}}Something we told you about {{titleInSentence}} has changed.{{/isChange}}{{^isChange}}You asked to hear what happened to your views on {{titleInSentence}}.{{/isChange}}
        {{#updateURL}}Read what we did: {{updateURL}}{{/updateURL}}{{^updateURL}}To hear what we did, contact {{questions}}.{{/updateURL}}
        """

    static let followUpPhone = """
        CALL SCRIPT: {{title}}
        Call {{phone}}.

        Say who you are and where you are calling from{{#organisation}} ({{organisation}}){{/organisation}}.
        Say: "You took part in {{title}} and asked to hear what happened to your views. Is now a good time?"
        {{#isChange}}
        Say: "Something we told you{{#changedSince}} on {{changedSince}}{{/changedSince}} has changed. I will tell you what, and why."
        {{#changes}}
          Read: "{{text}}"
        {{#reason}}
          Read: "Why: {{reason}}"
        {{/reason}}
        {{/changes}}
        {{/isChange}}

        {{#themes}}
        Say: "You told us: {{youSaid}}"
        {{#hasDid}}
          Say: "What we did:"
        {{#did}}
            Read: "{{text}}"
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          Say: "What we will do:"
        {{#will}}
            Read: "{{text}}"{{#due}} Say: "By {{due}}."{{/due}}{{#late}} Say: "{{late}}."{{/late}}
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
          Say: "{{heading}}:"
            Read: "{{because}}"
        {{/weDidNot}}
        {{#pending}}
          Say: "{{pendingText}}"
        {{/pending}}

        {{/themes}}
        Ask if they have any questions. They can also contact {{questions}}.
        Offer the update in another format: large print, easy read, a letter or an email.
        Thank them for taking part.

        Reference {{reference}}

        """
}
