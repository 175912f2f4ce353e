extension WebTemplates {
    static let theming = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Theme contributions</h1>
        {{> errors}}
        <form method="get" action="{{path}}/theming" class="filters" role="search">
        <div class="field"><label for="q">Show only contributions that contain</label>
        <input type="search" id="q" name="q" value="{{search}}"></div>
        <button type="submit" class="secondary">Search</button>
        </form>
        <h2>{{heading}}</h2>
        {{#hasRows}}
        <form method="post" action="{{path}}/theming" novalidate>
        {{> csrf}}
        <input type="hidden" name="q" value="{{search}}">
        <div class="field" id="contribution">
        <fieldset>
        <legend>Contributions to theme</legend>
        {{#rows}}<div class="checkbox"><input type="checkbox" id="contribution-{{id}}" name="contribution" value="{{id}}"{{#checked}} checked{{/checked}}>
        <label for="contribution-{{id}}"><strong>{{id}}.</strong> {{text}}{{#method}} <span class="hint">({{method}})</span>{{/method}}</label></div>{{/rows}}
        </fieldset>
        </div>
        <h3>Link the ticked contributions to a theme</h3>
        {{#theme}}{{> select}}{{/theme}}
        {{#reason}}{{> text-field}}{{/reason}}
        <button type="submit" name="action" value="link">Link to the theme</button>
        <h3>Or mark them out of scope</h3>
        {{#outOfScope}}{{> text-field}}{{/outOfScope}}
        <button type="submit" name="action" value="out-of-scope" class="secondary">Mark out of scope</button>
        </form>
        {{/hasRows}}
        <p><a href="{{path}}#themes">Back to the activity</a> (to add a theme)</p>
        {{> bottom}}
        """
}
