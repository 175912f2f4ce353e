-- Decisions that come from (or go to) Decidim's accountability results: a parent result, a
-- progress percentage, the external id, a description and a start date.

ALTER TABLE decision ADD COLUMN parentId INTEGER REFERENCES decision(id) ON DELETE SET NULL;
ALTER TABLE decision ADD COLUMN progress INTEGER CHECK (progress BETWEEN 0 AND 100);
ALTER TABLE decision ADD COLUMN externalId TEXT;
ALTER TABLE decision ADD COLUMN description TEXT;
ALTER TABLE decision ADD COLUMN starts TEXT CHECK (starts IS date(starts));
CREATE INDEX decision_parent ON decision(parentId);
CREATE UNIQUE INDEX decision_external ON decision(activityId, externalId) WHERE externalId IS NOT NULL;

-- History of decisions now records the new fields too.
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
            'starts', NEW.starts));
END;

CREATE TRIGGER decision_history_update AFTER UPDATE ON decision
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'decision', NEW.id, NEW.activityId,
        json_object('key', OLD.key, 'text', OLD.text, 'decidedBy', OLD.decidedBy, 'decidedOn', OLD.decidedOn,
            'status', OLD.status, 'due', OLD.due, 'impact', OLD.impact, 'parentId', OLD.parentId,
            'progress', OLD.progress, 'externalId', OLD.externalId, 'description', OLD.description,
            'starts', OLD.starts),
        json_object('key', NEW.key, 'text', NEW.text, 'decidedBy', NEW.decidedBy, 'decidedOn', NEW.decidedOn,
            'status', NEW.status, 'due', NEW.due, 'impact', NEW.impact, 'parentId', NEW.parentId,
            'progress', NEW.progress, 'externalId', NEW.externalId, 'description', NEW.description,
            'starts', NEW.starts));
END;

CREATE TRIGGER decision_history_delete AFTER DELETE ON decision
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'decision', OLD.id, OLD.activityId,
        json_object('key', OLD.key, 'text', OLD.text, 'decidedBy', OLD.decidedBy, 'decidedOn', OLD.decidedOn,
            'status', OLD.status, 'due', OLD.due, 'impact', OLD.impact, 'parentId', OLD.parentId,
            'progress', OLD.progress, 'externalId', OLD.externalId, 'description', OLD.description,
            'starts', OLD.starts), NULL);
END;
