extension WebTemplates {
    static let participants = """
        {{> top}}
        <h1>Participants</h1>
        {{> errors}}
        {{#notice}}<div class="notice" role="status"><p>{{notice}}</p></div>{{/notice}}
        <p>Contact details are private: they never appear in anything published, and only publishers and admins see this page.</p>
        <h2>{{heading}}</h2>
        <div class="scroll" role="region" aria-label="Participants" tabindex="0">
        <table>
        <caption class="skip">Participants</caption>
        <thead><tr><th scope="col">Reference</th><th scope="col">Wants to hear back</th><th scope="col">May be quoted</th>
        <th scope="col">Prefers</th><th scope="col">Contact on file</th><th scope="col">Contributions</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{ref}}</td><td>{{wantsFeedback}}</td><td>{{mayQuote}}</td><td>{{prefers}}</td><td>{{contact}}</td><td>{{contributions}}</td></tr>{{/rows}}</tbody>
        </table></div>
        {{#pages}}<nav aria-label="Pages" class="actions">{{#previous}}<a href="{{previous}}">Previous page</a>{{/previous}}<span>{{label}}</span>{{#next}}<a href="{{next}}">Next page</a>{{/next}}</nav>{{/pages}}
        <h2>Add a participant</h2>
        <form method="post" action="/participants" novalidate>
        {{> csrf}}
        {{#fields}}{{> text-field}}{{/fields}}
        {{#prefers}}{{> select}}{{/prefers}}
        {{#language}}{{> select}}{{/language}}
        <div class="checkbox"><input type="checkbox" id="wants-feedback" name="wants-feedback" value="1">
        <label for="wants-feedback">They asked to hear back about the outcome</label></div>
        <div class="checkbox"><input type="checkbox" id="may-quote" name="may-quote" value="1">
        <label for="may-quote">They agreed to be quoted</label></div>
        <button type="submit">Add the participant</button>
        </form>
        <h2>Change a participant’s consents or contact details</h2>
        <form method="post" action="/participants/change" novalidate>
        {{> csrf}}
        {{#change}}{{> text-field}}{{/change}}
        {{#changeChoices}}{{> select}}{{/changeChoices}}
        <button type="submit">Save the change</button>
        </form>
        {{#canErase}}
        <h2>Erase a participant’s details</h2>
        <p>This removes their contact details from the record and its history, for good. Their views stay, unless you also erase what they said.</p>
        <form method="post" action="/participants/erase" novalidate>
        {{> csrf}}
        {{#erase}}{{> text-field}}{{/erase}}
        <div class="checkbox"><input type="checkbox" id="erase-contributions" name="erase-contributions" value="1">
        <label for="erase-contributions">Also erase the text of what they said, and their quotes in published updates</label></div>
        <button type="submit" class="warning">Erase</button>
        </form>
        {{/canErase}}
        {{> bottom}}
        """
}
