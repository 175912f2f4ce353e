extension WebTemplates {
    static let activities = """
        {{> top}}
        <h1>Activities</h1>
        <form method="get" action="/activities" class="filters" role="search">
        <div class="field"><label for="q">Search titles, purposes and themes</label>
        <input type="search" id="q" name="q" value="{{search}}"></div>
        <button type="submit" class="secondary">Search</button>
        </form>
        {{#canAdd}}<p><a class="button" href="/activities/new">Add an activity</a></p>{{/canAdd}}
        <h2>{{heading}}</h2>
        {{#hasRows}}
        <div class="scroll" role="region" aria-label="Activities" tabindex="0">
        <table>
        <caption class="skip">Activities</caption>
        <thead><tr><th scope="col">Activity</th><th scope="col">Service</th><th scope="col">Lead</th><th scope="col">Dates</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td><a href="{{link}}">{{title}}</a><br><span class="hint">{{ref}}</span></td><td>{{service}}</td><td>{{lead}}</td><td>{{dates}}</td></tr>{{/rows}}
        </tbody>
        </table></div>
        <nav aria-label="Pages" class="actions">
        {{#pages}}{{#previous}}<a href="{{previous}}">Previous page</a>{{/previous}}<span>{{label}}</span>{{#next}}<a href="{{next}}">Next page</a>{{/next}}{{/pages}}
        </nav>
        {{/hasRows}}
        {{> bottom}}
        """

    static let activityForm = """
        {{> top}}
        <h1>{{heading}}</h1>
        {{> errors}}
        <form method="post" action="{{action}}" novalidate>
        {{> csrf}}
        {{#isNew}}{{#ref}}{{> text-field}}{{/ref}}{{/isNew}}
        {{#texts}}{{> text-field}}{{/texts}}
        {{#level}}{{> select}}{{/level}}
        {{#methods}}{{> checkboxes}}{{/methods}}
        {{#details}}{{> text-field}}{{/details}}
        {{#organisation}}{{> select}}{{/organisation}}
        {{#dates}}{{> text-field}}{{/dates}}
        {{#channels}}{{> checkboxes}}{{/channels}}
        <div class="actions"><button type="submit">Save</button> <a href="{{cancel}}">Cancel</a></div>
        </form>
        {{> bottom}}
        """
}
