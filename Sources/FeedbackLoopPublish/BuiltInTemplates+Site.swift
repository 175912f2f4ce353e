extension BuiltInTemplates {
    static let siteIndex = """
        <!DOCTYPE html>
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}You said, we did{{/t}}{{#organisation}}: {{organisation}}{{/organisation}}</title>
        <link rel="alternate" type="application/atom+xml" title="{{#t}}Updates{{/t}}" href="{{feedHref}}">
        <style>
        {{> style}}
        </style>
        </head>
        <body>
        <header>
        {{#organisation}}<p class="meta">{{organisation}}</p>{{/organisation}}
        <h1>{{#t}}You said, we did{{/t}}</h1>
        <p>{{#t}}What people told us, and what we did about it. The latest update of each, newest first.{{/t}}</p>
        </header>
        <main>
        {{#services}}
        <h2 dir="auto">{{service}}</h2>
        <ul>
        {{#updates}}<li><a href="{{href}}" dir="auto">{{title}}</a> <span class="meta">({{published}}{{#easyRead}}, {{#t}}easy read{{/t}}{{/easyRead}})</span>
        {{#hasRenditions}}<br><span class="meta">{{#t}}Also in:{{/t}}</span> {{#renditions}}<a href="{{href}}">{{label}}</a> {{/renditions}}{{/hasRenditions}}
        {{#hasEarlier}}<br><span class="meta">{{#t}}Earlier updates:{{/t}}</span> {{#earlier}}<a href="{{href}}">{{#t}}update {{number}} ({{published}}){{/t}}</a> {{/earlier}}{{/hasEarlier}}</li>
        {{/updates}}
        </ul>
        {{/services}}
        {{^services}}<p>{{#t}}No updates have been published yet.{{/t}}</p>{{/services}}
        </main>
        <footer>
        <h2>{{#t}}Open data{{/t}}</h2>
        <ul>
        <li><a href="{{jsonHref}}">{{#t}}Every update as JSON{{/t}}</a></li>
        <li><a href="{{csvHref}}">{{#t}}Every update as CSV{{/t}}</a></li>
        <li><a href="{{feedHref}}">{{#t}}Atom feed of updates{{/t}}</a></li>
        </ul>
        </footer>
        </body>
        </html>

        """

    static let siteUpdate = """
        <!DOCTYPE html>
        <html lang="{{lang}}"{{#rtl}} dir="rtl"{{/rtl}}>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#t}}You said, we did: {{title}}{{/t}}</title>
        <style>
        {{> style}}
        pre{white-space:pre-wrap;font-family:inherit}
        </style>
        </head>
        <body>
        {{#replaced}}<div class="replaced" role="note"><p><strong>{{#t}}This update was replaced on {{on}}.{{/t}}</strong> <a href="{{latestHref}}">{{#t}}Read the latest update{{/t}}</a></p></div>{{/replaced}}
        <header>
        <p><a href="{{indexHref}}">{{#t}}All updates{{/t}}</a></p>
        <h1 dir="auto"><span class="kicker">{{#t}}You said, we did{{/t}}</span> {{title}}</h1>
        <p class="meta">{{#t}}Published {{published}}{{/t}}</p>
        </header>
        <main>
        <pre dir="auto">{{text}}</pre>
        </main>
        <footer>
        <p><a href="{{rawHref}}">{{#t}}The update exactly as published{{/t}}</a></p>
        </footer>
        </body>
        </html>

        """
}
