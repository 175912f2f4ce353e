extension WebTemplates {
    static let followUps = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Personal follow-ups</h1>
        {{> errors}}
        {{#problem}}<div class="notice"><p>{{text}}</p><p><a href="{{link}}">{{action}}</a></p></div>{{/problem}}
        {{#hasRows}}
        <p>Each person owed a follow-up hears about their own themes. Download each one, send it, then mark it sent. The files hold contact details: keep them private.</p>
        <form method="post" action="{{path}}/follow-ups/sent" novalidate>
        {{> csrf}}
        <div class="field{{#personError}} error{{/personError}}">
        {{#personError}}<span class="error-message" id="person-error"><span class="skip">Error:</span> {{personError}}</span>{{/personError}}
        <div class="scroll" role="region" aria-labelledby="owed-caption" tabindex="0">
        <table>
        <caption id="owed-caption" class="skip">Everyone owed a follow-up</caption>
        <thead><tr><th scope="col">Sent</th><th scope="col">Participant</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">File</th></tr></thead>
        <tbody>{{#rows}}<tr>
        <td>{{#canMark}}<div class="checkbox"><input type="checkbox" id="{{id}}" name="person" value="{{ref}}"{{#checked}} checked{{/checked}}><label for="{{id}}"><span class="skip">Mark {{ref}} sent</span></label></div>{{/canMark}}</td>
        <td>{{ref}}</td><td>{{name}}</td><td>{{status}}{{#fix}} <a href="{{fix}}">Change {{ref}}’s details</a>{{/fix}}</td>
        <td>{{#link}}<a href="{{link}}" download>{{file}}</a>{{/link}}</td></tr>{{/rows}}</tbody>
        </table>
        </div>
        </div>
        <div class="actions">
        <button type="submit">Mark the ticked follow-ups as sent</button>
        <a href="{{path}}/follow-ups/mailing.csv" download>Download the mailing list (mailing.csv)</a>
        </div>
        </form>
        {{/hasRows}}
        {{^hasRows}}{{^problem}}<p>Nobody is owed a follow-up now.</p>{{/problem}}{{/hasRows}}
        {{#hasGiven}}<h2>Already told</h2><ul>{{#given}}<li>{{.}}</li>{{/given}}</ul>{{/hasGiven}}
        <p><a href="{{path}}">Back to the activity</a></p>
        {{> bottom}}
        """
}
