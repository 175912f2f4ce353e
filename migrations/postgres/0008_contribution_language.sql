-- A contribution records the language it was given in (issue 24), as SQLite's
-- 0022_contribution_language.sql.

ALTER TABLE contribution ADD COLUMN language text CHECK (language <> '');

CREATE OR REPLACE FUNCTION contribution_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.batchId IS NULL THEN
        INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
            VALUES (
                yswd_now(), yswd_actor(), 'insert', 'contribution', NEW.id, NEW.activityId, NULL,
                json_build_object(
                    'number', NEW.number,
                    'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'text', NEW.text,
                    'method', NEW.method,
                    'received', NEW.received,
                    'sourceId', NEW.sourceId,
                    'sourceColumn', NEW.sourceColumn,
                    'outOfScope', NEW.outOfScope,
                    'language', NEW.language));
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION contribution_history_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.batchId IS NULL OR NEW.batchId IS NOT DISTINCT FROM OLD.batchId THEN
        INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
            VALUES (
                yswd_now(), yswd_actor(), 'update', 'contribution', NEW.id, NEW.activityId,
                json_build_object(
                    'activity', (SELECT ref FROM activity WHERE id = OLD.activityId),
                    'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
                    'text', OLD.text,
                    'method', OLD.method,
                    'received', OLD.received,
                    'sourceId', OLD.sourceId,
                    'sourceColumn', OLD.sourceColumn,
                    'outOfScope', OLD.outOfScope,
                    'language', OLD.language),
                json_build_object(
                    'activity', (SELECT ref FROM activity WHERE id = NEW.activityId),
                    'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'text', NEW.text,
                    'method', NEW.method,
                    'received', NEW.received,
                    'sourceId', NEW.sourceId,
                    'sourceColumn', NEW.sourceColumn,
                    'outOfScope', NEW.outOfScope,
                    'language', NEW.language));
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION contribution_history_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
        VALUES (
            yswd_now(), yswd_actor(), 'delete', 'contribution', OLD.id, OLD.activityId,
            json_build_object(
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
    RETURN NULL;
END $$;

DROP TRIGGER contribution_history_update ON contribution;
CREATE TRIGGER contribution_history_update
    AFTER UPDATE OF activityId, participantId, text, method, received, sourceId, sourceColumn, outOfScope, language
    ON contribution FOR EACH ROW EXECUTE FUNCTION contribution_history_update();
