-- Public wording kept apart from staff wording, chosen quotes, names for letters, large print.
-- - activity.explainedAs becomes publicSummary: "what we asked, and why", in the words people were told.
-- - theme, decision and explanation may carry an easy-read wording (easyRead).
-- - participantContact gains a name for salutations (private, erased with the contact) and the
--   preferred format 'large-print'.
-- - chosenQuote: the contributions a person chose to quote under a theme.

ALTER TABLE activity RENAME COLUMN explainedAs TO publicSummary;
ALTER TABLE theme ADD COLUMN easyRead TEXT CHECK (easyRead <> '');
ALTER TABLE decision ADD COLUMN easyRead TEXT CHECK (easyRead <> '');
ALTER TABLE explanation ADD COLUMN easyRead TEXT CHECK (easyRead <> '');

DROP TRIGGER activity_history_insert;
DROP TRIGGER activity_history_update;
DROP TRIGGER activity_history_delete;

CREATE TRIGGER activity_history_insert AFTER INSERT ON activity
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'activity', NEW.id, NEW.id, NULL,
        json_object('ref', NEW.ref, 'title', NEW.title, 'purpose', NEW.purpose, 'canInfluence', NEW.canInfluence,
            'level', NEW.level, 'constraints', NEW.constraints, 'publicSummary', NEW.publicSummary,
            'methods', json(NEW.methods), 'audiences', json(NEW.audiences), 'lead', NEW.lead,
            'partners', json(NEW.partners), 'resources', NEW.resources, 'service', NEW.service,
            'publicContact', NEW.publicContact, 'opens', NEW.opens, 'closes', NEW.closes,
            'cadenceWeeks', NEW.cadenceWeeks, 'feedbackBy', NEW.feedbackBy,
            'feedbackChannels', json(NEW.feedbackChannels)));
END;

CREATE TRIGGER activity_history_update AFTER UPDATE ON activity
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'activity', NEW.id, NEW.id,
        json_object('ref', OLD.ref, 'title', OLD.title, 'purpose', OLD.purpose, 'canInfluence', OLD.canInfluence,
            'level', OLD.level, 'constraints', OLD.constraints, 'publicSummary', OLD.publicSummary,
            'methods', json(OLD.methods), 'audiences', json(OLD.audiences), 'lead', OLD.lead,
            'partners', json(OLD.partners), 'resources', OLD.resources, 'service', OLD.service,
            'publicContact', OLD.publicContact, 'opens', OLD.opens, 'closes', OLD.closes,
            'cadenceWeeks', OLD.cadenceWeeks, 'feedbackBy', OLD.feedbackBy,
            'feedbackChannels', json(OLD.feedbackChannels)),
        json_object('ref', NEW.ref, 'title', NEW.title, 'purpose', NEW.purpose, 'canInfluence', NEW.canInfluence,
            'level', NEW.level, 'constraints', NEW.constraints, 'publicSummary', NEW.publicSummary,
            'methods', json(NEW.methods), 'audiences', json(NEW.audiences), 'lead', NEW.lead,
            'partners', json(NEW.partners), 'resources', NEW.resources, 'service', NEW.service,
            'publicContact', NEW.publicContact, 'opens', NEW.opens, 'closes', NEW.closes,
            'cadenceWeeks', NEW.cadenceWeeks, 'feedbackBy', NEW.feedbackBy,
            'feedbackChannels', json(NEW.feedbackChannels)));
END;

CREATE TRIGGER activity_history_delete AFTER DELETE ON activity
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'activity', OLD.id, OLD.id,
        json_object('ref', OLD.ref, 'title', OLD.title, 'purpose', OLD.purpose, 'canInfluence', OLD.canInfluence,
            'level', OLD.level, 'constraints', OLD.constraints, 'publicSummary', OLD.publicSummary,
            'methods', json(OLD.methods), 'audiences', json(OLD.audiences), 'lead', OLD.lead,
            'partners', json(OLD.partners), 'resources', OLD.resources, 'service', OLD.service,
            'publicContact', OLD.publicContact, 'opens', OLD.opens, 'closes', OLD.closes,
            'cadenceWeeks', OLD.cadenceWeeks, 'feedbackBy', OLD.feedbackBy,
            'feedbackChannels', json(OLD.feedbackChannels)),
        NULL);
END;

DROP TRIGGER theme_history_insert;
DROP TRIGGER theme_history_update;
DROP TRIGGER theme_history_delete;

CREATE TRIGGER theme_history_insert AFTER INSERT ON theme
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'theme', NEW.id, NEW.activityId, NULL,
        json_object('key', NEW.key, 'said', NEW.said, 'easyRead', NEW.easyRead));
END;

