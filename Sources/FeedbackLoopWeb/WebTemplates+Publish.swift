extension WebTemplates {
    static let publish = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Publish an update</h1>
        {{> errors}}
        <h2>Preview</h2>
        <p>Each format opens on a page of its own, exactly as it will be published.</p>
        <ul>{{#formats}}<li><a href="{{link}}">{{label}}</a></li>{{/formats}}</ul>
        <form method="post" action="{{path}}/publish" novalidate>
        {{> csrf}}
        <h2>Private details found</h2>
        {{#hasFindings}}
        <div class="field" id="allow">
        <fieldset>
        <legend>Tick each one you have checked and that may be published</legend>
        {{#findings}}<div class="checkbox"><input type="checkbox" id="allow-{{id}}" name="allow" value="{{id}}"{{#checked}} checked{{/checked}}>
        <label for="allow-{{id}}">{{what}} <span class="hint">in {{location}} ({{id}})</span></label></div>{{/findings}}
        </fieldset>
        </div>
        {{/hasFindings}}
        {{^hasFindings}}<p>None: no email address, phone number, NHS number, postcode or participant’s detail was found.</p>{{/hasFindings}}
        {{#donePromised}}<h2>Wording to check</h2>
        <p>{{donePromised}}</p>{{/donePromised}}
        {{#needsEarly}}
        <h2>Not everything is answered yet</h2>
        {{#unanswered}}<p>{{unanswered}}</p>{{/unanswered}}
        {{#unthemed}}<p>{{unthemed}}</p>{{/unthemed}}
        <div class="checkbox"><input type="checkbox" id="early" name="early" value="1"{{#early}} checked{{/early}}>
        <label for="early">Publish early, saying what has no answer yet</label></div>
        {{/needsEarly}}

        <h2>Record it</h2>
        {{#format}}{{> checkboxes}}{{/format}}
        {{#addTo}}<div class="checkbox"><input type="checkbox" id="add-to" name="add-to" value="{{number}}"{{#checked}} checked{{/checked}}>
        <label for="add-to">Add these formats to update {{number}} instead of recording a new update (only while the record says what update {{number}} said)</label></div>{{/addTo}}
        {{#channels}}{{> checkboxes}}{{/channels}}
        <button type="submit">Record the update as published</button>
        </form>
        <h2>The public site</h2>
        <p><a href="/site/index.html">See the site as it will be published</a>.</p>
        <form method="post" action="/site/build">
        {{> csrf}}
        <button type="submit" class="secondary">Build the site</button>
        </form>
        <p><a href="{{path}}">Back to the activity</a></p>
        {{> bottom}}
        """
}
