-- Published "you said, we did" updates, the quotes in them, and personal follow-ups.
--
-- An update keeps the exact bytes published and their SHA-256, and is never changed or deleted;
-- the one exception is erasure, which replaces an erased participant's quotes in the bytes and
-- sets redactedAt (the hash stays that of the bytes as first published).
--
-- `coverage` and `signature` hold each reported theme's answer as it stood (see
-- EngagementStore.themeSignatureSQL): the loop rules compare them with the current answers to
-- tell whether the latest update still covers the record. Rows written by a bulk write (`generate`)
-- carry its batch id and are recorded in history once, as the batch.

CREATE TABLE publishedUpdate (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    number INTEGER NOT NULL CHECK (number > 0),
    published TEXT NOT NULL CHECK (published IS date(published)),
    recordedAt TEXT NOT NULL,
    recordedBy TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('html', 'md', 'txt', 'easy-read', 'json', 'csv')),
    channels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(channels)),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    content BLOB NOT NULL,
    data BLOB NOT NULL,
    coverage TEXT NOT NULL,
    redactedAt TEXT,
    batchId INTEGER REFERENCES batch(id),
    UNIQUE (activityId, number)
) STRICT;
CREATE INDEX publishedUpdate_batch ON publishedUpdate(batchId);

CREATE TABLE publishedUpdateTheme (
    updateId INTEGER NOT NULL REFERENCES publishedUpdate(id),
    themeId INTEGER NOT NULL, -- no foreign key: the update outlives a theme removed later
    key TEXT NOT NULL,
    said TEXT NOT NULL,
    answer TEXT NOT NULL,
    signature TEXT NOT NULL,
    batchId INTEGER REFERENCES batch(id),
    PRIMARY KEY (updateId, key)
) STRICT;
CREATE INDEX publishedUpdateTheme_batch ON publishedUpdateTheme(batchId);

-- Where each consented quote sits in an update, so erasure can take it out again.
CREATE TABLE publishedQuote (
    id INTEGER PRIMARY KEY,
    updateId INTEGER NOT NULL REFERENCES publishedUpdate(id),
    participantId INTEGER NOT NULL REFERENCES participant(id),
    inData INTEGER NOT NULL CHECK (inData IN (0, 1)),
    published TEXT NOT NULL,
    redacted TEXT NOT NULL
) STRICT;
CREATE INDEX publishedQuote_update ON publishedQuote(updateId);
CREATE INDEX publishedQuote_participant ON publishedQuote(participantId);

CREATE TABLE followUp (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    participantId INTEGER NOT NULL REFERENCES participant(id),
    updateId INTEGER REFERENCES publishedUpdate(id),
    format TEXT NOT NULL CHECK (format IN ('email', 'letter', 'easy-read', 'phone')),
    sent TEXT NOT NULL CHECK (sent IS date(sent)),
    signature TEXT NOT NULL
) STRICT;
CREATE INDEX followUp_activity_participant ON followUp(activityId, participantId);
CREATE INDEX followUp_participant ON followUp(participantId);
CREATE INDEX followUp_update ON followUp(updateId);

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
CREATE TRIGGER publishedUpdateTheme_immutable_update BEFORE UPDATE ON publishedUpdateTheme
BEGIN
    SELECT RAISE(ABORT, 'a published update cannot be changed');
END;
CREATE TRIGGER publishedUpdateTheme_immutable_delete BEFORE DELETE ON publishedUpdateTheme
BEGIN
    SELECT RAISE(ABORT, 'a published update cannot be changed');
END;
CREATE TRIGGER followUp_never_deleted BEFORE DELETE ON followUp
BEGIN
    SELECT RAISE(ABORT, 'a sent follow-up is kept for good: it cannot be deleted');
END;

CREATE TRIGGER publishedUpdate_history_insert AFTER INSERT ON publishedUpdate WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'publishedUpdate', NEW.id, NEW.activityId, NULL,
        json_object('number', NEW.number, 'published', NEW.published, 'format', NEW.format,
                    'channels', json(NEW.channels), 'sha256', NEW.sha256, 'bytes', length(NEW.content))
    );
END;
CREATE TRIGGER publishedUpdate_history_update AFTER UPDATE ON publishedUpdate
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'publishedUpdate', NEW.id, NEW.activityId,
        json_object('number', OLD.number, 'redactedAt', OLD.redactedAt),
        json_object('number', NEW.number, 'redactedAt', NEW.redactedAt, 'bytes', length(NEW.content))
    );
END;
CREATE TRIGGER followUp_history_insert AFTER INSERT ON followUp
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'followUp', NEW.id, NEW.activityId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'format', NEW.format, 'sent', NEW.sent, 'update', NEW.updateId)
    );
END;
CREATE TRIGGER publishedUpdateTheme_history_insert AFTER INSERT ON publishedUpdateTheme WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'publishedUpdateTheme', NEW.updateId,
        (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId), NULL,
        json_object('update', (SELECT number FROM publishedUpdate WHERE id = NEW.updateId), 'theme', NEW.key,
                    'said', NEW.said, 'answer', NEW.answer)
    );
END;
