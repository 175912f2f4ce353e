extension BuiltInTemplates {
    // A follow-up's context is the update's, with `themes` narrowed to the themes the person's own
    // views fed into, plus `salutation`, `addressLines`, `senderLines` and `reference` (letters),
    // `subject` and `updateURL` (email) and `phone` (call scripts).

    static let followUpEmail = """
        Subject: {{subject}}

        {{salutation}}

        {{#t}}You are receiving this {{medium}} because you took part in "{{title}}" and asked to hear what happened to your views.{{/t}}
        {{#untranslated}}

        {{untranslated}}
        {{/untranslated}}
        {{#isChange}}

        {{#changedSince}}{{#t}}This is an update: something we told you on {{changedSince}} has changed.{{/t}}{{/changedSince}}{{^changedSince}}{{#t}}This is an update: something we told you has changed.{{/t}}{{/changedSince}}

        {{#t}}What has changed, and why:{{/t}}
        {{#changes}}
          * {{text}}
        {{#reason}}
            {{#t}}Why:{{/t}} {{reason}}
        {{/reason}}
        {{/changes}}

        {{#t}}Here is where things stand now.{{/t}}
        {{/isChange}}

        {{#themes}}
        {{#t}}You told us:{{/t}} {{youSaid}}
        {{#hasDid}}
          {{#t}}What we did:{{/t}}
        {{#did}}
            * {{text}}
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          {{#t}}What we will do:{{/t}}
        {{#will}}
            * {{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}}
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
          {{heading}}:
            {{because}}
        {{#reason}}
            {{#t}}Reason: {{reason}}{{/t}}
        {{/reason}}
        {{/weDidNot}}
        {{#pending}}
          {{pendingText}}
        {{/pending}}

        {{/themes}}
        {{#updateURL}}
        {{#t}}Read the full update: {{updateURL}}{{/t}}

        {{/updateURL}}
        {{#nextUpdate}}
        {{#t}}Our next update will be by {{nextUpdate}}.{{/t}}

        {{/nextUpdate}}
        {{#t}}If you have questions, contact {{questions}}.{{/t}}

        {{#t}}Thank you,{{/t}}
        {{#organisation}}{{organisation}}{{/organisation}}{{^organisation}}{{#t}}The engagement team{{/t}}{{/organisation}}

        {{#t}}Reference {{reference}}{{/t}}

        """

    static let followUpLetter = """
        <!DOCTYPE html>
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}Letter: what happened to your views on {{titleInSentence}}{{/t}}</title>
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
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}Large print letter: what happened to your views on {{titleInSentence}}{{/t}}</title>
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
        <p>{{#t}}Reference: {{reference}}{{/t}}</p>
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
        <!--yswd:section-->
        <p dir="auto">{{salutation}}</p>
        <h1 dir="auto">{{#t}}What happened to your views on {{titleInSentence}}{{/t}}</h1>
        <p>{{#t}}You took part in this and asked to hear what happened to your views. This letter tells you.{{/t}}</p>{{#untranslated}}
        <p>{{untranslated}}</p>{{/untranslated}}
        <!--/yswd:section-->
        {{#isChange}}
        <!--yswd:section-->
        <section class="changes">
        <h2>{{#changedSince}}{{#t}}What has changed since we wrote to you on {{changedSince}}, and why{{/t}}{{/changedSince}}{{^changedSince}}{{#t}}What has changed, and why{{/t}}{{/changedSince}}</h2>
        <ul>
        {{#changes}}<li dir="auto">{{text}}{{#reason}}<br><strong>{{#t}}Why:{{/t}}</strong> {{reason}}{{/reason}}</li>
        {{/changes}}
        </ul>
        <p>{{#t}}Here is where things stand now.{{/t}}</p>
        </section>
        <!--/yswd:section-->
        {{/isChange}}
        {{#themes}}
        <!--yswd:section-->
        <section class="theme">
        <h2><span class="kicker">{{#t}}You told us{{/t}}</span> <span dir="auto">{{youSaid}}</span></h2>
        {{#hasDid}}
        <h3>{{#t}}What we did{{/t}}</h3>
        <ul>
        {{#did}}<li dir="auto">{{text}}</li>
        {{/did}}
        </ul>
        {{/hasDid}}
        {{#hasWill}}
        <h3>{{#t}}What we will do{{/t}}</h3>
        <ul>
        {{#will}}<li dir="auto">{{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}}</li>
        {{/will}}
        </ul>
        {{/hasWill}}
        {{#weDidNot}}
        <h3>{{heading}}</h3>
        <p dir="auto">{{because}}</p>
        {{#reason}}<p>{{#t}}Reason: {{reason}}{{/t}}</p>{{/reason}}
        {{/weDidNot}}
        {{#pending}}<p>{{pendingText}}</p>{{/pending}}
        </section>
        <!--/yswd:section-->
        {{/themes}}
        <!--yswd:section-->
        {{#nextUpdate}}<p>{{#t}}Our next update will be by {{nextUpdate}}.{{/t}}</p>{{/nextUpdate}}
        <p dir="auto">{{#t}}If you have questions, contact {{questions}}.{{/t}}</p>
        <p>{{#t}}You can ask for this letter in large print, in easy read or in another format.{{/t}}</p>
        <p>{{signOff}}<br>{{#organisation}}{{organisation}}{{/organisation}}{{^organisation}}{{#t}}The engagement team{{/t}}{{/organisation}}</p>
        <!--/yswd:section-->
        </main>
        </div>
        </body>

        """

    static let followUpEasyRead = """
        <!DOCTYPE html>
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}Easy read: what happened to your views on {{titleInSentence}}{{/t}}</title>
        <style>
        {{> easy-style}}
        {{> letter-style}}
        </style>
        </head>
        <body>
        <div class="sheet">
        {{> letter-header}}
        <main class="letter-text">
        <!--yswd:section-->
        <p dir="auto">{{salutation}}</p>
        <h1 dir="auto">{{#t}}What happened to your views: {{title}}{{/t}}</h1>
        <div class="point">{{> icon-people}}<div><p>{{#t}}Thank you for telling us what you think.{{/t}}</p>
        <p>{{#t}}You asked us to tell you what happened.{{/t}}</p>{{#untranslated}}
        <p>{{untranslated}}</p>{{/untranslated}}</div></div>
        <div class="point">{{> icon-question}}<div><p>{{#t}}You can ask someone to help you read this.{{/t}}</p></div></div>
        <!--/yswd:section-->
        {{#isChange}}
        <!--yswd:section-->
        <h2>{{#t}}Something has changed{{/t}}</h2>
        {{#changedSince}}<div class="point">{{> icon-calendar}}<div><p>{{#t}}We wrote to you on {{changedSince}}.{{/t}}</p>
        <p>{{#t}}Since then, something has changed.{{/t}}</p></div></div>{{/changedSince}}
        {{#changes}}<div class="point">{{> icon-calendar}}<div><p dir="auto">{{text}}</p>
        {{#reason}}<p dir="auto">{{#t}}This is why: {{reason}}{{/t}}</p>{{/reason}}</div></div>
        {{/changes}}
        <!--/yswd:section-->
        {{/isChange}}
        {{#themes}}
        <!--yswd:section-->
        <section class="theme">
        <h2 dir="auto">{{youSaid}}</h2>
        {{#did}}<div class="point">{{> icon-we-did}}<div><p dir="auto">{{text}}</p></div></div>
        {{/did}}
        {{#will}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>{{#t}}We will do this by {{due}}.{{/t}}</p>{{/due}}{{#late}}<p>{{late}}.</p>{{/late}}</div></div>
        {{/will}}
        {{#weDidNot}}<div class="point">{{> icon-we-did-not}}<div><p dir="auto">{{because}}</p></div></div>
        {{/weDidNot}}
        {{#pending}}<div class="point">{{> icon-question}}<div><p>{{#t}}We have not decided about this yet.{{/t}}</p></div></div>
        {{/pending}}
        </section>
        <!--/yswd:section-->
        {{/themes}}
        <!--yswd:section-->
        <div class="point">{{> icon-question}}<div><p>{{#t}}You can ask us questions.{{/t}}</p>
        {{#questionsPhone}}<p>{{#t}}You can phone us on {{questionsPhone}}.{{/t}}</p>{{/questionsPhone}}
        {{^questionsPhone}}<p dir="auto">{{#t}}Contact us: {{questions}}{{/t}}</p>{{/questionsPhone}}</div></div>
        <!--/yswd:section-->
        </main>
        </div>
        </body>
        </html>

        """

    /// A text message: short and plain, with a link to the update when the public web address is set.
    static let followUpText = """
        {{#isChange}}{{#t}}Something we told you about {{titleInSentence}} has changed.{{/t}}{{/isChange}}{{^isChange}}{{#t}}You asked to hear what happened to your views on {{titleInSentence}}.{{/t}}{{/isChange}}
        {{#updateURL}}{{#t}}Read what we did: {{updateURL}}{{/t}}{{/updateURL}}{{^updateURL}}{{#t}}To hear what we did, contact {{questions}}.{{/t}}{{/updateURL}}
        """

    static let followUpPhone = """
        {{#t}}CALL SCRIPT: {{title}}{{/t}}
        {{#t}}Call {{phone}}.{{/t}}

        {{#organisation}}{{#t}}Say who you are and where you are calling from ({{organisation}}).{{/t}}{{/organisation}}{{^organisation}}{{#t}}Say who you are and where you are calling from.{{/t}}{{/organisation}}
        {{#t}}Say:{{/t}} "{{#t}}You took part in {{title}} and asked to hear what happened to your views. Is now a good time?{{/t}}"
        {{#isChange}}
        {{#t}}Say:{{/t}} "{{#changedSince}}{{#t}}Something we told you on {{changedSince}} has changed. I will tell you what, and why.{{/t}}{{/changedSince}}{{^changedSince}}{{#t}}Something we told you has changed. I will tell you what, and why.{{/t}}{{/changedSince}}"
        {{#changes}}
          {{#t}}Read:{{/t}} "{{text}}"
        {{#reason}}
          {{#t}}Read:{{/t}} "{{#t}}Why:{{/t}} {{reason}}"
        {{/reason}}
        {{/changes}}
        {{/isChange}}

        {{#themes}}
        {{#t}}Say:{{/t}} "{{#t}}You told us:{{/t}} {{youSaid}}"
        {{#hasDid}}
          {{#t}}Say:{{/t}} "{{#t}}What we did:{{/t}}"
        {{#did}}
            {{#t}}Read:{{/t}} "{{text}}"
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          {{#t}}Say:{{/t}} "{{#t}}What we will do:{{/t}}"
        {{#will}}
            {{#t}}Read:{{/t}} "{{text}}"{{#due}} {{#t}}Say:{{/t}} "{{#t}}By {{due}}.{{/t}}"{{/due}}{{#late}} {{#t}}Say:{{/t}} "{{late}}."{{/late}}
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
          {{#t}}Say:{{/t}} "{{heading}}:"
            {{#t}}Read:{{/t}} "{{because}}"
        {{/weDidNot}}
        {{#pending}}
          {{#t}}Say:{{/t}} "{{pendingText}}"
        {{/pending}}

        {{/themes}}
        {{#t}}Ask if they have any questions. They can also contact {{questions}}.{{/t}}
        {{#t}}Offer the update in another format: large print, easy read, a letter or an email.{{/t}}
        {{#t}}Thank them for taking part.{{/t}}

        {{#t}}Reference {{reference}}{{/t}}

        """
}
