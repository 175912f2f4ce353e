extension BuiltInTemplates {
    // The update as Markdown and as plain text: the same sections as the web page.

    static let updateMarkdown = """
        # You said, we did: {{title}}

        {{#organisation}}{{organisation}} · {{/organisation}}Published {{published}}

        {{#hasChanges}}
        ## What has changed since {{changedSince}}, and why

        {{#changes}}
        - {{text}}{{#reason}} Why: {{reason}}{{/reason}}
        {{/changes}}

        {{/hasChanges}}
        ## What we asked, and why

        {{purpose}}

        **What your views could change:** {{canInfluence}}

        {{#hasWhen}}{{when}}

        {{/hasWhen}}
        {{#couldNotChange}}## What could not change, and why

        {{couldNotChange}}

        {{/couldNotChange}}
        ## Who took part

        {{takingPartText}}

        {{#methods}}
        - {{text}}: {{method}}
        {{/methods}}

        ## What you said, and what we did

        {{#themes}}
        ### You said: {{youSaid}}

        {{countText}}

        {{#quotes}}
        > “{{text}}”

        {{/quotes}}
        {{#hasDid}}
        #### What we did

        {{#did}}
        - {{text}}{{#impact}}. The difference it made: {{impact}}{{/impact}}
        {{/did}}

        {{/hasDid}}
        {{#hasWill}}
        #### What we will do

        {{#will}}
        - {{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}}. Status: {{status}}
        {{/will}}

        {{/hasWill}}
        {{#weDidNot}}
        #### {{heading}}

        {{because}}
        {{#reason}}

        Reason: {{reason}}
        {{/reason}}

        {{/weDidNot}}
        {{#pending}}
        {{pendingText}}

        {{/pending}}
        {{/themes}}
        ## What happens next

        {{#unthemedText}}
        {{unthemedText}}

        {{/unthemedText}}
        {{#hasUnanswered}}
        We have not yet answered:

        {{#unanswered}}
        - {{youSaid}}
        {{/unanswered}}

        {{answersDueText}}

        {{/hasUnanswered}}
        {{#hasNextSteps}}
        Still to do:

        {{#nextSteps}}
        - {{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}}. Status: {{status}}
        {{/nextSteps}}

        {{/hasNextSteps}}
        {{#allDone}}
        Everything we said we would do is done.

        {{/allDone}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.

        {{/nextUpdate}}
        ## Questions

        Ask us: {{questions}}

        Reference {{ref}}

        """

    static let updateText = """
        YOU SAID, WE DID: {{title}}
        {{#organisation}}{{organisation}}
        {{/organisation}}Published {{published}}

        {{#hasChanges}}
        WHAT HAS CHANGED SINCE {{changedSince}}, AND WHY
        {{#changes}}
          * {{text}}
        {{#reason}}
            Why: {{reason}}
        {{/reason}}
        {{/changes}}

        {{/hasChanges}}
        WHAT WE ASKED, AND WHY
        {{purpose}}
        What your views could change: {{canInfluence}}
        {{#hasWhen}}{{when}}
        {{/hasWhen}}

        {{#couldNotChange}}
        WHAT COULD NOT CHANGE, AND WHY
        {{couldNotChange}}

        {{/couldNotChange}}
        WHO TOOK PART
        {{takingPartText}}
        {{#methods}}
          * {{text}}: {{method}}
        {{/methods}}

        WHAT YOU SAID, AND WHAT WE DID
        {{#themes}}

        You said: {{youSaid}}
        ({{countText}})
        {{#quotes}}
          "{{text}}"
        {{/quotes}}
        {{#hasDid}}
          What we did:
        {{#did}}
            * {{text}}
        {{#impact}}
              The difference it made: {{impact}}
        {{/impact}}
        {{/did}}
        {{/hasDid}}
        {{#hasWill}}
          What we will do:
        {{#will}}
            * {{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}}. Status: {{status}}
        {{/will}}
        {{/hasWill}}
        {{#weDidNot}}
          {{heading}}:
            {{because}}
        {{#reason}}
            Reason: {{reason}}
        {{/reason}}
        {{/weDidNot}}
        {{#pending}}
          {{pendingText}}
        {{/pending}}
        {{/themes}}

        WHAT HAPPENS NEXT
        {{#unthemedText}}
        {{unthemedText}}
        {{/unthemedText}}
        {{#hasUnanswered}}
        We have not yet answered:
        {{#unanswered}}
          * {{youSaid}}
        {{/unanswered}}
        {{answersDueText}}
        {{/hasUnanswered}}
        {{#hasNextSteps}}
        Still to do:
        {{#nextSteps}}
          * {{text}}{{#due}} (by {{due}}){{/due}}{{#late}}. {{late}}{{/late}}. Status: {{status}}
        {{/nextSteps}}
        {{/hasNextSteps}}
        {{#allDone}}
        Everything we said we would do is done.
        {{/allDone}}
        {{#nextUpdate}}
        Our next update will be by {{nextUpdate}}.
        {{/nextUpdate}}

        QUESTIONS
        Ask us: {{questions}}

        Reference {{ref}}

        """
}
