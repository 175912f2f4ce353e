-- An update is one thing in several renditions: a format in a language (the web page, easy read,
-- large print; Welsh later). The update's own format and bytes are its first rendition, so updates
-- recorded before keep their numbers and URLs; each further rendition of the same update is a row
-- of updateRendition, recorded when the record had not changed since the update was published.
-- Another rendition never replaces an update: only a later update does.
--
-- publishedUpdate is rebuilt so large print can be an update's first rendition.

DROP TRIGGER publishedUpdate_never_deleted;
DROP TRIGGER publishedUpdate_immutable;
DROP TRIGGER publishedUpdate_history_insert;
DROP TRIGGER publishedUpdate_history_update;

CREATE TABLE publishedUpdate_new (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    number INTEGER NOT NULL CHECK (number > 0),
    published TEXT NOT NULL CHECK (published IS date(published)),
    recordedAt TEXT NOT NULL,
    recordedBy TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('html', 'md', 'txt', 'easy-read', 'large-print', 'json', 'csv')),
    channels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(channels)),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    content BLOB NOT NULL,
    data BLOB NOT NULL,
    coverage TEXT NOT NULL,
    redactedAt TEXT,
    batchId INTEGER REFERENCES batch(id),
    UNIQUE (activityId, number)
) STRICT;
INSERT INTO publishedUpdate_new (id, activityId, number, published, recordedAt, recordedBy, format, channels, sha256,
    content, data, coverage, redactedAt, batchId)
SELECT id, activityId, number, published, recordedAt, recordedBy, format, channels, sha256, content, data, coverage,
    redactedAt, batchId
FROM publishedUpdate;
DROP TABLE publishedUpdate;
PRAGMA legacy_alter_table = ON;
ALTER TABLE publishedUpdate_new RENAME TO publishedUpdate;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX publishedUpdate_batch ON publishedUpdate(batchId);

CREATE TRIGGER publishedUpdate_never_deleted BEFORE DELETE ON publishedUpdate
BEGIN
    SELECT RAISE(ABORT, 'a published update is kept for good: it cannot be deleted');
END;
CREATE TRIGGER publishedUpdate_immutable BEFORE UPDATE ON publishedUpdate
WHEN NEW.redactedAt IS NULL OR NEW.id IS NOT OLD.id OR NEW.activityId IS NOT OLD.activityId
    OR NEW.number IS NOT OLD.number OR NEW.published IS NOT OLD.published OR NEW.recordedAt IS NOT OLD.recordedAt
    OR NEW.recordedBy IS NOT OLD.recordedBy OR NEW.format IS NOT OLD.format OR NEW.channels IS NOT OLD.channels
    OR NEW.sha256 IS NOT OLD.sha256 OR NEW.coverage IS NOT OLD.coverage OR NEW.batchId IS NOT OLD.batchId
BEGIN
    SELECT RAISE(ABORT, 'a published update cannot be changed: only erasure may remove quotes from it');
END;
CREATE TRIGGER publishedUpdate_history_insert AFTER INSERT ON publishedUpdate WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'publishedUpdate', NEW.id, NEW.activityId, NULL,
        json_object('number', NEW.number, 'published', NEW.published, 'recordedAt', NEW.recordedAt,
                    'recordedBy', NEW.recordedBy, 'format', NEW.format, 'channels', json(NEW.channels),
                    'sha256', NEW.sha256, 'bytes', length(NEW.content), 'dataBytes', length(NEW.data),
                    'coverage', NEW.coverage, 'redactedAt', NEW.redactedAt)
    );
END;
-- The only update allowed is erasure's redaction (publishedUpdate_immutable refuses the rest).
CREATE TRIGGER publishedUpdate_history_update AFTER UPDATE ON publishedUpdate
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'publishedUpdate', NEW.id, NEW.activityId,
        json_object('number', OLD.number, 'redactedAt', OLD.redactedAt, 'bytes', length(OLD.content),
                    'dataBytes', length(OLD.data)),
        json_object('number', NEW.number, 'redactedAt', NEW.redactedAt, 'bytes', length(NEW.content),
                    'dataBytes', length(NEW.data))
    );
END;

-- Each further rendition of an update: its format and language, the exact bytes published and their
-- SHA-256. Kept for good; erasure alone may take quotes out of its bytes.
CREATE TABLE updateRendition (
    id INTEGER PRIMARY KEY,
    updateId INTEGER NOT NULL REFERENCES publishedUpdate(id),
    format TEXT NOT NULL CHECK (format IN ('html', 'md', 'txt', 'easy-read', 'large-print', 'json', 'csv')),
    language TEXT NOT NULL DEFAULT 'en' CHECK (language <> ''),
    recordedAt TEXT NOT NULL,
    recordedBy TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    content BLOB NOT NULL,
    redactedAt TEXT,
    UNIQUE (updateId, format, language)
) STRICT;
CREATE INDEX updateRendition_update ON updateRendition(updateId);

CREATE TRIGGER updateRendition_never_deleted BEFORE DELETE ON updateRendition
BEGIN
    SELECT RAISE(ABORT, 'a published rendition is kept for good: it cannot be deleted');
END;
CREATE TRIGGER updateRendition_immutable BEFORE UPDATE ON updateRendition
WHEN NEW.redactedAt IS NULL OR NEW.id IS NOT OLD.id OR NEW.updateId IS NOT OLD.updateId
    OR NEW.format IS NOT OLD.format OR NEW.language IS NOT OLD.language OR NEW.recordedAt IS NOT OLD.recordedAt
    OR NEW.recordedBy IS NOT OLD.recordedBy OR NEW.sha256 IS NOT OLD.sha256
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
                    'format', NEW.format, 'language', NEW.language, 'recordedAt', NEW.recordedAt,
                    'recordedBy', NEW.recordedBy, 'sha256', NEW.sha256, 'bytes', length(NEW.content),
                    'redactedAt', NEW.redactedAt)
    );
END;
CREATE TRIGGER updateRendition_history_update AFTER UPDATE ON updateRendition
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'updateRendition', NEW.id,
        (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId),
        json_object('format', OLD.format, 'language', OLD.language, 'redactedAt', OLD.redactedAt,
                    'bytes', length(OLD.content)),
        json_object('format', NEW.format, 'language', NEW.language, 'redactedAt', NEW.redactedAt,
                    'bytes', length(NEW.content))
    );
END;

-- Where each quote sits in a further rendition, so erasure can take it out of those bytes too.
ALTER TABLE publishedQuote ADD COLUMN renditionId INTEGER REFERENCES updateRendition(id);
CREATE INDEX publishedQuote_rendition ON publishedQuote(renditionId);
