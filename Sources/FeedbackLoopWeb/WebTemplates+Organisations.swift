extension WebTemplates {
    static let organisations = """
        {{> top}}
        <h1>Organisations</h1>
        {{> errors}}
        <p>The organisations in the care system that run engagement. Each activity can name the one that ran it; the yearly report judges each.</p>
        <div class="scroll" role="region" aria-label="Organisations" tabindex="0">
        <table>
        <caption class="skip">Organisations</caption>
        <thead><tr><th scope="col">Organisation</th><th scope="col">Kind</th><th scope="col">Activities</th>{{#canEdit}}<th scope="col">Change</th>{{/canEdit}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{name}}<br><span class="hint">{{key}}</span></td><td>{{kind}}</td><td>{{activities}}</td>
        {{#canEdit}}<td><form method="post" action="/organisations" class="filters">{{> csrf}}<input type="hidden" name="key" value="{{key}}">
        <div class="field"><label for="kind-{{key}}">Kind of {{name}}</label>
        <select id="kind-{{key}}" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></div>
        <button type="submit" name="action" value="update" class="secondary">Change kind</button>
        <button type="submit" name="action" value="remove" class="warning">Remove</button></form></td>{{/canEdit}}</tr>{{/rows}}</tbody>
        </table></div>
        {{#canEdit}}
        <h2>Add an organisation</h2>
        <form method="post" action="/organisations" novalidate>
        {{> csrf}}
        {{#fields}}{{> text-field}}{{/fields}}
        {{#kind}}{{> select}}{{/kind}}
        <button type="submit" name="action" value="add">Add the organisation</button>
        </form>
        {{/canEdit}}
        {{> bottom}}
        """
}
