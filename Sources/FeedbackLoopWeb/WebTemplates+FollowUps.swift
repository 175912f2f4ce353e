extension WebTemplates {
    static let followUps = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Personal follow-ups</h1>
        {{#problem}}<div class="notice"><p>{{problem}}</p></div>{{/problem}}
        {{#hasRows}}
        <p>Each person owed a follow-up hears about their own themes. These files hold contact details: keep them private.</p>
        <table>
        <caption class="skip">Follow-ups owed</caption>
        <thead><tr><th scope="col">Participant</th><th scope="col">Name</th><th scope="col">Format</th><th scope="col">File</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{ref}}</td><td>{{name}}</td><td>{{format}}</td><td><a href="{{link}}" download>{{file}}</a></td></tr>{{/rows}}</tbody>
        </table>
        <p><a href="{{path}}/follow-ups/mailing.csv" download>Download the mailing list (mailing.csv)</a></p>
        <form method="post" action="{{path}}/follow-ups/sent">
        {{> csrf}}
        <button type="submit">Mark them all as sent</button>
        </form>
        {{/hasRows}}
        {{^hasRows}}{{^problem}}<p>Nobody is owed a follow-up now.</p>{{/problem}}{{/hasRows}}
        {{#hasUnreachable}}<h2>Who cannot be reached</h2><ul>{{#unreachable}}<li>{{.}}</li>{{/unreachable}}</ul>{{/hasUnreachable}}
        <p><a href="{{path}}">Back to the activity</a></p>
        {{> bottom}}
        """
}
