-- A contribution records the language it was given in (issue 24): quotes are published in the words
-- and the language people used, marked as such. NULL for the team's source language (or not known).

ALTER TABLE contribution ADD COLUMN language TEXT CHECK (language <> '');

DROP TRIGGER contribution_history_insert;
DROP TRIGGER contribution_history_update;
DROP TRIGGER contribution_history_delete;

CREATE TRIGGER contribution_history_insert AFTER INSERT ON contribution
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'contribution', NEW.id, NEW.activityId, NULL,
        json_object(
            'number', NEW.number,
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'text', NEW.text,
            'method', NEW.method,
            'received', NEW.received,
            'sourceId', NEW.sourceId,
            'sourceColumn', NEW.sourceColumn,
            'outOfScope', NEW.outOfScope,
            'language', NEW.language));
END;

CREATE TRIGGER contribution_history_update
AFTER UPDATE OF activityId, participantId, text, method, received, sourceId, sourceColumn, outOfScope, language
ON contribution
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'contribution', NEW.id, NEW.activityId,
        json_object(
            'activity', (SELECT ref FROM activity WHERE id = OLD.activityId),
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'text', OLD.text,
            'method', OLD.method,
            'received', OLD.received,
            'sourceId', OLD.sourceId,
            'sourceColumn', OLD.sourceColumn,
            'outOfScope', OLD.outOfScope,
            'language', OLD.language),
        json_object(
            'activity', (SELECT ref FROM activity WHERE id = NEW.activityId),
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'text', NEW.text,
            'method', NEW.method,
            'received', NEW.received,
            'sourceId', NEW.sourceId,
            'sourceColumn', NEW.sourceColumn,
            'outOfScope', NEW.outOfScope,
            'language', NEW.language));
END;

CREATE TRIGGER contribution_history_delete AFTER DELETE ON contribution
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'contribution', OLD.id, OLD.activityId,
        json_object(
            'number', OLD.number,
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'text', OLD.text,
            'method', OLD.method,
            'received', OLD.received,
            'sourceId', OLD.sourceId,
            'sourceColumn', OLD.sourceColumn,
            'outOfScope', OLD.outOfScope,
            'language', OLD.language),
        NULL);
END;
