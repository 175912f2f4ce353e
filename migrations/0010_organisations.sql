-- Organisations across a care system (the ICB, trusts, the council, primary care, voluntary
-- groups, Healthwatch), which activity each ran, and when people were first told of an activity.

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (key <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('icb', 'trust', 'council', 'primary-care', 'voluntary', 'healthwatch', 'other')),
    batchId INTEGER REFERENCES batch(id)
) STRICT;

CREATE TRIGGER organisation_history_insert AFTER INSERT ON organisation
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'organisation', NEW.id, NULL, NULL,
        json_object('key', NEW.key, 'name', NEW.name, 'kind', NEW.kind));
END;

CREATE TRIGGER organisation_history_update AFTER UPDATE ON organisation
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'organisation', NEW.id, NULL,
        json_object('key', OLD.key, 'name', OLD.name, 'kind', OLD.kind),
        json_object('key', NEW.key, 'name', NEW.name, 'kind', NEW.kind));
END;

CREATE TRIGGER organisation_history_delete AFTER DELETE ON organisation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'organisation', OLD.id, NULL,
        json_object('key', OLD.key, 'name', OLD.name, 'kind', OLD.kind), NULL);
END;

ALTER TABLE activity ADD COLUMN organisationId INTEGER REFERENCES organisation(id);
ALTER TABLE activity ADD COLUMN announced TEXT CHECK (announced IS date(announced));
CREATE INDEX activity_organisation ON activity(organisationId);

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
            'feedbackChannels', json(NEW.feedbackChannels),
            'organisation', (SELECT key FROM organisation WHERE id = NEW.organisationId),
            'organisationId', NEW.organisationId, 'announced', NEW.announced));
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
            'feedbackChannels', json(OLD.feedbackChannels),
            'organisation', (SELECT key FROM organisation WHERE id = OLD.organisationId),
            'organisationId', OLD.organisationId, 'announced', OLD.announced),
        json_object('ref', NEW.ref, 'title', NEW.title, 'purpose', NEW.purpose, 'canInfluence', NEW.canInfluence,
            'level', NEW.level, 'constraints', NEW.constraints, 'publicSummary', NEW.publicSummary,
            'methods', json(NEW.methods), 'audiences', json(NEW.audiences), 'lead', NEW.lead,
            'partners', json(NEW.partners), 'resources', NEW.resources, 'service', NEW.service,
            'publicContact', NEW.publicContact, 'opens', NEW.opens, 'closes', NEW.closes,
            'cadenceWeeks', NEW.cadenceWeeks, 'feedbackBy', NEW.feedbackBy,
            'feedbackChannels', json(NEW.feedbackChannels),
            'organisation', (SELECT key FROM organisation WHERE id = NEW.organisationId),
            'organisationId', NEW.organisationId, 'announced', NEW.announced));
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
            'feedbackChannels', json(OLD.feedbackChannels),
            'organisation', (SELECT key FROM organisation WHERE id = OLD.organisationId),
            'organisationId', OLD.organisationId, 'announced', OLD.announced),
        NULL);
END;
