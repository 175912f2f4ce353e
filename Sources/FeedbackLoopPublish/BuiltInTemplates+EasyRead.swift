extension BuiltInTemplates {
    // The update in easy read: a picture beside each point (the `icon-…` partials), a heading per
    // theme, one idea per sentence, and the easy-read wordings where they were recorded.

    static let updateEasyRead = """
        <!DOCTYPE html>
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}Easy read. You said, we did: {{title}}{{/t}}</title>
        <style>
        {{> easy-style}}
        </style>
        </head>
        <body>
        <header>
        <!--yswd:section-->
        {{#organisation}}<p>{{organisation}}</p>{{/organisation}}
        <h1 dir="auto">{{title}}</h1>
        <div class="point">{{> icon-calendar}}<div><p>{{#t}}This update is from {{published}}.{{/t}}</p></div></div>
        <p>{{#t}}This is an easy read update.{{/t}}</p>{{#untranslated}}
        <p>{{untranslated}}</p>{{/untranslated}}
        <p>{{#t}}It tells you what happened to your views.{{/t}}</p>
        <div class="point">{{> icon-question}}<div><p>{{#t}}You can ask someone to help you read this.{{/t}}</p>
        {{#questionsPhone}}<p>{{#t}}You can phone us on {{questionsPhone}}.{{/t}}</p>{{/questionsPhone}}</div></div>
        <!--/yswd:section-->
        </header>
        <main>
        {{#hasChanges}}
        <!--yswd:section-->
        <h2>{{#t}}What has changed since {{changedSince}}{{/t}}</h2>
        {{#changes}}<div class="point">{{> icon-calendar}}<div><p dir="auto">{{text}}</p>
        {{#reason}}<p dir="auto">{{#t}}This is why: {{reason}}{{/t}}</p>{{/reason}}</div></div>
        {{/changes}}
        <!--/yswd:section-->
        {{/hasChanges}}
        <!--yswd:section-->
        <h2>{{#t}}What we asked{{/t}}</h2>
        <div class="point">{{> icon-question}}<div><p dir="auto">{{purpose}}</p></div></div>
        <div class="point">{{> icon-people}}<div><p>{{takingPartText}}</p>
        <p>{{#t}}Thank you.{{/t}}</p></div></div>
        <!--/yswd:section-->
        {{#couldNotChange}}
        <!--yswd:section-->
        <h2>{{#t}}What we could not change{{/t}}</h2>
        <div class="point">{{> icon-we-did-not}}<div><p dir="auto">{{couldNotChange}}</p></div></div>
        <!--/yswd:section-->
        {{/couldNotChange}}
        <!--yswd:section-->
        <h2>{{#t}}What you told us{{/t}}</h2>
        <!--/yswd:section-->
        {{#themes}}
        <!--yswd:section-->
        <section class="theme">
        <h3 dir="auto">{{youSaid}}</h3>
        <div class="point">{{> icon-you-said}}<div><p>{{countText}}</p>
        {{#quotes}}<p dir="auto">{{#t}}Someone told us: “{{text}}”{{/t}}</p>{{#translation}}
        <p dir="auto">{{#t}}This means: “{{translation}}”{{/t}}</p>{{/translation}}
        {{/quotes}}</div></div>
        {{#hasDid}}
        <h4>{{#t}}What we did{{/t}}</h4>
        {{#did}}<div class="point">{{> icon-we-did}}<div><p dir="auto">{{text}}</p></div></div>
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
        <h4>{{#t}}What we will do{{/t}}</h4>
        {{#will}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>{{#t}}We will do this by {{due}}.{{/t}}</p>{{/due}}{{#late}}<p>{{late}}.</p>{{/late}}</div></div>
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
        <h4>{{#t}}What we did not do{{/t}}</h4>
        <div class="point">{{> icon-we-did-not}}<div><p dir="auto">{{because}}</p></div></div>
        {{/weDidNot}}
        {{#pending}}<div class="point">{{> icon-question}}<div><p>{{#t}}We have not decided about this yet.{{/t}}</p>
        <p>{{answersDueText}}</p></div></div>{{/pending}}
        </section>
        <!--/yswd:section-->
        {{/themes}}
        <!--yswd:section-->
        <h2>{{#t}}What happens next{{/t}}</h2>
        {{#unthemedText}}<div class="point">{{> icon-question}}<div><p>{{unthemedText}}</p></div></div>{{/unthemedText}}
        {{#nextSteps}}<div class="point">{{> icon-we-will}}<div><p dir="auto">{{text}}</p>
        {{#due}}<p>{{#t}}We will do this by {{due}}.{{/t}}</p>{{/due}}{{#late}}<p>{{late}}.</p>{{/late}}</div></div>
        {{/nextSteps}}
        {{#allDone}}<div class="point">{{> icon-we-did}}<div><p>{{#t}}We have done everything we said we would do.{{/t}}</p></div></div>{{/allDone}}
        {{#nextUpdate}}<div class="point">{{> icon-calendar}}<div><p>{{#t}}We will tell you more by {{nextUpdate}}.{{/t}}</p></div></div>{{/nextUpdate}}
        <!--/yswd:section-->
        </main>
        <footer>
        <!--yswd:section-->
        <h2>{{#t}}Questions{{/t}}</h2>
        <div class="point">{{> icon-question}}<div><p>{{#t}}You can ask us questions.{{/t}}</p>
        <p dir="auto">{{#t}}Contact us: {{questions}}{{/t}}</p></div></div>
        <!--/yswd:section-->
        </footer>
        </body>
        </html>

        """
}
