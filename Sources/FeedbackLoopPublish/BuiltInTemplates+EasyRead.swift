extension BuiltInTemplates {
    // The update in easy read: a picture beside each point (the `icon-…` partials), a heading per
    // theme, one idea per sentence, and the easy-read wordings where they were recorded.

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
        {{#due}}<p>We will do this by {{due}}.</p>{{/due}}{{#late}}<p>{{late}}.</p>{{/late}}</div></div>
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
        {{#unthemedText}}<div class="point">{{> icon-question}}<div><p>{{unthemedText}}</p></div></div>{{/unthemedText}}
        {{#nextSteps}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>We will do this by {{due}}.</p>{{/due}}{{#late}}<p>{{late}}.</p>{{/late}}</div></div>
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
}
