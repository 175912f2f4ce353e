-- A rendition put right (issue 24), as SQLite's 0023_rendition_revisions.sql: updateRendition gains
-- revision (1 for the first, then 2, 3…), unique with its update, format and language.

ALTER TABLE updateRendition ADD COLUMN revision bigint NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE updateRendition DROP CONSTRAINT updaterendition_updateid_format_language_key;
ALTER TABLE updateRendition ADD UNIQUE (updateId, format, language, revision);

CREATE OR REPLACE FUNCTION updateRendition_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.redactedAt IS NULL OR NEW.id IS DISTINCT FROM OLD.id OR NEW.updateId IS DISTINCT FROM OLD.updateId
        OR NEW.format IS DISTINCT FROM OLD.format OR NEW.language IS DISTINCT FROM OLD.language
        OR NEW.revision IS DISTINCT FROM OLD.revision OR NEW.recordedAt IS DISTINCT FROM OLD.recordedAt
        OR NEW.recordedBy IS DISTINCT FROM OLD.recordedBy OR NEW.sha256 IS DISTINCT FROM OLD.sha256 THEN
        RAISE EXCEPTION 'a published rendition cannot be changed: only erasure may remove quotes from it';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION updateRendition_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
        VALUES (
            yswd_now(), yswd_actor(), 'insert', 'updateRendition', NEW.id,
            (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId), NULL,
            json_build_object('update', (SELECT number FROM publishedUpdate WHERE id = NEW.updateId), 'updateId', NEW.updateId,
                        'format', NEW.format, 'language', NEW.language, 'revision', NEW.revision,
                        'recordedAt', NEW.recordedAt, 'recordedBy', NEW.recordedBy, 'sha256', NEW.sha256,
                        'bytes', length(NEW.content), 'redactedAt', NEW.redactedAt)
        );
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION updateRendition_history_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
        VALUES (
            yswd_now(), yswd_actor(), 'update', 'updateRendition', NEW.id,
            (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId),
            json_build_object('format', OLD.format, 'language', OLD.language, 'revision', OLD.revision,
                        'redactedAt', OLD.redactedAt, 'bytes', length(OLD.content)),
            json_build_object('format', NEW.format, 'language', NEW.language, 'revision', NEW.revision,
                        'redactedAt', NEW.redactedAt, 'bytes', length(NEW.content))
        );
    RETURN NULL;
END $$;
