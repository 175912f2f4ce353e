-- Languages (issue 24).
-- - participantContact.language: the language a person hears back in (a BCP 47 tag; NULL for the
--   team's source language). Private, like the rest of their contact record, and erased with it.
-- - translation: one public text of an activity in one language, with the source text it translates.
--   When the source changes, the stored source no longer matches it and the translation is out of date.
-- - phraseTranslation: the team's message catalogue, each built-in phrase (keyed by its English) in a
--   language.

ALTER TABLE participantContact ADD COLUMN language TEXT CHECK (language <> '');

DROP TRIGGER participantContact_history_insert;
DROP TRIGGER participantContact_history_update;
DROP TRIGGER participantContact_history_delete;

CREATE TRIGGER participantContact_history_insert AFTER INSERT ON participantContact
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'participantContact', NEW.participantId, NULL, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'salutation', NEW.salutation, 'email', NEW.email, 'phone', NEW.phone,
            'address', NEW.address, 'prefers', NEW.prefers, 'failedChannel', NEW.failedChannel,
            'language', NEW.language));
END;

CREATE TRIGGER participantContact_history_update AFTER UPDATE ON participantContact
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'participantContact', NEW.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'salutation', OLD.salutation, 'email', OLD.email, 'phone', OLD.phone,
            'address', OLD.address, 'prefers', OLD.prefers, 'failedChannel', OLD.failedChannel,
            'language', OLD.language),
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'salutation', NEW.salutation, 'email', NEW.email, 'phone', NEW.phone,
            'address', NEW.address, 'prefers', NEW.prefers, 'failedChannel', NEW.failedChannel,
            'language', NEW.language));
END;

CREATE TRIGGER participantContact_history_delete AFTER DELETE ON participantContact
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'participantContact', OLD.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'salutation', OLD.salutation, 'email', OLD.email, 'phone', OLD.phone,
            'address', OLD.address, 'prefers', OLD.prefers, 'failedChannel', OLD.failedChannel,
            'language', OLD.language),
        NULL);
END;

CREATE TABLE translation (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    language TEXT NOT NULL CHECK (language <> ''),
    key TEXT NOT NULL CHECK (key <> ''),
    source TEXT NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    recordedAt TEXT NOT NULL,
    recordedBy TEXT NOT NULL,
    UNIQUE (activityId, language, key)
) STRICT;

CREATE TRIGGER translation_history_insert AFTER INSERT ON translation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'translation', NEW.id, NEW.activityId, NULL,
        json_object('language', NEW.language, 'key', NEW.key, 'source', NEW.source, 'text', NEW.text,
            'recordedAt', NEW.recordedAt, 'recordedBy', NEW.recordedBy));
END;

CREATE TRIGGER translation_history_update AFTER UPDATE ON translation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'translation', NEW.id, NEW.activityId,
        json_object('language', OLD.language, 'key', OLD.key, 'source', OLD.source, 'text', OLD.text,
            'recordedAt', OLD.recordedAt, 'recordedBy', OLD.recordedBy),
        json_object('language', NEW.language, 'key', NEW.key, 'source', NEW.source, 'text', NEW.text,
            'recordedAt', NEW.recordedAt, 'recordedBy', NEW.recordedBy));
END;

CREATE TRIGGER translation_history_delete AFTER DELETE ON translation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'translation', OLD.id, OLD.activityId,
        json_object('language', OLD.language, 'key', OLD.key, 'source', OLD.source, 'text', OLD.text,
            'recordedAt', OLD.recordedAt, 'recordedBy', OLD.recordedBy),
        NULL);
END;

CREATE TABLE phraseTranslation (
    language TEXT NOT NULL CHECK (language <> ''),
    phrase TEXT NOT NULL CHECK (phrase <> ''),
    text TEXT NOT NULL CHECK (text <> ''),
    recordedAt TEXT NOT NULL,
    recordedBy TEXT NOT NULL,
    PRIMARY KEY (language, phrase)
) STRICT;

CREATE TRIGGER phraseTranslation_history_insert AFTER INSERT ON phraseTranslation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'phraseTranslation', NULL, NULL, NULL,
        json_object('language', NEW.language, 'phrase', NEW.phrase, 'text', NEW.text,
            'recordedAt', NEW.recordedAt, 'recordedBy', NEW.recordedBy));
END;

CREATE TRIGGER phraseTranslation_history_update AFTER UPDATE ON phraseTranslation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'phraseTranslation', NULL, NULL,
        json_object('language', OLD.language, 'phrase', OLD.phrase, 'text', OLD.text,
            'recordedAt', OLD.recordedAt, 'recordedBy', OLD.recordedBy),
        json_object('language', NEW.language, 'phrase', NEW.phrase, 'text', NEW.text,
            'recordedAt', NEW.recordedAt, 'recordedBy', NEW.recordedBy));
END;

CREATE TRIGGER phraseTranslation_history_delete AFTER DELETE ON phraseTranslation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'phraseTranslation', NULL, NULL,
        json_object('language', OLD.language, 'phrase', OLD.phrase, 'text', OLD.text,
            'recordedAt', OLD.recordedAt, 'recordedBy', OLD.recordedBy),
        NULL);
END;
