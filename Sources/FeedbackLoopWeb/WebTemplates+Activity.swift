extension WebTemplates {
    /// An activity, one part at a time: overview, contributions, themes, decisions, updates and
    /// follow-ups, what we learned. Each part's form is on its part's page only.
    static let activity = """
        {{> top}}
        <span class="caption">{{ref}}</span>
        <h1>{{title}}</h1>
        <nav class="subnav" aria-label="Parts of the activity"><ul>
        {{#subnav}}<li><a href="{{link}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/subnav}}
        </ul></nav>
        {{> errors}}
        {{#inOverview}}
        <p><strong class="tag {{tagClass}}">{{stateLabel}}</strong> {{when}}.</p>
        <p><strong>Next step:</strong> {{nextStep}}.</p>
        {{#hasMissing}}<ul>{{#missing}}<li>{{.}}</li>{{/missing}}</ul>{{/hasMissing}}
        {{#translationNotes}}<p><a href="{{path}}/translations">{{.}}</a></p>{{/translationNotes}}
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
        {{/inOverview}}

        {{#inContributions}}
        <h2 id="contributions">What people said</h2>
        <p>{{counts}}</p>
        {{#canEdit}}<div class="actions"><a class="button secondary" href="{{path}}/theming">Theme contributions</a>
        <a class="button secondary" href="{{path}}/import">Import contributions</a></div>{{/canEdit}}
        {{#hasContributionRows}}
        <div class="scroll" role="region" aria-label="Every contribution, with its number" tabindex="0">
        <table>
        <caption class="skip">Every contribution, with its number</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">What was said</th><th scope="col">Themes</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#contributionRows}}<tr><td class="number"><a href="{{path}}/contributions/{{number}}">{{number}}</a></td><td>{{text}}</td><td>{{themes}}</td><td>{{status}}</td></tr>{{/contributionRows}}</tbody>
        </table></div>
        {{#contributionPages}}<nav aria-label="Pages of contributions" class="actions">{{#previous}}<a href="{{previous}}">Previous page</a>{{/previous}}<span>{{label}}</span>{{#next}}<a href="{{next}}">Next page</a>{{/next}}</nav>{{/contributionPages}}
        {{/hasContributionRows}}
        {{#canEdit}}
        {{#forms}}
        <h2>Add a contribution</h2>
        <form method="post" action="{{path}}/contributions" novalidate>
        {{> csrf}}
        {{#contribution}}{{> text-field}}{{/contribution}}
        {{#contributionMethod}}{{> select}}{{/contributionMethod}}
        {{#contributionLanguage}}{{> select}}{{/contributionLanguage}}
        <button type="submit">Add the contribution</button>
        </form>
        {{/forms}}
        {{/canEdit}}
        {{/inContributions}}

        {{#inThemes}}
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
        <h2>Add a theme</h2>
        <form method="post" action="{{path}}/themes" novalidate>
        {{> csrf}}
        {{#theme}}{{> text-field}}{{/theme}}
        {{#themeReason}}{{> text-field}}{{/themeReason}}
        <button type="submit">Add the theme</button>
        </form>
        {{#hasThemes}}
        <h2>Explain why a theme was not acted on</h2>
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
        {{/inThemes}}

        {{#inDecisions}}
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
        <h2>Add a decision</h2>
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
        {{^hasThemes}}<p>A decision answers themes: <a href="{{path}}/themes">add a theme</a> first.</p>{{/hasThemes}}
        {{/forms}}
        {{/canEdit}}
        {{/inDecisions}}

        {{#inUpdates}}
        <h2 id="updates">Updates published</h2>
        {{#hasUpdates}}
        <div class="scroll" role="region" aria-label="Recorded updates" tabindex="0">
        <table>
        <caption class="skip">Recorded updates</caption>
        <thead><tr><th scope="col">Update</th><th scope="col">Published</th><th scope="col">Formats</th></tr></thead>
        <tbody>{{#updates}}<tr><td>Update {{number}}</td><td>{{published}}</td><td>{{#formats}}<a href="{{link}}">{{label}}</a><br>{{/formats}}</td></tr>{{/updates}}</tbody>
        </table></div>
        {{/hasUpdates}}
        {{^hasUpdates}}<p>No update has been recorded yet.</p>{{/hasUpdates}}
        {{#canPublish}}<div class="actions"><a class="button" href="{{path}}/publish">Publish an update</a>
        <a class="button secondary" href="{{path}}/follow-ups">Personal follow-ups</a>
        <a class="button secondary" href="{{path}}/translations">Translations</a></div>{{/canPublish}}
        {{/inUpdates}}

        {{#inLearning}}
        <h2 id="learning">What we learned</h2>
        {{#canEdit}}
        {{#forms}}
        <form method="post" action="{{path}}/evaluations" novalidate>
        {{> csrf}}
        {{#evaluation}}{{> text-field}}{{/evaluation}}
        <div class="checkbox"><input type="checkbox" id="evaluate-involved" name="evaluate-involved" value="1">
        <label for="evaluate-involved">Participants took part in the review</label></div>
        <button type="submit">Save what we learned</button>
        </form>
        {{/forms}}
        {{/canEdit}}
        {{^canEdit}}<p>Editors record what was learned here.</p>{{/canEdit}}
        {{/inLearning}}
        {{> bottom}}
        """
}
