extension BuiltInTemplates {
    // The shared stylesheets, each a partial template (`{{> style}}`) an organisation can replace.

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;
        line-height:1.6;color:#1b1b1b;background:#fff;margin:0 auto;max-width:44rem;padding:1rem 1.25rem}
        h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.45rem;margin-top:2rem}
        h3{font-size:1.2rem}h4{font-size:1.05rem;margin:1rem 0 .25rem}
        .kicker{display:block;font-size:1rem;font-weight:600;color:#3b3b3b}
        .theme{border-inline-start:.35rem solid #005eb8;padding-block:.1rem;padding-inline:1rem 0;margin:1.5rem 0}
        .changes{border:3px solid #ffbf47;padding:.25rem 1rem;margin:1rem 0}
        .replaced{background:#fff4d6;border-inline-start:.35rem solid #6b4f00;padding:.5rem 1rem;margin:0 0 1rem}
        blockquote{margin:.75rem 0;padding-inline-start:1rem;border-inline-start:.2rem solid #6b6b6b;font-style:italic}
        .meta,.status{color:#474747}a{color:#0b4f9c}a:focus{outline:3px solid #ffbf47}
        p,li,h1,h2,h3,h4,blockquote,td,th{overflow-wrap:anywhere}
        table{border-collapse:collapse}th,td{text-align:start;padding-block:.25rem;padding-inline:0 .75rem}
        @media print{body{max-width:none;font-size:12pt;color:#000}.theme{break-inside:avoid;border-color:#000}}
        """

    static let easyStyle = """
        body{font-family:Arial,Helvetica,sans-serif;font-size:1.5rem;line-height:1.7;color:#000;background:#fff;
        margin:0 auto;max-width:44rem;padding:1rem 1.25rem}
        h1{font-size:2.2rem;line-height:1.25}h2{font-size:1.9rem;margin-top:2.5rem}h3{font-size:1.6rem}
        h4{font-size:1.5rem;margin:.75rem 0 .25rem}
        p{margin:.6rem 0}ul{padding-inline-start:1.5rem}li{margin:.6rem 0}
        .point{display:flex;gap:1rem;align-items:flex-start;margin:1rem 0}.point>div{flex:1}
        .icon{flex:none;width:4.5rem;height:4.5rem}
        .theme{border:3px solid #005eb8;border-radius:.5rem;padding:.5rem 1rem;margin:1.5rem 0}
        p,li,h1,h2,h3,h4{overflow-wrap:anywhere}a{color:#0b4f9c}
        @media print{body{max-width:none;font-size:16pt}.theme,.point{break-inside:avoid}}
        """

    /// A4, with the recipient's name and address where a DL window envelope shows it (20 mm from the
    /// left, 50 mm from the top, 90 × 35 mm) and the sender's address top right. The address is read
    /// by the post, not the reader: 10 pt on 12 pt lines in both letter formats, so 7 lines (29.6 mm)
    /// fit the window and none is ever clipped.
    static let letterStyle = """
        .sender{text-align:end;margin-block:0 1.5rem;margin-inline:auto 0;max-width:20rem}
        .recipient{margin:0 0 2rem}.address{margin:0}
        @page{size:A4;margin:0}
        @media print{body{margin:0;padding:0;max-width:none}
        .sheet{position:relative;width:210mm;min-height:297mm;padding:15mm 20mm 20mm;box-sizing:border-box}
        .sender{position:absolute;top:15mm;right:20mm;width:75mm;margin:0}
        .recipient{position:absolute;top:50mm;left:20mm;width:90mm;height:35mm;margin:0}
        .recipient .address{font-size:10pt;line-height:12pt;overflow-wrap:normal}
        .letter-text{padding-top:85mm}}
        """

    /// RNIB clear print: at least 16 pt (here 18 pt in print), a plain sans-serif, left aligned.
    static let largePrintStyle = """
        body{font-family:Arial,Helvetica,sans-serif;font-size:1.5rem;line-height:1.6;max-width:46rem}
        h1{font-size:2.1rem}h2{font-size:1.8rem}h3{font-size:1.6rem}.sender{text-align:start}
        @media print{body{font-size:18pt}h1{font-size:24pt}h2{font-size:21pt}h3{font-size:19pt}
        .recipient{font-size:16pt}}
        """
}
