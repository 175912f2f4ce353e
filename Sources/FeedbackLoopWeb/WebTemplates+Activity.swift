extension WebTemplates {
    static let activity = """
        {{> top}}
        <span class="caption">{{ref}}</span>
        <h1>{{title}}</h1>
        {{> errors}}
        <p><strong class="tag {{tagClass}}">{{stateLabel}}</strong> {{when}}.</p>
        <p><strong>Next step:</strong> {{nextStep}}.</p>
        {{#hasMissing}}<ul>{{#missing}}<li>{{.}}</li>{{/missing}}</ul>{{/hasMissing}}
        <div class="actions">
        {{#canEdit}}<a class="button secondary" href="{{path}}/edit">Change the activity</a>
        <a class="button secondary" href="{{path}}/theming">Theme contributions</a>
        <a class="button secondary" href="{{path}}/import">Import contributions</a>{{/canEdit}}
        {{#canPublish}}<a class="button" href="{{path}}/publish">Publish an update</a>{{/canPublish}}
        </div>

        <h2 id="promise">The activity and its promise</h2>
        <dl class="summary">{{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/facts}}</dl>

        <h2 id="principles">The eight principles</h2>
        <div class="scroll" role="region" aria-label="How the activity meets each principle" tabindex="0">
        <table>
        <caption class="skip">How the activity meets each principle</caption>
        <thead><tr><th scope="col">Principle</th><th scope="col">Verdict</th><th scope="col">Why</th></tr></thead>
        <tbody>{{#principles}}<tr><td>{{name}}</td><td><strong class="tag {{tagClass}}">{{verdict}}</strong></td><td>{{reason}}</td></tr>{{/principles}}</tbody>
        </table></div>

        <h2 id="contributions">What people said</h2>
        <p>{{counts}} <a href="{{path}}/contributions">See every contribution, with its number</a>.</p>
        {{#canEdit}}
        {{#forms}}
        <details>
        <summary>Add a contribution</summary>
        <form method="post" action="{{path}}/contributions" novalidate>
        {{> csrf}}
        {{#contribution}}{{> text-field}}{{/contribution}}
        {{#contributionMethod}}{{> select}}{{/contributionMethod}}
        <button type="submit">Add the contribution</button>
        </form>
        </details>
        {{/forms}}
        {{/canEdit}}

        <h2 id="themes">You said: the themes</h2>
        {{#hasThemes}}
        <div class="scroll" role="region" aria-label="Themes and their answers" tabindex="0">
        <table>
        <caption class="skip">Themes and their answers</caption>
        <thead><tr><th scope="col">Theme</th><th scope="col">Views</th><th scope="col">Answer</th><th scope="col">We did, or why not</th></tr></thead>
        <tbody>{{#themes}}<tr><td><a href="{{path}}/themes/{{key}}"><strong>{{key}}</strong></a><br>{{said}}</td><td>{{views}}</td><td>{{answer}}</td>
        <td>{{#responses}}<p>{{.}}</p>{{/responses}}{{#explanation}}<p>Not done: {{explanation}}</p>{{/explanation}}</td></tr>{{/themes}}</tbody>
        </table></div>
        {{/hasThemes}}
        {{^hasThemes}}<p>No themes yet.</p>{{/hasThemes}}
        {{#canEdit}}
        {{#forms}}
        <h3>Add a theme</h3>
        <form method="post" action="{{path}}/themes" novalidate>
        {{> csrf}}
        {{#theme}}{{> text-field}}{{/theme}}
        {{#themeReason}}{{> text-field}}{{/themeReason}}
        <button type="submit">Add the theme</button>
        </form>
        {{#hasThemes}}
        <h3>Explain why a theme was not acted on</h3>
        <form method="post" action="{{path}}/explanations" novalidate>
        {{> csrf}}
        {{#explainTheme}}{{> select}}{{/explainTheme}}
        {{#explain}}{{> text-field}}{{/explain}}
        {{#explainCategory}}{{> select}}{{/explainCategory}}
        {{#explainReason}}{{> text-field}}{{/explainReason}}
        <button type="submit">Save the explanation</button>
        </form>
        {{/hasThemes}}
        {{/forms}}
        {{/canEdit}}

        <h2 id="decisions">We did, and we will: decisions</h2>
        {{#hasDecisions}}
        <div class="scroll" role="region" aria-label="Decisions" tabindex="0">
        <table>
        <caption class="skip">Decisions</caption>
        <thead><tr><th scope="col">Decision</th><th scope="col">Status</th><th scope="col">Due</th><th scope="col">Answers</th></tr></thead>
        <tbody>{{#decisions}}<tr><td><a href="{{path}}/decisions/{{key}}"><strong>{{key}}</strong></a><br>{{text}}</td><td>{{status}}</td><td>{{due}}</td><td>{{responds}}</td></tr>{{/decisions}}</tbody>
        </table></div>
        {{/hasDecisions}}
        {{^hasDecisions}}<p>No decisions yet.</p>{{/hasDecisions}}
        {{#canEdit}}
        {{#forms}}
        {{#hasThemes}}
        <h3>Add a decision</h3>
        <form method="post" action="{{path}}/decisions" novalidate>
        {{> csrf}}
        {{#decision}}{{> text-field}}{{/decision}}
        {{#decisionThemes}}{{> checkboxes}}{{/decisionThemes}}
        {{#decisionPartly}}{{> checkboxes}}{{/decisionPartly}}
        {{#decisionStatus}}{{> select}}{{/decisionStatus}}
        {{#decisionReason}}{{> text-field}}{{/decisionReason}}
        <button type="submit">Add the decision</button>
        </form>
        {{/hasThemes}}
        {{/forms}}
        {{/canEdit}}

        <h2 id="updates">Updates published</h2>
        {{#hasUpdates}}
        <div class="scroll" role="region" aria-label="Recorded updates" tabindex="0">
        <table>
        <caption class="skip">Recorded updates</caption>
        <thead><tr><th scope="col">Update</th><th scope="col">Published</th><th scope="col">Format</th></tr></thead>
        <tbody>{{#updates}}<tr><td><a href="{{link}}">Update {{number}}</a></td><td>{{published}}</td><td>{{format}}</td></tr>{{/updates}}</tbody>
        </table></div>
        {{/hasUpdates}}
        {{^hasUpdates}}<p>No update has been recorded yet.</p>{{/hasUpdates}}
        {{#canPublish}}<p><a href="{{path}}/follow-ups">Personal follow-ups</a></p>{{/canPublish}}

        {{#canEdit}}
        {{#forms}}
        <h2 id="learning">What we learned</h2>
        <form method="post" action="{{path}}/evaluations" novalidate>
        {{> csrf}}
        {{#evaluation}}{{> text-field}}{{/evaluation}}
        <div class="checkbox"><input type="checkbox" id="evaluate-involved" name="evaluate-involved" value="1">
        <label for="evaluate-involved">Participants took part in the review</label></div>
        <button type="submit">Save what we learned</button>
        </form>
        {{/forms}}
        {{/canEdit}}

        <h2 id="history">Recent changes</h2>
        <div class="scroll" role="region" aria-label="The latest changes to this activity" tabindex="0">
        <table>
        <caption class="skip">The latest changes to this activity</caption>
        <thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
        <tbody>{{#history}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{what}}</td></tr>{{/history}}</tbody>
        </table></div>
        <p><a href="/history?activity={{ref}}">See every change to this activity</a></p>
        {{> bottom}}
        """
}
