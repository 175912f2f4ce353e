extension WebTemplates {
    static let importPage = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Import contributions</h1>
        {{> errors}}
        <p>Upload a survey export saved as CSV, up to 50 MB. Next you see how it reads, choose its columns and check it. Nothing is imported until you say so.</p>
        <form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
        {{> csrf}}
        <div class="field{{#fileError}} error{{/fileError}}">
        <label for="file">CSV file</label>
        {{#fileError}}<span class="error-message" id="file-error"><span class="skip">Error:</span> {{fileError}}</span>{{/fileError}}
        <input type="file" id="file" name="file" accept=".csv,.txt,text/csv"{{#fileError}} aria-describedby="file-error" aria-invalid="true"{{/fileError}}>
        </div>
        <div class="actions"><button type="submit">Upload</button> <a href="{{path}}">Cancel</a></div>
        </form>
        {{> bottom}}
        """

    static let importColumns = """
        {{> top}}
        <span class="caption">{{title}}: {{name}}</span>
        <h1>Choose the columns</h1>
        {{> errors}}
        {{#outcome}}<div class="notice" role="status"><p>{{outcome}}</p></div>{{/outcome}}
        {{#hasProblems}}
        <h2 id="problems" tabindex="-1">{{problemsHeading}}</h2>
        <p>Fix these rows in the file and upload it again, or tick ‘Leave out rows that cannot be imported’ below. <a href="{{problemsLink}}" download>Download the list as CSV</a>.</p>
        <div class="scroll" role="region" aria-labelledby="problems" tabindex="0">
        <table>
        <caption class="skip">Rows that cannot be imported</caption>
        <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
        <tbody>{{#problems}}<tr><td class="number">{{line}}</td><td>{{column}}</td><td>{{value}}</td><td>{{why}}</td></tr>{{/problems}}</tbody>
        </table>
        </div>
        {{/hasProblems}}
        <form method="post" action="{{action}}" novalidate>
        {{> csrf}}
        <h2 id="reading">How the file is read</h2>
        {{#encoding}}{{> select}}{{/encoding}}
        {{#delimiter}}{{> select}}{{/delimiter}}
        <button type="submit" name="action" value="read" class="secondary">Read the file again</button>
        <h2 id="preview">Preview</h2>
        <p>{{previewNote}}</p>
        <div class="scroll" role="region" aria-labelledby="preview" tabindex="0">
        <table>
        <caption class="skip">The first rows of the file</caption>
        <thead><tr>{{#previewHeader}}<th scope="col">{{.}}</th>{{/previewHeader}}</tr></thead>
        <tbody>{{#previewRows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/previewRows}}</tbody>
        </table>
        </div>
        <h2>The columns</h2>
        {{#textColumns}}{{> checkboxes}}{{/textColumns}}
        {{#columns}}{{> select}}{{/columns}}
        {{#language}}{{> select}}{{/language}}
        {{#dateFormat}}{{> select}}{{/dateFormat}}
        {{#hasMethods}}
        <fieldset>
        <legend>What each way of responding means</legend>
        <span class="hint">These are remembered for the next import.</span>
        {{#methods}}<input type="hidden" name="{{valueName}}" value="{{value}}">{{#select}}{{> select}}{{/select}}{{/methods}}
        </fieldset>
        {{/hasMethods}}
        <h2>Choices</h2>
        <div class="checkbox"><input type="checkbox" id="contact-wants-feedback" name="contact-wants-feedback" value="1"{{#contactWantsFeedback}} checked{{/contactWantsFeedback}}>
        <label for="contact-wants-feedback">Everyone who left an email address or phone number asked to hear back</label></div>
        <div class="checkbox"><input type="checkbox" id="create-themes" name="create-themes" value="1"{{#createThemes}} checked{{/createThemes}}>
        <label for="create-themes">Create themes the file names that are not recorded yet</label></div>
        <div class="checkbox"><input type="checkbox" id="skip-invalid" name="skip-invalid" value="1"{{#skipInvalid}} checked{{/skipInvalid}}>
        <label for="skip-invalid">Leave out rows that cannot be imported (the import’s history lists them)</label></div>
        <div class="actions">
        <button type="submit" name="action" value="check" class="secondary">Check the file</button>
        <button type="submit" name="action" value="import">Import</button>
        </div>
        </form>
        <form method="post" action="{{action}}/abandon">
        {{> csrf}}
        <button type="submit" class="secondary">Abandon this import and delete the upload</button>
        </form>
        {{> bottom}}
        """
}
