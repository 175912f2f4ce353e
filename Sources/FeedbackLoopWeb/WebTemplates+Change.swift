extension WebTemplates {
    static let change = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>{{heading}}</h1>
        {{> errors}}
        <p>{{summary}}</p>
        {{#canEdit}}
        <form method="post" action="{{action}}" novalidate>
        {{> csrf}}
        {{#fields}}{{> text-field}}{{/fields}}
        {{#selects}}{{> select}}{{/selects}}
        <div class="actions">
        <button type="submit" name="action" value="save">Save the change</button>
        <button type="submit" name="action" value="remove" class="warning">Remove the {{noun}}</button>
        </div>
        {{#explanation}}<h2>Its explanation</h2><p>{{explanation}}</p>
        <button type="submit" name="action" value="withdraw" class="secondary">Withdraw the explanation</button>{{/explanation}}
        </form>
        {{/canEdit}}
        {{#hasQuotes}}
        <h2 id="quotes">What people said under this theme</h2>
        <p>Only quotes chosen here are published, and only from people who agreed to be quoted.</p>
        <div class="scroll" role="region" aria-label="Contributions under this theme" tabindex="0">
        <table>
        <caption class="skip">Contributions under this theme</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">What was said</th>{{#canQuote}}<th scope="col">Quote</th>{{/canQuote}}</tr></thead>
        <tbody>{{#quotes}}<tr><td class="number">{{number}}</td><td>{{text}}</td>
        {{#canQuote}}<td><form method="post" action="{{action}}/quotes">{{> csrf}}<input type="hidden" name="contribution" value="{{number}}">
        {{#chosen}}<button type="submit" name="action" value="remove" class="secondary">Stop quoting {{number}}</button>{{/chosen}}
        {{^chosen}}<button type="submit" name="action" value="add" class="secondary">Quote {{number}}</button>{{/chosen}}
        </form></td>{{/canQuote}}</tr>{{/quotes}}</tbody>
        </table></div>
        {{/hasQuotes}}
        <p><a href="{{back}}">Back to the activity</a></p>
        {{> bottom}}
        """

    static let contribution = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>{{heading}}</h1>
        {{> errors}}
        <p>{{status}}.</p>
        {{#canEdit}}
        <form method="post" action="{{action}}" novalidate>
        {{> csrf}}
        {{#text}}{{> text-field}}{{/text}}
        <button type="submit" name="action" value="save">Save the correction</button>
        {{^outOfScope}}
        <h2>Move it, or mark it out of scope</h2>
        {{#reason}}{{> text-field}}{{/reason}}
        {{#moveTo}}{{> select}}
        <button type="submit" name="action" value="move" class="secondary">Move it to this theme</button>{{/moveTo}}
        {{#why}}{{> text-field}}{{/why}}
        <button type="submit" name="action" value="out-of-scope" class="secondary">Mark out of scope</button>
        {{/outOfScope}}
        {{#outOfScope}}<button type="submit" name="action" value="in-scope" class="secondary">Bring it back in scope</button>{{/outOfScope}}
        <h2>Remove it</h2>
        <button type="submit" name="action" value="remove" class="warning">Remove the contribution</button>
        </form>
        {{/canEdit}}
        <p><a href="{{back}}">Back to the contributions</a></p>
        {{> bottom}}
        """
}
