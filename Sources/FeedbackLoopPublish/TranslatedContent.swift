import FeedbackLoop

extension UpdateContent {
    /// This content in another language: each text replaced by its current translation. A text with
    /// none (missing, or translated from a source that has since changed) stays in the source
    /// language, marked so every format can say so (HTML gives it `lang`); the caller decides whether
    /// that is allowed (``TranslationCoverage``). Refs, keys, numbers and dates are left as they are.
    public func translated(_ translations: [StoredTranslation], source: LanguageTag) -> UpdateContent {
        let byKey = Self.byKey(translations)
        func text(_ key: String, _ original: String) -> String { Self.text(key, original, byKey, source: source) }
        func text(_ key: String, _ original: String?) -> String? { original.map { text(key, $0) } }
        var content = self
        content.organisation = text("organisation", organisation)
        content.activity.title = text("title", activity.title)
        content.activity.service = text("service", activity.service)
        content.activity.purpose = text("purpose", activity.purpose)
        content.activity.canInfluence = text("can-influence", activity.canInfluence)
        content.activity.couldNotChange = text("could-not-change", activity.couldNotChange)
        content.questions = text("questions", questions)
        func action(_ action: Action) -> Action {
            var action = action
            action.text = text("decision:\(action.decision):text", action.text)
            action.easyRead = text("decision:\(action.decision):easy-read", action.easyRead)
            action.impact = text("decision:\(action.decision):impact", action.impact)
            return action
        }
        content.themes = themes.map { theme in
            var theme = theme
            theme.youSaid = text("theme:\(theme.key):you-said", theme.youSaid)
            theme.easyRead = text("theme:\(theme.key):easy-read", theme.easyRead)
            theme.weDid = theme.weDid.map(action)
            if let reason = theme.weDidNot {
                theme.weDidNot?.because = text("theme:\(theme.key):because", reason.because)
                theme.weDidNot?.easyRead = text("theme:\(theme.key):because-easy-read", reason.easyRead)
            }
            // Quotes stay in the words and the language people used: the page marks each with its language,
            // and shows its current translation beside it where there is one.
            theme.quoteLanguages = theme.quotes.indices.map { theme.quoteLanguages?[$0] ?? source.code }
            theme.quoteTranslations = theme.quotes.indices.map { index in
                guard index < theme.quoteIds.count, let translation = byKey[Self.quoteKey(theme.quoteIds[index])],
                    translation.source == theme.quotes[index]
                else { return nil }
                return Escape.bidiSafe(translation.text)
            }
            return theme
        }
        content.nextSteps = nextSteps.map { step in
            var step = step
            step.text = text("decision:\(step.decision):text", step.text)
            step.easyRead = text("decision:\(step.decision):easy-read", step.easyRead)
            return step
        }
        content.changes = changes?.map { Self.translated($0, byKey, source: source) }
        return content
    }
}

extension UpdateContent {
    static func byKey(_ translations: [StoredTranslation]) -> [String: StoredTranslation] {
        Dictionary(translations.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A text's current translation, or the text marked as left in the source language.
    static func text(_ key: String, _ original: String, _ byKey: [String: StoredTranslation], source: LanguageTag)
        -> String
    {
        if let translation = byKey[key], translation.source == original { return Escape.bidiSafe(translation.text) }
        return Escape.marked(original, as: source)
    }

    /// A change to an answer in another language: what people said and why it changed translated;
    /// a decision's before and after, told with its date and status, and what any answer said
    /// before, kept as published.
    static func translated(_ change: Change, _ byKey: [String: StoredTranslation], source: LanguageTag) -> Change {
        func text(_ key: String, _ original: String?) -> String? {
            original.map { Self.text(key, $0, byKey, source: source) }
        }
        func kept(_ original: String?) -> String? { original.map { Escape.marked($0, as: source) } }
        var change = change
        change.youSaid = Self.text("theme:\(change.theme):you-said", change.youSaid, byKey, source: source)
        change.youSaidEasyRead = text("theme:\(change.theme):easy-read", change.youSaidEasyRead)
        if change.decision != nil {
            change.now = kept(change.now)
            change.nowEasyRead = kept(change.nowEasyRead)
        } else {
            change.now = text("theme:\(change.theme):because", change.now)
            change.nowEasyRead = text("theme:\(change.theme):because-easy-read", change.nowEasyRead)
        }
        change.was = kept(change.was)
        change.wasEasyRead = kept(change.wasEasyRead)
        change.reason = change.reason.map { Self.text(reasonKey($0), $0, byKey, source: source) }
        return change
    }

    /// Whether a text that should be translated is left in the source language (quotes, and what an
    /// answer said before, are always in the words first published).
    var hasUntranslatedText: Bool {
        var texts: [String?] = [
            organisation, activity.title, activity.service, activity.purpose, activity.canInfluence,
            activity.couldNotChange, questions,
        ]
        for theme in themes {
            texts += [theme.youSaid, theme.easyRead, theme.weDidNot?.because, theme.weDidNot?.easyRead]
            texts += theme.weDid.flatMap { [$0.text, $0.easyRead, $0.impact] }
        }
        texts += nextSteps.flatMap { [$0.text, $0.easyRead] }
        texts += (changes ?? []).flatMap { [$0.youSaid, $0.reason] }
        return texts.contains { $0?.unicodeScalars.contains(Escape.markerStart) == true }
    }
}
