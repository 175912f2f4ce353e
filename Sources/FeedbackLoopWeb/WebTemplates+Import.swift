extension WebTemplates {
    static let importPage = """
        {{> top}}
        <span class="caption">{{title}}</span>
        <h1>Import contributions</h1>
        {{> errors}}
        <p>Upload a survey export saved as CSV, up to 50 MB. Next you choose its columns and check it before anything is imported.</p>
        <form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
        <div class="field{{#fileError}} error{{/fileError}}">
        <label for="file">CSV file</label>
        {{#fileError}}<span class="error-message"><span class="skip">Error:</span> {{fileError}}</span>{{/fileError}}
        <input type="file" id="file" name="file" accept=".csv,text/csv">
        </div>
        <button type="submit">Upload</button>
        </form>
        {{> bottom}}
        """

    static let importColumns = """
        {{> top}}
        <span class="caption">{{title}}: {{name}}</span>
        <h1>Choose the columns</h1>
        {{> errors}}
        {{#outcome}}<div class="notice" role="status"><p>{{outcome}}</p></div>{{/outcome}}
        <form method="post" action="{{action}}" novalidate>
        {{> csrf}}
        <input type="hidden" name="name" value="{{name}}">
        {{#delimiter}}{{> select}}{{/delimiter}}
        {{#textColumns}}{{> checkboxes}}{{/textColumns}}
        {{#columns}}{{> select}}{{/columns}}
        <div class="checkbox"><input type="checkbox" id="create-themes" name="create-themes" value="1"{{#createThemes}} checked{{/createThemes}}>
        <label for="create-themes">Create themes the file names that are not recorded yet</label></div>
        <div class="actions">
        <button type="submit" name="action" value="check" class="secondary">Check the file</button>
        <button type="submit" name="action" value="import">Import</button>
        <a href="{{path}}">Cancel</a>
        </div>
        </form>
        {{> bottom}}
        """
}
