extension WebTemplates {
    static let translationsPage = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Translations</h1>
        {{> errors}}
        {{^hasLanguages}}<p>The team publishes in {{source}} only. An admin can add languages on the settings page (languages, such as en,cy,ur).</p>{{/hasLanguages}}
        {{#languages}}
        <h2 id="language-{{code}}">{{name}} (<span lang="{{code}}"{{#rtl}} dir="rtl"{{/rtl}}>{{ownName}}</span>)</h2>
        <p>{{summary}}</p>
        {{#hasTexts}}
        <div class="scroll" role="region" aria-labelledby="language-{{code}}" tabindex="0">
        <table>
        <caption class="skip">Texts to translate into {{name}}</caption>
        <thead><tr><th scope="col">Where it appears</th><th scope="col">Text</th><th scope="col">Translation</th></tr></thead>
        <tbody>{{#texts}}<tr><td>{{section}}</td><td dir="auto">{{source}}</td><td>{{state}}</td></tr>{{/texts}}</tbody>
        </table>
        </div>
        {{/hasTexts}}
        <p>For a translator, the texts still to translate: <a href="{{xliffHref}}" download>XLIFF file for translation tools</a> or <a href="{{csvHref}}" download>CSV file for a spreadsheet</a>.</p>
        <p>{{phrasesSummary}} <a href="{{phrasesXliffHref}}" download>Phrases as XLIFF</a> or <a href="{{phrasesCsvHref}}" download>phrases as CSV</a>.</p>
        {{/languages}}
        <h2 id="upload">Upload translations</h2>
        <p>Upload a file downloaded here once the translations are filled in. Each translation is checked first: if any text changed after the file was downloaded, nothing is imported and you are told which.</p>
        <form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
        {{> csrf}}
        <div class="field{{#fileError}} error{{/fileError}}">
        <label for="file">Translation file (XLIFF or CSV)</label>
        {{#fileError}}<span class="error-message" id="file-error"><span class="skip">Error:</span> {{fileError}}</span>{{/fileError}}
        <input type="file" id="file" name="file" accept=".xlf,.xliff,.xml,.csv"{{#fileError}} aria-describedby="file-error" aria-invalid="true"{{/fileError}}>
        </div>
        <div class="actions"><button type="submit">Upload</button> <a href="{{path}}">Back to the activity</a></div>
        </form>
        {{> bottom}}
        """
}
