extension WebTemplates {
    static let users = """
        {{> top}}
        <h1>Users and settings</h1>
        {{> errors}}
        {{#link}}<div class="notice" role="status"><p>Send {{linkFor}} this link to set their password. It works once, for 24 hours, and is not shown again:</p>
        <p><code>{{link}}</code></p></div>{{/link}}
        <h2>Users</h2>
        <div class="scroll" role="region" aria-label="Users" tabindex="0">
        <table>
        <caption class="skip">Users</caption>
        <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Can sign in</th><th scope="col">Change</th></tr></thead>
        <tbody>
        {{#accounts}}<tr><td>{{name}}<br><span class="hint">{{email}}</span></td><td>{{role}}</td><td>{{state}}</td>
        <td><form method="post" action="/users/change" class="filters">{{> csrf}}<input type="hidden" name="email" value="{{email}}">
        <div class="field"><label for="role-{{email}}">Role for {{name}}</label>
        <select id="role-{{email}}" name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></div>
        <button type="submit" name="action" value="role" class="secondary">Change role</button>
        <button type="submit" name="action" value="reset" class="secondary">New password link</button>
        <button type="submit" name="action" value="disable" class="warning">Disable</button>
        </form></td></tr>{{/accounts}}
        </tbody>
        </table></div>
        <h2>Add a user</h2>
        <form method="post" action="/users" novalidate>
        {{> csrf}}
        {{#email}}{{> text-field}}{{/email}}
        {{#name}}{{> text-field}}{{/name}}
        {{#role}}{{> select}}{{/role}}
        <button type="submit">Add the user</button>
        </form>
        <h2 id="settings">Settings</h2>
        <div class="scroll" role="region" aria-label="The team’s settings" tabindex="0">
        <table>
        <caption class="skip">The team’s settings</caption>
        <thead><tr><th scope="col">Setting</th><th scope="col">Value</th></tr></thead>
        <tbody>{{#settings}}<tr><td><strong>{{label}}</strong><br><span class="hint" id="{{id}}-hint">{{hint}}</span></td><td><form method="post" action="/settings" class="filters">{{> csrf}}
        <input type="hidden" name="key" value="{{key}}"><div class="field"><label for="{{id}}" class="skip">{{label}}</label>
        {{#secret}}<input type="password" id="{{id}}" name="value" value="" autocomplete="off" aria-describedby="{{id}}-hint">{{/secret}}{{^secret}}<input type="text" id="{{id}}" name="value" value="{{value}}" aria-describedby="{{id}}-hint">{{/secret}}</div><button type="submit" class="secondary">Save<span class="skip"> {{label}}</span></button></form></td></tr>{{/settings}}</tbody>
        </table></div>
        {{> bottom}}
        """
}
