extension WebTemplates {
    static let dashboard = """
        {{> top}}
        <h1>Feedback loops</h1>
        <form method="get" action="/" class="filters">
        <div class="field"><label for="lead">Lead</label>
        <select id="lead" name="lead">{{#leads}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/leads}}</select></div>
        <div class="field"><label for="service">Service</label>
        <select id="service" name="service">{{#services}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/services}}</select></div>
        <div class="field"><label for="state">State</label>
        <select id="state" name="state">{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></div>
        <div class="field checkbox"><input type="checkbox" id="mine" name="mine" value="1"{{#mine}} checked{{/mine}}>
        <label for="mine">Only my loops</label></div>
        <button type="submit" class="secondary">Filter</button>
        </form>
        <h2>{{heading}}</h2>
        {{#catchingUp}}<div class="notice" role="status"><p>The record changed a moment ago. This list is from just
        before the change; reload in a few seconds to see it.</p></div>{{/catchingUp}}
        {{#hasRows}}
        <div class="scroll" role="region" aria-label="Open loops, most overdue first" tabindex="0">
        <table>
        <caption class="skip">Open loops, most overdue first</caption>
        <thead><tr><th scope="col">Activity</th><th scope="col">State</th><th scope="col">When</th>
        <th scope="col">Lead</th><th scope="col">Next step</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><td><a href="{{link}}">{{title}}</a><br><span class="hint">{{ref}}</span></td>
        <td><strong class="tag {{tagClass}}">{{stateLabel}}</strong></td><td>{{when}}</td><td>{{lead}}</td>
        <td>{{nextStep}}{{#delivery}}<br><a href="{{link}}/follow-ups">{{delivery}}</a>{{/delivery}}</td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        <nav aria-label="Pages" class="actions">
        {{#pages}}{{#previous}}<a href="{{previous}}">Previous page</a>{{/previous}}
        <span>{{label}}</span>
        {{#next}}<a href="{{next}}">Next page</a>{{/next}}{{/pages}}
        </nav>
        {{/hasRows}}
        {{^hasRows}}<p>{{emptyMessage}}</p>{{/hasRows}}
        {{#hasDigest}}
        <h2>What each lead needs to chase</h2>
        {{#digest}}
        <h3>{{lead}}</h3>
        <pre class="digest">{{text}}</pre>
        {{/digest}}
        {{/hasDigest}}
        {{> bottom}}
        """
}
