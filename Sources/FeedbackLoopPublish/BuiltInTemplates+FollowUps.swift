extension BuiltInTemplates {
    // A follow-up's context is the update's, with `themes` narrowed to the themes the person's own
    // views fed into, plus `addressLines` (letters) and `subject` (email).

    static let followUpEmail = """
        Subject: {{subject}}

        Hello,

        Thank you for taking part in "{{title}}". You asked to hear what happened to your views, so here it is.

        {{#themes}}
        You told us: {{youSaid}}
        {{#actions}}
          {{#done}}We did: {{text}}{{/done}}{{^done}}We will: {{text}}{{#due}}, by {{due}}{{/due}} ({{status}}){{/done}}
        {{/actions}}
        {{#weDidNot}}
          {{#partly}}What we did not do{{/partly}}{{^partly}}We did not do this{{/partly}}, because: {{because}} {{reason}}
        {{/weDidNot}}

        {{/themes}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.

        {{/nextUpdate}}
        {{#questions}}If you have questions, contact {{questions}}.{{/questions}}

        Thank you,
        {{#organisation}}{{organisation}}{{/organisation}}{{^organisation}}The engagement team{{/organisation}}

        """

    static let followUpLetter = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Letter: what happened to your views on {{title}}</title>
        <style>
        {{> style}}
        .address{margin:2rem 0;white-space:pre-line}
        </style>
        </head>
        <body>
        <header>
        {{#organisation}}<p class="meta">{{organisation}}</p>{{/organisation}}
        <p class="address" dir="auto">{{#addressLines}}{{.}}
        {{/addressLines}}</p>
        <p>{{published}}</p>
        </header>
        <main>
        <h1 dir="auto">What happened to your views on {{title}}</h1>
        <p>Thank you for taking part. You asked to hear what happened to your views, so here it is.</p>
        {{#themes}}
        <section class="theme">
        <h2 dir="auto">You told us: {{youSaid}}</h2>
        {{#hasActions}}
        <ul>
        {{#actions}}<li dir="auto">{{#done}}<strong>We did:</strong> {{text}}{{/done}}{{^done}}<strong>We will:</strong> \
        {{text}}{{#due}}, by {{due}}{{/due}} ({{status}}){{/done}}</li>
        {{/actions}}
        </ul>
        {{/hasActions}}
        {{#weDidNot}}<p dir="auto"><strong>{{#partly}}What we did not do{{/partly}}{{^partly}}We did not do this{{/partly}}, \
        because:</strong> {{because}} {{reason}}</p>{{/weDidNot}}
        </section>
        {{/themes}}
        {{#nextUpdate}}<p>Our next update will be by {{nextUpdate}}.</p>{{/nextUpdate}}
        </main>
        <footer>
        {{#questions}}<p dir="auto">If you have questions, contact {{questions}}.</p>{{/questions}}
        <p>Thank you,<br>{{#organisation}}{{organisation}}{{/organisation}}{{^organisation}}The engagement team{{/organisation}}</p>
        </footer>
        </body>
        </html>

        """

    static let followUpEasyRead = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Easy read: what happened to your views on {{title}}</title>
        <style>
        {{> easy-style}}
        .address{white-space:pre-line}
        </style>
        </head>
        <body>
        <header>
        <p class="address" dir="auto">{{#addressLines}}{{.}}
        {{/addressLines}}</p>
        </header>
        <main>
        <h1 dir="auto">What happened to your views: {{title}}</h1>
        <p>Thank you for telling us what you think.</p>
        <p>You asked us to tell you what happened.</p>
        {{#themes}}
        <section class="theme">
        <p dir="auto"><strong>You told us:</strong> {{youSaid}}</p>
        {{#actions}}
        {{#done}}<p dir="auto"><strong>We did this:</strong> {{text}}</p>{{/done}}
        {{^done}}<p dir="auto"><strong>We will do this:</strong> {{text}}</p>
        {{#due}}<p>We will do it by {{due}}.</p>{{/due}}{{/done}}
        {{/actions}}
        {{#weDidNot}}<p><strong>We could not do {{#partly}}all of {{/partly}}this.</strong></p>
        <p dir="auto">This is why: {{because}}</p>{{/weDidNot}}
        </section>
        {{/themes}}
        </main>
        <footer>
        {{#questions}}<p dir="auto">You can ask us: {{questions}}</p>{{/questions}}
        </footer>
        </body>
        </html>

        """

    static let followUpPhone = """
        CALL SCRIPT: {{title}}
        Call {{phone}}.

        Say who you are and where you are calling from{{#organisation}} ({{organisation}}){{/organisation}}.
        Say: "You took part in {{title}} and asked to hear what happened to your views. Is now a good time?"

        {{#themes}}
        Say: "You told us: {{youSaid}}"
        {{#actions}}
          {{#done}}Say: "We did this: {{text}}"{{/done}}{{^done}}Say: "We will do this: {{text}}{{#due}}, by {{due}}{{/due}}"{{/done}}
        {{/actions}}
        {{#weDidNot}}
          Say: "{{#partly}}We could not do all of it{{/partly}}{{^partly}}We could not do this{{/partly}}, because: {{because}}"
        {{/weDidNot}}

        {{/themes}}
        Ask if they have any questions.{{#questions}} They can also contact {{questions}}.{{/questions}}
        Thank them for taking part.

        """
}
