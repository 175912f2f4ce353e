/// The web app's Mustache templates, as constants so the binary needs no resources. Pages open with
/// `{{> top}}` and close with `{{> bottom}}`, inside a view with a `frame`.
enum WebTemplates {
    static let all: [String: String] = [
        "top": top, "bottom": bottom, "confirm": confirm, "draft": draft, "errors": errors, "message": message,
        "sign-in": signIn,
        "set-password": setPassword, "dashboard": dashboard, "text-field": textField, "checkboxes": checkboxes,
        "select": select, "csrf": csrf, "activities": activities, "activity": activity, "activity-form": activityForm,
        "theming": theming, "import": importPage, "translations": translationsPage, "import-columns": importColumns,
        "publish": publish, "publish-confirm": publishConfirm, "publish-done": publishDone, "follow-ups": followUps,
        "users": users,
        "change": change, "participants": participants,
        "contribution": contribution, "organisations": organisations, "history": history,
    ]

    static let top = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#frame}}<title>{{#hasErrors}}Error: {{/hasErrors}}{{title}} – yswd</title>{{/frame}}
        <link rel="stylesheet" href="/assets/yswd.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        {{#frame}}
        <header class="site">
        <a class="brand" href="/">yswd</a>
        {{#signedIn}}
        <nav aria-label="Main">
        <ul>
        <li><a href="/"{{#inLoops}} aria-current="page"{{/inLoops}}>Loops</a></li>
        <li><a href="/activities"{{#inActivities}} aria-current="page"{{/inActivities}}>Activities</a></li>
        <li><a href="/organisations">Organisations</a></li>
        <li><a href="/site/index.html">Public site</a></li>
        <li><a href="/history"{{#inHistory}} aria-current="page"{{/inHistory}}>History</a></li>
        {{#isPublisher}}<li><a href="/participants"{{#inParticipants}} aria-current="page"{{/inParticipants}}>Participants</a></li>{{/isPublisher}}
        {{#isAdmin}}<li><a href="/users"{{#inUsers}} aria-current="page"{{/inUsers}}>Users</a></li>{{/isAdmin}}
        </ul>
        </nav>
        <div class="who">
        <span>{{userName}} ({{userRole}})</span>
        <form method="post" action="/sign-out"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">Sign out</button></form>
        </div>
        {{/signedIn}}
        </header>
        {{/frame}}
        <main id="main">
        {{#frame}}{{#notice}}<div class="banner" role="status" aria-labelledby="banner-title">
        <h2 id="banner-title">Done</h2><p>{{notice}}</p></div>{{/notice}}{{/frame}}
        """

    static let bottom = """
        </main>
        </body>
        </html>
        """

    /// The error summary: a list of links to the fields in error.
    static let errors = """
        {{#hasErrors}}
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">There is a problem</h2>
        <ul>
        {{#errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/errors}}
        </ul>
        </div>
        {{/hasErrors}}
        """

    static let confirm = """
        {{> top}}
        <span class="caption">{{caption}}</span>
        <h1>{{heading}}</h1>
        <ul>{{#consequences}}<li>{{.}}</li>{{/consequences}}</ul>
        <form method="post" action="{{action}}" novalidate>
        {{> csrf}}
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        <input type="hidden" name="confirmed" value="yes">
        <div class="actions">
        <button type="submit" class="warning">{{button}}</button>
        <a href="{{back}}">No, go back</a>
        </div>
        </form>
        {{> bottom}}
        """

    static let draft = """
        {{> top}}
        <h1>Send what you typed?</h1>
        <p>You were signed out before this was saved. Nothing has been changed yet. Check it, then send it or delete it.</p>
        <dl class="summary">{{#rows}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/rows}}</dl>
        <form method="post" action="/drafts/send" novalidate>
        {{> csrf}}
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        <div class="actions"><button type="submit">Send it</button></div>
        </form>
        <form method="post" action="/drafts/discard">
        {{> csrf}}
        <button type="submit" class="secondary">Delete it</button>
        </form>
        {{> bottom}}
        """

    static let message = """
        {{> top}}
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        {{#link}}<p><a href="{{link}}">{{linkText}}</a></p>{{/link}}
        <p><a href="/">Go to the dashboard</a></p>
        {{> bottom}}
        """

    static let signIn = """
        {{> top}}
        <h1>Sign in to yswd</h1>
        {{> errors}}
        {{#notice}}<div class="notice"><p>{{notice}}</p></div>{{/notice}}
        <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="csrf" value="{{token}}">
        <input type="hidden" name="next" value="{{next}}">
        <div class="field{{#hasErrors}} error{{/hasErrors}}">
        <label for="email">Email address</label>
        <input type="email" id="email" name="email" value="{{email}}" autocomplete="username" spellcheck="false">
        </div>
        <div class="field{{#hasErrors}} error{{/hasErrors}}">
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password">
        </div>
        <button type="submit">Sign in</button>
        </form>
        {{> bottom}}
        """

    static let setPassword = """
        {{> top}}
        <span class="caption">{{email}}</span>
        <h1>Set your password</h1>
        {{> errors}}
        <form method="post" action="/set-password/{{token}}" novalidate>
        <div class="field{{#hasErrors}} error{{/hasErrors}}">
        <label for="password">New password</label>
        <span class="hint" id="password-hint">At least 12 characters. Not a common password. A few unrelated words
        work well.</span>
        {{#hasErrors}}{{#errors}}<span class="error-message"><span class="skip">Error:</span> {{message}}</span>{{/errors}}{{/hasErrors}}
        <input type="password" id="password" name="password" autocomplete="new-password" aria-describedby="password-hint">
        </div>
        <div class="field">
        <label for="confirm">Type it again</label>
        <input type="password" id="confirm" name="confirm" autocomplete="new-password">
        </div>
        <button type="submit">Set password</button>
        </form>
        {{> bottom}}
        """
}
