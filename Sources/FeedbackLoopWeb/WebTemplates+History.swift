extension WebTemplates {
    static let history = """
        {{> top}}
        {{#activity}}<span class="caption">{{activity}}</span>{{/activity}}
        <h1>{{heading}}</h1>
        {{> errors}}
        <form method="get" action="/history" class="filters" novalidate>
        {{#activity}}<input type="hidden" name="activity" value="{{activity}}">{{/activity}}
        {{#by}}{{> select}}{{/by}}
        {{#kind}}{{> select}}{{/kind}}
        {{#from}}{{> text-field}}{{/from}}
        {{#to}}{{> text-field}}{{/to}}
        <button type="submit" class="secondary">Show these changes</button>
        </form>
        {{#hasRows}}
        <div class="scroll" role="region" aria-label="Changes, newest first" tabindex="0">
        <table>
        <caption class="skip">Changes, newest first</caption>
        <thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th>{{^activity}}<th scope="col">Activity</th>{{/activity}}<th scope="col">What changed</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{when}}</td><td>{{who}}</td>{{^activity}}<td>{{#activityLink}}<a href="{{activityLink}}">{{activity}}</a>{{/activityLink}}</td>{{/activity}}<td>{{what}}</td></tr>{{/rows}}</tbody>
        </table></div>
        <nav class="pages" aria-label="Pages of changes">{{#pages}}{{#previous}}<a href="{{previous}}">Previous page</a>{{/previous}} <span>{{label}}</span> {{#next}}<a href="{{next}}">Next page</a>{{/next}}{{/pages}}</nav>
        {{/hasRows}}
        {{^hasRows}}<p>No changes match.</p>{{/hasRows}}
        <p><a href="{{csv}}" download>Download these changes as CSV</a></p>
        {{#back}}<p><a href="{{back}}">Back to the activity</a></p>{{/back}}
        {{> bottom}}
        """
}