CREATE TRIGGER theme_history_update AFTER UPDATE ON theme
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'theme', NEW.id, NEW.activityId,
        json_object('activityId', OLD.activityId, 'key', OLD.key, 'said', OLD.said, 'easyRead', OLD.easyRead),
        json_object('activityId', NEW.activityId, 'key', NEW.key, 'said', NEW.said, 'easyRead', NEW.easyRead));
END;

CREATE TRIGGER theme_history_delete AFTER DELETE ON theme
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'theme', OLD.id, OLD.activityId,
        json_object('key', OLD.key, 'said', OLD.said, 'easyRead', OLD.easyRead), NULL);
END;

DROP TRIGGER decision_history_insert;
DROP TRIGGER decision_history_update;
DROP TRIGGER decision_history_delete;

CREATE TRIGGER decision_history_insert AFTER INSERT ON decision
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'decision', NEW.id, NEW.activityId, NULL,
        json_object('key', NEW.key, 'text', NEW.text, 'decidedBy', NEW.decidedBy, 'decidedOn', NEW.decidedOn,
            'status', NEW.status, 'due', NEW.due, 'impact', NEW.impact, 'parentId', NEW.parentId,
            'progress', NEW.progress, 'externalId', NEW.externalId, 'description', NEW.description,
            'starts', NEW.starts, 'easyRead', NEW.easyRead));
END;

CREATE TRIGGER decision_history_update AFTER UPDATE ON decision
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'decision', NEW.id, NEW.activityId,
        json_object('key', OLD.key, 'text', OLD.text, 'decidedBy', OLD.decidedBy, 'decidedOn', OLD.decidedOn,
            'status', OLD.status, 'due', OLD.due, 'impact', OLD.impact, 'parentId', OLD.parentId,
            'progress', OLD.progress, 'externalId', OLD.externalId, 'description', OLD.description,
            'starts', OLD.starts, 'easyRead', OLD.easyRead),
        json_object('key', NEW.key, 'text', NEW.text, 'decidedBy', NEW.decidedBy, 'decidedOn', NEW.decidedOn,
            'status', NEW.status, 'due', NEW.due, 'impact', NEW.impact, 'parentId', NEW.parentId,
            'progress', NEW.progress, 'externalId', NEW.externalId, 'description', NEW.description,
            'starts', NEW.starts, 'easyRead', NEW.easyRead));
END;

CREATE TRIGGER decision_history_delete AFTER DELETE ON decision
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'decision', OLD.id, OLD.activityId,
        json_object('key', OLD.key, 'text', OLD.text, 'decidedBy', OLD.decidedBy, 'decidedOn', OLD.decidedOn,
            'status', OLD.status, 'due', OLD.due, 'impact', OLD.impact, 'parentId', OLD.parentId,
            'progress', OLD.progress, 'externalId', OLD.externalId, 'description', OLD.description,
            'starts', OLD.starts, 'easyRead', OLD.easyRead), NULL);
END;

DROP TRIGGER explanation_history_insert;
DROP TRIGGER explanation_history_update;
DROP TRIGGER explanation_history_delete;

CREATE TRIGGER explanation_history_insert AFTER INSERT ON explanation
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'explanation', NEW.id,
        (SELECT activityId FROM theme WHERE id = NEW.themeId), NULL,
        json_object('themeId', NEW.themeId, 'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'why', NEW.why, 'reason', NEW.reason, 'easyRead', NEW.easyRead));
END;

CREATE TRIGGER explanation_history_update AFTER UPDATE ON explanation
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'explanation', NEW.id,
        (SELECT activityId FROM theme WHERE id = NEW.themeId),
        json_object('themeId', OLD.themeId, 'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'why', OLD.why, 'reason', OLD.reason, 'easyRead', OLD.easyRead),
        json_object('themeId', NEW.themeId, 'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'why', NEW.why, 'reason', NEW.reason, 'easyRead', NEW.easyRead));
END;

CREATE TRIGGER explanation_history_delete AFTER DELETE ON explanation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'explanation', OLD.id,
        (SELECT activityId FROM theme WHERE id = OLD.themeId),
        json_object('themeId', OLD.themeId, 'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'why', OLD.why, 'reason', OLD.reason, 'easyRead', OLD.easyRead), NULL);
END;

-- participantContact is rebuilt for its new column and the new preferred format.
CREATE TABLE participantContact_new (
    participantId INTEGER PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
    email TEXT,
    phone TEXT,
    address TEXT,
    prefers TEXT CHECK (prefers IN ('email', 'letter', 'large-print', 'easy-read', 'phone', 'none')),
    batchId INTEGER REFERENCES batch(id),
    name TEXT CHECK (name <> '')
) STRICT;
INSERT INTO participantContact_new (participantId, email, phone, address, prefers, batchId)
SELECT participantId, email, phone, address, prefers, batchId FROM participantContact;
DROP TABLE participantContact;
PRAGMA legacy_alter_table = ON;
ALTER TABLE participantContact_new RENAME TO participantContact;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX participantContact_batch ON participantContact(batchId);

CREATE TRIGGER participantContact_history_insert AFTER INSERT ON participantContact
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'participantContact', NEW.participantId, NULL, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'email', NEW.email, 'phone', NEW.phone, 'address', NEW.address,
            'prefers', NEW.prefers));
END;

CREATE TRIGGER participantContact_history_update AFTER UPDATE ON participantContact
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'participantContact', NEW.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'email', OLD.email, 'phone', OLD.phone, 'address', OLD.address,
            'prefers', OLD.prefers),
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'email', NEW.email, 'phone', NEW.phone, 'address', NEW.address,
            'prefers', NEW.prefers));
