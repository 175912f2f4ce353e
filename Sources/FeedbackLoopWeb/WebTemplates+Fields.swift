extension WebTemplates {
    /// One text field: label, hint, error and the value typed.
    static let textField = """
        <div class="field{{#error}} error{{/error}}">
        <label for="{{name}}">{{label}}</label>
        {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
        {{#error}}<span class="error-message" id="{{name}}-error"><span class="skip">Error:</span> {{error}}</span>{{/error}}
        {{#multiline}}<textarea id="{{name}}" name="{{name}}" rows="4"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{value}}</textarea>{{/multiline}}
        {{^multiline}}<input type="{{kind}}" id="{{name}}" name="{{name}}" value="{{value}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{/multiline}}
        </div>
        """

    static let checkboxes = """
        <div class="field{{#error}} error{{/error}}">
        <fieldset id="{{name}}-set"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>
        <legend>{{legend}}</legend>
        {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
        {{#error}}<span class="error-message" id="{{name}}-error"><span class="skip">Error:</span> {{error}}</span>{{/error}}
        {{#options}}<div class="checkbox"><input type="checkbox" id="{{id}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}>
        <label for="{{id}}">{{label}}</label></div>{{/options}}
        </fieldset>
        </div>
        """

    static let select = """
        <div class="field{{#error}} error{{/error}}">
        <label for="{{name}}">{{label}}</label>
        {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
        {{#error}}<span class="error-message" id="{{name}}-error"><span class="skip">Error:</span> {{error}}</span>{{/error}}
        <select id="{{name}}" name="{{name}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
        </div>
        """

    /// The hidden token every form that changes something carries.
    static let csrf = """
        {{#frame}}<input type="hidden" name="csrf" value="{{csrf}}">{{/frame}}
        """
}
