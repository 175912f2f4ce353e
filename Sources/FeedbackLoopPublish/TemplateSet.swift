import FeedbackLoop
import Foundation
import Mustache

/// The Mustache templates participant-facing outputs are rendered with: the built-in ones, or an
/// organisation's own folder of `NAME.mustache` files for its branding.
///
/// Every template's output is escaped for its format: HTML templates escape for HTML, Markdown
/// templates for Markdown, text templates not at all. Use `{{name}}`; `{{{name}}}` turns escaping off.
public struct TemplateSet: Sendable {
    private var library: MustacheLibrary
    private var sources: [String: String]
    private var origin: String?
    /// The language its `{{#t}}` phrases are in.
    public private(set) var catalogue: MessageCatalogue

    /// The built-in templates, parsed once.
    public static let builtIn: TemplateSet = {
        do {
            return try TemplateSet(sources: BuiltInTemplates.all, origin: nil)
        } catch {
            // The built-ins are constants that every test renders: this is a defect, never a user's mistake.
            preconditionFailure("a built-in template does not parse: \(error)")
        }
    }()

    /// The templates in `folder`, which must hold every one of `required`; others (the shared
    /// partials) fall back to the built-in ones.
    public static func folder(_ folder: String, required: [String]) throws(PublishError) -> TemplateSet {
        var sources = BuiltInTemplates.all
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .templateFolderMissing(folder)
        }
        for name in Set(required).union(BuiltInTemplates.all.keys).sorted() {
            let path = URL(filePath: folder).appending(path: "\(name).mustache").path
            guard FileManager.default.fileExists(atPath: path) else {
                if required.contains(name) { throw .templateMissing(folder: folder, file: "\(name).mustache") }
                continue
            }
            do {
                sources[name] = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw .templateUnreadable(file: path, reason: "it is not UTF-8 text, or cannot be opened")
            }
        }
        return try TemplateSet(sources: sources, origin: folder)
    }

    private init(sources: [String: String], origin: String?, catalogue: MessageCatalogue = .english)
        throws(PublishError)
    {
        Self.registerContentTypes
        self.sources = sources
        self.origin = origin
        self.catalogue = catalogue
        library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                let localized = Self.localize(source, name: name, catalogue: catalogue)
                library.register(try MustacheTemplate(string: Self.pragma(for: name) + localized), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let file = origin.map { URL(filePath: $0).appending(path: "\(name).mustache").path } ?? name
                throw .templateInvalid(
                    file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                    problem: Self.describe(error.error))
            } catch {
                throw .templateInvalid(file: name, line: 1, column: 1, problem: "\(error)")
            }
        }
    }

    /// The same templates with their `{{#t}}` phrases in `catalogue`'s language.
    public func localized(_ catalogue: MessageCatalogue) -> TemplateSet {
        guard catalogue != self.catalogue else { return self }
        do {
            return try TemplateSet(sources: sources, origin: origin, catalogue: catalogue)
        } catch {
            // A translation cannot break a template: its placeholders match the English's (checked when
            // it is installed) and it is escaped as the template escapes values.
            return self
        }
    }

    /// `source` with each `{{#t}}phrase{{/t}}` replaced by the phrase in `catalogue`'s language: the
    /// English as written, or a translation escaped as the template escapes a value (its `{{…}}`
    /// placeholders are left to be filled in).
    static func localize(_ source: String, name: String, catalogue: MessageCatalogue) -> String {
        guard source.contains("{{#t}}") else { return source }
        var out = ""
        var rest = source[...]
        while let open = rest.range(of: "{{#t}}"), let close = rest[open.upperBound...].range(of: "{{/t}}") {
            out += rest[..<open.lowerBound]
            let phrase = String(rest[open.upperBound..<close.lowerBound])
            if let translation = catalogue.phrases[phrase] {
                out +=
                    name.hasSuffix(".txt")
                    ? translation : name.hasSuffix(".md") ? Escape.markdown(translation) : Escape.html(translation)
            } else {
                out += phrase
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The source of a template, as `yswd templates` writes it out.
    public func source(of name: String) -> String? { sources[name] }

    /// Renders template `name` with `context`. The section marks of an HTML template
    /// (``Bilingual/sectionStart`` and ``Bilingual/sectionEnd``) are kept only when `sections` is
    /// set, for a page or letter to be put together section by section with another language.
    func render(_ name: String, _ context: Any, sections: Bool = false) -> String {
        let rendered = library.render(context, withTemplate: name) ?? ""
        return sections ? rendered : Bilingual.withoutSections(rendered)
    }

    /// Escapes `text` exactly as template `name` escapes a `{{value}}`.
    func escape(_ text: String, as name: String) -> String {
        let template = try? MustacheTemplate(string: Self.pragma(for: name) + "{{value}}")
        return template?.render(["value": text]) ?? text
    }

    /// Markdown templates escape for Markdown and text templates not at all; the others escape for
    /// HTML. Each makes every value bidi-safe (``SafeText/bidi(_:)``), custom templates included.
    private static func pragma(for name: String) -> String {
        if name.hasSuffix(".md") { return "{{% CONTENT_TYPE: MARKDOWN }}" }
        if name.hasSuffix(".txt") { return "{{% CONTENT_TYPE: BIDI_SAFE_TEXT }}" }
        return "{{% CONTENT_TYPE: BIDI_SAFE_HTML }}"
    }

    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(BidiSafeText(), named: "BIDI_SAFE_TEXT")
        MustacheContentTypes.register(BidiSafeHTML(), named: "BIDI_SAFE_HTML")
    }()

    /// Text as it is, but bidi-safe.
    struct BidiSafeText: MustacheContentType {
        func escapeText(_ text: String) -> String { SafeText.bidi(Escape.unmarked(text)) }
    }

    /// Text escaped for HTML, bidi-safe (``Escape/html(_:)``).
    struct BidiSafeHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.html(text) }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            "a section is closed with a different name than it opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened and never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "a delimiter change is malformed"
        case MustacheTemplate.Error.unrecognisedConfigVariable: "a {{% pragma }} is not recognised"
        default: "\(error)"
        }
    }
}

/// Escapes text so Markdown shows it as written: no links, images, emphasis, HTML or headings.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escape.markdown(text) }
}

extension TemplateSet {
    /// The names of the built-in templates (each is the file `NAME.mustache` in a template folder).
    public static var builtInNames: [String] { BuiltInTemplates.all.keys.sorted() }
}
