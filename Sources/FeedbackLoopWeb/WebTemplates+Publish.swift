extension WebTemplates {
    static let publish = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Publish an update</h1>
        {{> errors}}
        <h2>Preview</h2>
        <p>Each format opens on a page of its own, as it will be published, marked as a preview.</p>
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

        <h2>What to publish</h2>
        {{#format}}{{> checkboxes}}{{/format}}
        {{#addTo}}<div class="checkbox"><input type="checkbox" id="add-to" name="add-to" value="{{number}}"{{#checked}} checked{{/checked}}>
        <label for="add-to">Add these formats to update {{number}} instead of publishing a new update (only while the record says what update {{number}} said)</label></div>{{/addTo}}
        {{#channels}}{{> checkboxes}}{{/channels}}
        {{#language}}{{> select}}{{/language}}
        <p>Next you check what will be published. Nothing is published until you confirm.</p>
        <button type="submit" name="action" value="check">Continue</button>
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

    static let publishConfirm = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>{{heading}}</h1>
        <dl class="summary">{{#rows}}<dt>{{key}}</dt><dd>{{value}}</dd>{{/rows}}</dl>
        {{#isFirst}}<p>This is the activity’s first update.</p>{{/isFirst}}
        {{^isFirst}}<h2>{{changesHeading}}</h2>
        {{#hasChanges}}<ul>{{#changes}}<li>{{.}}</li>{{/changes}}</ul>{{/hasChanges}}
        {{^hasChanges}}<p>No answer has changed.</p>{{/hasChanges}}{{/isFirst}}
        <p>Once published, an update is kept exactly as it is. A later change to an answer needs a new update.</p>
        <form method="post" action="{{path}}/publish" novalidate>
        {{> csrf}}
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        <div class="actions">
        <button type="submit" name="action" value="confirm">{{button}}</button>
        <button type="submit" name="action" value="change" class="secondary">Change what to publish</button>
        </div>
        </form>
        {{> bottom}}
        """

    static let publishDone = """
        {{> top}}
        <div class="panel">
        <h1>{{heading}}</h1>
        <p>{{published}}</p>
        </div>
        <h2>Its files</h2>
        <ul>{{#files}}<li><a href="{{link}}">{{label}}</a></li>{{/files}}</ul>
        <h2>What happens next</h2>
        <ul>{{#nextSteps}}<li>{{.}}</li>{{/nextSteps}}</ul>
        <div class="actions">
        {{#hasFollowUps}}<a class="button" href="{{followUpsLink}}">Personal follow-ups</a>{{/hasFollowUps}}
        <a class="button secondary" href="{{path}}">Back to the activity</a>
        </div>
        <form method="post" action="/site/build">
        {{> csrf}}
        <button type="submit" class="secondary">Build the public site</button>
        </form>
        {{> bottom}}
        """
}
