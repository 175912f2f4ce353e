extension BuiltInTemplates {
    // The update as Markdown and as plain text: the same sections as the web page.

    static let updateMarkdown = """
        # {{#t}}You said, we did: {{title}}{{/t}}

        {{#organisation}}{{organisation}} · {{/organisation}}{{#t}}Published {{published}}{{/t}}{{#untranslated}}

        {{untranslated}}{{/untranslated}}

        {{#hasChanges}}
        ## {{#t}}What has changed since {{changedSince}}, and why{{/t}}

        {{#changes}}
        - {{text}}{{#reason}} {{#t}}Why:{{/t}} {{reason}}{{/reason}}
        {{/changes}}

        {{/hasChanges}}
        ## {{#t}}What we asked, and why{{/t}}

        {{purpose}}

        **{{#t}}What your views could change:{{/t}}** {{canInfluence}}

        {{#hasWhen}}{{when}}

        {{/hasWhen}}
        {{#couldNotChange}}## {{#t}}What could not change, and why{{/t}}

        {{couldNotChange}}

        {{/couldNotChange}}
        ## {{#t}}Who took part{{/t}}

        {{takingPartText}}

        {{#methods}}
        - {{text}}: {{method}}
        {{/methods}}

        ## {{#t}}What you said, and what we did{{/t}}

        {{#themes}}
        ### {{#t}}You said:{{/t}} {{youSaid}}

        {{countText}}

        {{#quotes}}
        > “{{text}}”
        {{#translation}}
        >
        > {{#t}}Translation: “{{translation}}”{{/t}}
        {{/translation}}

        {{/quotes}}
        {{#hasDid}}
        #### {{#t}}What we did{{/t}}

        {{#did}}
        - {{text}}{{#impact}}. {{#t}}The difference it made:{{/t}} {{impact}}{{/impact}}
        {{/did}}

        {{/hasDid}}
        {{#hasWill}}
        #### {{#t}}What we will do{{/t}}

        {{#will}}
        - {{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}}. {{#t}}Status: {{status}}{{/t}}
        {{/will}}

        {{/hasWill}}
        {{#weDidNot}}
        #### {{heading}}

        {{because}}
        {{#reason}}

        {{#t}}Reason: {{reason}}{{/t}}
        {{/reason}}

        {{/weDidNot}}
        {{#pending}}
        {{pendingText}}

        {{/pending}}
        {{/themes}}
        ## {{#t}}What happens next{{/t}}

        {{#unthemedText}}
        {{unthemedText}}

        {{/unthemedText}}
        {{#hasUnanswered}}
        {{#t}}We have not yet answered:{{/t}}

        {{#unanswered}}
        - {{youSaid}}
        {{/unanswered}}

        {{answersDueText}}

        {{/hasUnanswered}}
        {{#hasNextSteps}}
        {{#t}}Still to do:{{/t}}

        {{#nextSteps}}
        - {{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}}. {{#t}}Status: {{status}}{{/t}}
        {{/nextSteps}}

        {{/hasNextSteps}}
        {{#allDone}}
        {{#t}}Everything we said we would do is done.{{/t}}

        {{/allDone}}
        {{#nextUpdate}}
        {{#t}}Our next update will be by {{nextUpdate}}.{{/t}}

        {{/nextUpdate}}
        ## {{#t}}Questions{{/t}}

        {{#t}}Ask us: {{questions}}{{/t}}

        {{#t}}Reference {{ref}}{{/t}}

        """

    static let updateText = """
        {{#t}}YOU SAID, WE DID: {{title}}{{/t}}
        {{#organisation}}{{organisation}}
        {{/organisation}}{{#t}}Published {{published}}{{/t}}
        {{#untranslated}}{{untranslated}}
        {{/untranslated}}

        {{#hasChanges}}
        {{#t}}WHAT HAS CHANGED SINCE {{changedSince}}, AND WHY{{/t}}
        {{#changes}}
          * {{text}}
        {{#reason}}
            {{#t}}Why:{{/t}} {{reason}}
        {{/reason}}
        {{/changes}}

        {{/hasChanges}}
        {{#t}}WHAT WE ASKED, AND WHY{{/t}}
        {{purpose}}
        {{#t}}What your views could change:{{/t}} {{canInfluence}}
        {{#hasWhen}}{{when}}
        {{/hasWhen}}

        {{#couldNotChange}}
        {{#t}}WHAT COULD NOT CHANGE, AND WHY{{/t}}
        {{couldNotChange}}

        {{/couldNotChange}}
        {{#t}}WHO TOOK PART{{/t}}
        {{takingPartText}}
        {{#methods}}
          * {{text}}: {{method}}
        {{/methods}}

        {{#t}}WHAT YOU SAID, AND WHAT WE DID{{/t}}
        {{#themes}}

        {{#t}}You said:{{/t}} {{youSaid}}
        ({{countText}})
        {{#quotes}}
          "{{text}}"
        {{#translation}}
          {{#t}}Translation: “{{translation}}”{{/t}}
        {{/translation}}
        {{/quotes}}
        {{#hasDid}}
          {{#t}}What we did:{{/t}}
        {{#did}}
            * {{text}}
        {{#impact}}
              {{#t}}The difference it made:{{/t}} {{impact}}
        {{/impact}}
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          {{#t}}What we will do:{{/t}}
        {{#will}}
            * {{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}}. {{#t}}Status: {{status}}{{/t}}
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
          {{heading}}:
            {{because}}
        {{#reason}}
            {{#t}}Reason: {{reason}}{{/t}}
        {{/reason}}
        {{/weDidNot}}
        {{#pending}}
          {{pendingText}}
        {{/pending}}
        {{/themes}}

        {{#t}}WHAT HAPPENS NEXT{{/t}}
        {{#unthemedText}}
        {{unthemedText}}
        {{/unthemedText}}
        {{#hasUnanswered}}
        {{#t}}We have not yet answered:{{/t}}
        {{#unanswered}}
          * {{youSaid}}
        {{/unanswered}}
        {{answersDueText}}
        {{/hasUnanswered}}
        {{#hasNextSteps}}
        {{#t}}Still to do:{{/t}}
        {{#nextSteps}}
          * {{text}}{{#due}} {{#t}}(by {{due}}){{/t}}{{/due}}{{#late}}. {{late}}{{/late}}. {{#t}}Status: {{status}}{{/t}}
        {{/nextSteps}}
        {{/hasNextSteps}}
        {{#allDone}}
        {{#t}}Everything we said we would do is done.{{/t}}
        {{/allDone}}
        {{#nextUpdate}}
        {{#t}}Our next update will be by {{nextUpdate}}.{{/t}}
        {{/nextUpdate}}

        {{#t}}QUESTIONS{{/t}}
        {{#t}}Ask us: {{questions}}{{/t}}

        {{#t}}Reference {{ref}}{{/t}}

        """
}
