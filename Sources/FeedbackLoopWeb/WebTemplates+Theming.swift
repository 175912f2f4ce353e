extension WebTemplates {
    static let theming = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Theme contributions</h1>
        {{> errors}}
        <form method="get" action="{{path}}/theming" class="filters" role="search">
        {{#show}}{{> select}}{{/show}}
        <div class="field"><label for="q">Containing the words</label>
        <input type="search" id="q" name="q" value="{{search}}"></div>
        {{#size}}{{> select}}{{/size}}
        <button type="submit" class="secondary">Show them</button>
        </form>
        <h2>{{heading}}</h2>
        <form method="post" action="{{path}}/theming" novalidate>
        {{> csrf}}
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        {{#hasRows}}
        <div class="field" id="contribution">
        <fieldset>
        <legend>Contributions</legend>
        {{#rows}}<div class="checkbox"><input type="checkbox" id="contribution-{{id}}" name="contribution" value="{{id}}"{{#checked}} checked{{/checked}}>
        <label for="contribution-{{id}}"><strong>{{id}}.</strong> {{text}}{{#method}} <span class="hint">({{method}})</span>{{/method}}{{#themes}} <span class="hint">{{themes}}</span>{{/themes}}</label></div>{{/rows}}
        </fieldset>
        </div>
        <div class="actions"><button type="submit" name="action" value="select-page" class="secondary">Tick every one on this page</button></div>
        <nav class="actions" aria-label="Pages of contributions">{{#pages}}{{#previous}}<a href="{{previous}}">Previous page</a>{{/previous}} <span>{{label}}</span> {{#next}}<a href="{{next}}">Next page</a>{{/next}}{{/pages}}</nav>
        <div class="checkbox"><input type="checkbox" id="all-matching" name="all-matching" value="1"{{#allMatching}} checked{{/allMatching}}>
        <label for="all-matching">{{allLabel}}</label></div>
        <h3>Link them to a theme</h3>
        {{#theme}}{{> select}}{{/theme}}
        <div class="checkbox"><input type="checkbox" id="move" name="move" value="1"{{#move}} checked{{/move}}>
        <label for="move">Move them: take them out of the themes they are in now</label></div>
        {{#reason}}{{> text-field}}{{/reason}}
        <button type="submit" name="action" value="link">Link to the theme</button>
        <h3>Or mark them out of scope</h3>
        {{#outOfScope}}{{> text-field}}{{/outOfScope}}
        <button type="submit" name="action" value="out-of-scope" class="secondary">Mark out of scope</button>
        {{/hasRows}}
        <h2 id="new-theme">Create a theme</h2>
        {{#newKey}}{{> text-field}}{{/newKey}}
        {{#newSaid}}{{> text-field}}{{/newSaid}}
        <button type="submit" name="action" value="create-theme" class="secondary">Create the theme</button>
        </form>
        <p><a href="{{path}}">Back to the activity</a></p>
        {{> bottom}}
        """
}