END;

CREATE TRIGGER participantContact_history_delete AFTER DELETE ON participantContact
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'participantContact', OLD.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'email', OLD.email, 'phone', OLD.phone, 'address', OLD.address,
            'prefers', OLD.prefers),
        NULL);
END;

-- The contributions a person chose to quote under a theme. A quote goes when its link to the
-- theme does; publishing also skips any whose speaker withdrew consent, was erased, or whose
-- contribution was marked out of scope.
CREATE TABLE chosenQuote (
    id INTEGER PRIMARY KEY,
    themeId INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
    contributionId INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    chosenAt TEXT NOT NULL,
    UNIQUE (themeId, contributionId)
) STRICT;
CREATE INDEX chosenQuote_contribution ON chosenQuote(contributionId);

CREATE TRIGGER themeContribution_unlink_quote AFTER DELETE ON themeContribution
BEGIN
    DELETE FROM chosenQuote WHERE themeId = OLD.themeId AND contributionId = OLD.contributionId;
END;

CREATE TRIGGER chosenQuote_history_insert AFTER INSERT ON chosenQuote
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'chosenQuote', NEW.contributionId,
        (SELECT activityId FROM theme WHERE id = NEW.themeId), NULL,
        json_object('id', NEW.id, 'themeId', NEW.themeId, 'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'contributionId', NEW.contributionId, 'chosenAt', NEW.chosenAt));
END;

CREATE TRIGGER chosenQuote_history_update AFTER UPDATE ON chosenQuote
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'chosenQuote', NEW.contributionId,
        (SELECT activityId FROM theme WHERE id = NEW.themeId),
        json_object('id', OLD.id, 'themeId', OLD.themeId, 'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'contributionId', OLD.contributionId, 'chosenAt', OLD.chosenAt),
        json_object('id', NEW.id, 'themeId', NEW.themeId, 'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'contributionId', NEW.contributionId, 'chosenAt', NEW.chosenAt));
END;

CREATE TRIGGER chosenQuote_history_delete AFTER DELETE ON chosenQuote
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'chosenQuote', OLD.contributionId,
        (SELECT activityId FROM theme WHERE id = OLD.themeId),
        json_object('id', OLD.id, 'themeId', OLD.themeId, 'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'contributionId', OLD.contributionId, 'chosenAt', OLD.chosenAt),
        NULL);
END;

-- followUp is rebuilt so a follow-up can be sent in large print; it keeps every row and trigger.
CREATE TABLE followUp_new (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    participantId INTEGER NOT NULL REFERENCES participant(id),
    updateId INTEGER REFERENCES publishedUpdate(id),
    format TEXT NOT NULL CHECK (format IN ('email', 'letter', 'large-print', 'easy-read', 'phone')),
    sent TEXT NOT NULL CHECK (sent IS date(sent)),
    signature TEXT NOT NULL
) STRICT;
INSERT INTO followUp_new (id, activityId, participantId, updateId, format, sent, signature)
SELECT id, activityId, participantId, updateId, format, sent, signature FROM followUp;
DROP TABLE followUp;
PRAGMA legacy_alter_table = ON;
ALTER TABLE followUp_new RENAME TO followUp;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX followUp_activity_participant ON followUp(activityId, participantId);
CREATE INDEX followUp_participant ON followUp(participantId);
CREATE INDEX followUp_update ON followUp(updateId);

CREATE TRIGGER followUp_never_deleted BEFORE DELETE ON followUp
BEGIN
    SELECT RAISE(ABORT, 'a sent follow-up is kept for good: it cannot be deleted');
END;

CREATE TRIGGER followUp_never_changed BEFORE UPDATE ON followUp
BEGIN
    SELECT RAISE(ABORT, 'a sent follow-up is kept as it was sent: it cannot be changed');
END;

CREATE TRIGGER followUp_history_insert AFTER INSERT ON followUp
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'followUp', NEW.id, NEW.activityId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'format', NEW.format, 'sent', NEW.sent, 'update', NEW.updateId, 'signature', NEW.signature)
    );
END;
