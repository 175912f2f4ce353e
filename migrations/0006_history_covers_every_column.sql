-- History covers every column: a test (HistoryCoverageTests) checks each table's insert, update
-- and delete triggers name every column. These replace the triggers that missed some:
-- - contribution: sourceColumn, the spreadsheet column an imported answer came from;
-- - publishedUpdate: who recorded it and when, the coverage, and the sizes of both stored forms;
-- - publishedUpdateTheme: the theme's id and the answer's signature;
-- - followUp: the signature of what was sent; and a sent follow-up, like an update, never changes.

DROP TRIGGER contribution_history_insert;
DROP TRIGGER contribution_history_delete;
DROP TRIGGER contribution_history_update;

CREATE TRIGGER contribution_history_insert AFTER INSERT ON contribution
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'contribution', NEW.id, NEW.activityId, NULL,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'text', NEW.text,
            'method', NEW.method,
            'received', NEW.received,
            'sourceId', NEW.sourceId,
            'sourceColumn', NEW.sourceColumn,
            'outOfScope', NEW.outOfScope));
END;

CREATE TRIGGER contribution_history_delete AFTER DELETE ON contribution
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'contribution', OLD.id, OLD.activityId,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'text', OLD.text,
            'method', OLD.method,
            'received', OLD.received,
            'sourceId', OLD.sourceId,
            'sourceColumn', OLD.sourceColumn,
            'outOfScope', OLD.outOfScope),
        NULL);
END;

-- A change of themeLinks alone is not a change to what someone said (themeContribution's history
-- records the link); every other column is.
CREATE TRIGGER contribution_history_update
AFTER UPDATE OF activityId, participantId, text, method, received, sourceId, sourceColumn, outOfScope ON contribution
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
            'outOfScope', OLD.outOfScope),
        json_object(
            'activity', (SELECT ref FROM activity WHERE id = NEW.activityId),
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'text', NEW.text,
            'method', NEW.method,
            'received', NEW.received,
            'sourceId', NEW.sourceId,
            'sourceColumn', NEW.sourceColumn,
            'outOfScope', NEW.outOfScope));
END;

DROP TRIGGER publishedUpdate_history_insert;
DROP TRIGGER publishedUpdate_history_update;

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

DROP TRIGGER publishedUpdateTheme_history_insert;

CREATE TRIGGER publishedUpdateTheme_history_insert AFTER INSERT ON publishedUpdateTheme WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'publishedUpdateTheme', NEW.updateId,
        (SELECT activityId FROM publishedUpdate WHERE id = NEW.updateId), NULL,
        json_object('update', (SELECT number FROM publishedUpdate WHERE id = NEW.updateId), 'themeId', NEW.themeId,
                    'theme', NEW.key, 'said', NEW.said, 'answer', NEW.answer, 'signature', NEW.signature)
    );
END;

DROP TRIGGER followUp_history_insert;

CREATE TRIGGER followUp_history_insert AFTER INSERT ON followUp
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'followUp', NEW.id, NEW.activityId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'format', NEW.format, 'sent', NEW.sent, 'update', NEW.updateId, 'signature', NEW.signature)
    );
END;

CREATE TRIGGER followUp_never_changed BEFORE UPDATE ON followUp
BEGIN
    SELECT RAISE(ABORT, 'a sent follow-up is kept as it was sent: it cannot be changed');
END;
