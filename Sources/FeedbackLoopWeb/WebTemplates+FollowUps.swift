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
        {{#canSend}}{{#hasRows}}
        <h2>Send through GOV.UK Notify</h2>
        <p>Notify sends the emails and text messages and prints and posts the letters. You will be asked to confirm first.</p>
        <form method="post" action="{{path}}/follow-ups/send" novalidate>
        {{> csrf}}
        <div class="actions"><button type="submit">Send follow-ups</button></div>
        </form>
        {{/hasRows}}{{/canSend}}
        {{#sending}}<div class="notice" role="status"><p>{{sending}}</p></div>{{/sending}}
        {{#hasDeliveries}}
        <h2>Sent through GOV.UK Notify</h2>
        {{#tally}}<p>{{tally}}</p>{{/tally}}
        <div class="scroll" role="region" aria-labelledby="sent-caption" tabindex="0">
        <table>
        <caption id="sent-caption" class="skip">Follow-ups sent through GOV.UK Notify</caption>
        <thead><tr><th scope="col">Participant</th><th scope="col">Channel</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#deliveries}}<tr><td>{{ref}}</td><td>{{channel}}</td><td>{{status}}{{#problem}} ({{problem}}){{/problem}}{{#fix}} <a href="{{fix}}">Check {{ref}}’s details</a>{{/fix}}</td></tr>{{/deliveries}}</tbody>
        </table>
        </div>
        {{/hasDeliveries}}
        {{#hasGiven}}<h2>Already told</h2><ul>{{#given}}<li>{{.}}</li>{{/given}}</ul>{{/hasGiven}}
        <p><a href="{{path}}">Back to the activity</a></p>
        {{> bottom}}
        """
}
