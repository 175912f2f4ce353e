extension BuiltInTemplates {
    static let siteIndex = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>You said, we did{{#organisation}}: {{organisation}}{{/organisation}}</title>
        <link rel="alternate" type="application/atom+xml" title="Updates" href="{{feedHref}}">
        <style>
        {{> style}}
        </style>
        </head>
        <body>
        <header>
        {{#organisation}}<p class="meta">{{organisation}}</p>{{/organisation}}
        <h1>You said, we did</h1>
        <p>What people told us, and what we did about it. The latest update of each, newest first.</p>
        </header>
        <main>
        {{#services}}
        <h2 dir="auto">{{service}}</h2>
        <ul>
        {{#updates}}<li><a href="{{href}}" dir="auto">{{title}}</a> <span class="meta">({{published}}{{#easyRead}}, easy read{{/easyRead}})</span>
        {{#hasRenditions}}<br><span class="meta">Also in:</span> {{#renditions}}<a href="{{href}}">{{label}}</a> {{/renditions}}{{/hasRenditions}}
        {{#hasEarlier}}<br><span class="meta">Earlier updates:</span> {{#earlier}}<a href="{{href}}">update {{number}} ({{published}})</a> {{/earlier}}{{/hasEarlier}}</li>
        {{/updates}}
        </ul>
        {{/services}}
        {{^services}}<p>No updates have been published yet.</p>{{/services}}
        </main>
        <footer>
        <h2>Open data</h2>
        <ul>
        <li><a href="{{jsonHref}}">Every update as JSON</a></li>
        <li><a href="{{csvHref}}">Every update as CSV</a></li>
        <li><a href="{{feedHref}}">Atom feed of updates</a></li>
        </ul>
        </footer>
        </body>
        </html>

        """

    static let siteUpdate = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>You said, we did: {{title}}</title>
        <style>
        {{> style}}
        pre{white-space:pre-wrap;font-family:inherit}
        </style>
        </head>
        <body>
        {{#replaced}}<div class="replaced" role="note"><p><strong>This update was replaced on {{on}}.</strong> <a href="{{latestHref}}">Read the latest update</a></p></div>{{/replaced}}
        <header>
        <p><a href="{{indexHref}}">All updates</a></p>
        <h1 dir="auto"><span class="kicker">You said, we did</span> {{title}}</h1>
        <p class="meta">Published {{published}}</p>
        </header>
        <main>
        <pre dir="auto">{{text}}</pre>
        </main>
        <footer>
        <p><a href="{{rawHref}}">The update exactly as published</a></p>
        </footer>
        </body>
        </html>

        """
}
