-- A rendition put right (issue 24): when a translation changes after an update was recorded, the
-- update's rendition in that language can be published again on the same update. updateRendition
-- gains revision (1 for the first, then 2, 3…): the newest of a format in a language is the one people
-- read; the earlier ones are kept for good, like every rendition. Rebuilt for its new UNIQUE.

CREATE TABLE updateRendition_new (
    id INTEGER PRIMARY KEY,
    updateId INTEGER NOT NULL REFERENCES publishedUpdate(id),
    format TEXT NOT NULL CHECK (format IN ('html', 'md', 'txt', 'easy-read', 'large-print', 'json', 'csv')),
    language TEXT NOT NULL DEFAULT 'en' CHECK (language <> ''),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    recordedAt TEXT NOT NULL,
    recordedBy TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    content BLOB NOT NULL,
    redactedAt TEXT,
    UNIQUE (updateId, format, language, revision)
) STRICT;
INSERT INTO updateRendition_new (id, updateId, format, language, revision, recordedAt, recordedBy, sha256, content,
    redactedAt)
SELECT id, updateId, format, language, 1, recordedAt, recordedBy, sha256, content, redactedAt FROM updateRendition;
DROP TABLE updateRendition;
PRAGMA legacy_alter_table = ON;
ALTER TABLE updateRendition_new RENAME TO updateRendition;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX updateRendition_update ON updateRendition(updateId);

CREATE TRIGGER updateRendition_never_deleted BEFORE DELETE ON updateRendition
BEGIN
    SELECT RAISE(ABORT, 'a published rendition is kept for good: it cannot be deleted');
END;
CREATE TRIGGER updateRendition_immutable BEFORE UPDATE ON updateRendition
WHEN NEW.redactedAt IS NULL OR NEW.id IS NOT OLD.id OR NEW.updateId IS NOT OLD.updateId
    OR NEW.format IS NOT OLD.format OR NEW.language IS NOT OLD.language OR NEW.revision IS NOT OLD.revision
    OR NEW.recordedAt IS NOT OLD.recordedAt OR NEW.recordedBy IS NOT OLD.recordedBy OR NEW.sha256 IS NOT OLD.sha256
BEGIN
    SELECT RAISE(ABORT, 'a published rendition cannot be changed: only erasure may remove quotes from it');
END;
CREATE TRIGGER updateRendition_history_insert AFTER INSERT ON updateRendition
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'updateRendition', NEW.id,
        (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId), NULL,
        json_object('update', (SELECT number FROM publishedUpdate WHERE id = NEW.updateId), 'updateId', NEW.updateId,
                    'format', NEW.format, 'language', NEW.language, 'revision', NEW.revision,
                    'recordedAt', NEW.recordedAt, 'recordedBy', NEW.recordedBy, 'sha256', NEW.sha256,
                    'bytes', length(NEW.content), 'redactedAt', NEW.redactedAt)
    );
END;
CREATE TRIGGER updateRendition_history_update AFTER UPDATE ON updateRendition
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'updateRendition', NEW.id,
        (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId),
        json_object('format', OLD.format, 'language', OLD.language, 'revision', OLD.revision,
                    'redactedAt', OLD.redactedAt, 'bytes', length(OLD.content)),
        json_object('format', NEW.format, 'language', NEW.language, 'revision', NEW.revision,
                    'redactedAt', NEW.redactedAt, 'bytes', length(NEW.content))
    );
END;
