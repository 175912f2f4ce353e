/// The web app's own stylesheet, served at `/assets/yswd.css`: GOV.UK Design System patterns
/// (error summary, hint text, date inputs, tables, tags) in a few rules, with no external requests.
enum WebStyles {
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.4;
          color: #0b0c0c; background: #fff; overflow-wrap: anywhere; }
        a { color: #1d70b8; } a:visited { color: #4c2c92; } a:hover { color: #003078; }
        a:focus, input:focus, select:focus, textarea:focus, button:focus {
          outline: 3px solid #fd0; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
        .skip { position: absolute; left: -9999px; } .skip:focus { position: static; display: block; padding: 8px;
          background: #fd0; color: #0b0c0c; }
        header.site { background: #0b0c0c; color: #fff; padding: 10px 15px; display: flex; flex-wrap: wrap;
          align-items: center; gap: 10px 24px; }
        header.site a { color: #fff; font-weight: bold; } header.site .brand { font-size: 1.5rem; text-decoration: none; }
        header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 16px; }
        header.site nav a[aria-current="page"] { text-decoration: underline 3px; }
        header.site .who { margin-left: auto; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
        header.site .who button { background: none; border: 1px solid #fff; color: #fff; padding: 4px 10px;
          font-size: 1rem; cursor: pointer; }
        main { max-width: 1100px; margin: 0 auto; padding: 20px 15px 60px; }
        h1 { font-size: 2.25rem; margin: 0 0 20px; } h2 { font-size: 1.5rem; margin: 30px 0 15px; }
        h3 { font-size: 1.1875rem; margin: 20px 0 10px; }
        .caption { color: #505a5f; font-size: 1.1875rem; margin: 0; }
        .hint { color: #505a5f; margin: 0 0 10px; display: block; }
        .field { margin-bottom: 25px; } .field.error { border-left: 5px solid #d4351c; padding-left: 15px; }
        label, legend { font-weight: bold; display: block; margin-bottom: 5px; }
        fieldset { border: 0; margin: 0 0 25px; padding: 0; }
        input[type=text], input[type=email], input[type=password], input[type=search], input[type=number],
        input[type=file], select, textarea { font: inherit; border: 2px solid #0b0c0c; padding: 5px;
          width: 100%; max-width: 40em; }
        textarea { min-height: 6em; }
        .error input, .error textarea, .error select { border-color: #d4351c; }
        .error-message { color: #d4351c; font-weight: bold; display: block; margin-bottom: 5px; }
        .date-input { display: flex; gap: 20px; } .date-input div { display: flex; flex-direction: column; }
        .date-input input { width: 5em; } .date-input .year { width: 7em; }
        .checkbox { display: flex; gap: 10px; align-items: flex-start; margin-bottom: 10px; }
        .checkbox input { width: 24px; height: 24px; margin: 2px 0 0; }
        .checkbox label { font-weight: normal; }
        button, .button { font: inherit; background: #00703c; color: #fff; border: 0; padding: 8px 14px;
          box-shadow: 0 2px 0 #002d18; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
        button.warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
        button:focus, .button:focus, button.secondary:focus, .button.secondary:focus, button.warning:focus {
          background: #fd0; color: #0b0c0c; box-shadow: 0 2px 0 #0b0c0c; outline: 3px solid transparent; }
        header.site .who button:focus { background: #fd0; color: #0b0c0c; border-color: #0b0c0c; }
        .error-summary { border: 5px solid #d4351c; padding: 15px 20px; margin-bottom: 30px; }
        .error-summary h2 { margin-top: 0; } .error-summary a { color: #d4351c; font-weight: bold; }
        .panel { background: #00703c; color: #fff; padding: 25px; margin-bottom: 30px; text-align: center; }
        .panel h1 { margin: 0 0 10px; } .panel p { margin: 0; font-size: 1.5rem; }
        .banner { border: 5px solid #00703c; margin-bottom: 30px; }
        .banner h2 { background: #00703c; color: #fff; margin: 0; padding: 2px 15px 5px; font-size: 1.1875rem; }
        .banner p { padding: 15px; margin: 0; font-weight: bold; }
        .notice { border-left: 10px solid #1d70b8; background: #f3f2f1; padding: 15px; margin-bottom: 30px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 30px; }
        th, td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; }
        th { font-weight: bold; } caption { text-align: left; font-weight: bold; font-size: 1.5rem; margin-bottom: 10px; }
        .tag { display: inline-block; padding: 2px 8px; font-weight: bold; font-size: 1rem; background: #d2e2f1;
          color: #0c2d4a; }
        .tag.overdue, .tag.reopened { background: #f4cdc6; color: #2a0b06; }
        .tag.due-soon, .tag.ready-to-publish { background: #fff7bf; color: #594d00; }
        .tag.closed { background: #cce2d8; color: #005a30; } .tag.planned { background: #e5e6e7; color: #0b0c0c; }
        .filters { display: flex; flex-wrap: wrap; gap: 15px; align-items: flex-end; margin-bottom: 20px; }
        .filters .field { margin: 0; max-width: 100%; min-width: 0; } .filters input, .filters select { width: auto; }
        dl.summary { display: grid; grid-template-columns: 14em 1fr; gap: 8px 20px; margin: 0 0 30px; }
        dl.summary dt { font-weight: bold; } dl.summary dd { margin: 0; }
        .actions { display: flex; flex-wrap: wrap; gap: 15px; margin: 20px 0; }
        pre.digest { white-space: pre-wrap; font-family: inherit; background: #f3f2f1; padding: 15px; }
        .number { font-variant-numeric: tabular-nums; }
        .subnav { border-bottom: 1px solid #b1b4b6; margin: 0 0 25px; }
        .subnav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 5px 20px; }
        .subnav a { display: inline-block; padding: 8px 0; }
        .subnav a[aria-current="page"] { font-weight: bold; color: #0b0c0c; border-bottom: 4px solid #1d70b8; }
        .scroll { overflow-x: auto; max-width: 100%; margin-bottom: 30px; } .scroll table { margin-bottom: 0; }
        .scroll:focus { outline: 3px solid #fd0; }
        @media (max-width: 640px) { dl.summary { grid-template-columns: 1fr; } h1 { font-size: 1.75rem; }
          main { padding: 15px 10px 40px; } .date-input { gap: 10px; flex-wrap: wrap; } }
        input, select, textarea, img { max-width: 100%; }
        select { min-width: 0; }
        """
}
