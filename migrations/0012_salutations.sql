-- A participant's salutation for letters ("Mrs Khan", for "Dear Mrs Khan,"): private, kept with
-- their contact details and erased with them. The contact's history triggers are rebuilt to carry it.

ALTER TABLE participantContact ADD COLUMN salutation TEXT CHECK (salutation <> '');

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
            'address', NEW.address, 'prefers', NEW.prefers));
END;

CREATE TRIGGER participantContact_history_update AFTER UPDATE ON participantContact
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'participantContact', NEW.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'salutation', OLD.salutation, 'email', OLD.email, 'phone', OLD.phone,
            'address', OLD.address, 'prefers', OLD.prefers),
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'salutation', NEW.salutation, 'email', NEW.email, 'phone', NEW.phone,
            'address', NEW.address, 'prefers', NEW.prefers));
END;

CREATE TRIGGER participantContact_history_delete AFTER DELETE ON participantContact
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'participantContact', OLD.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'salutation', OLD.salutation, 'email', OLD.email, 'phone', OLD.phone,
            'address', OLD.address, 'prefers', OLD.prefers),
        NULL);
END;
