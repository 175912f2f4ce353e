-- Sending follow-ups through GOV.UK Notify (issue 23).
-- - A new preferred format, `text` (a text message): participantContact and followUp are rebuilt for
--   their checks. participantContact gains failedChannel: the channel a sending service could not
--   deliver to for good (a bounce, a returned letter, a refused address); the person is unreachable
--   by it until their email, phone, address or preferred format changes, which clears it.
-- - delivery: one row per follow-up sent through Notify, written before the request. A sender claims a
--   row (queued -> sending) before it sends, so no follow-up is ever sent twice. It keeps the channel,
--   Notify's id, the status and its times, never the address, number or text.
-- - notifySecret: the API key and the callback token, kept apart from settings and outside history.

CREATE TABLE participantContact_new (
    participantId INTEGER PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
    email TEXT,
    phone TEXT,
    address TEXT,
    prefers TEXT CHECK (prefers IN ('email', 'text', 'letter', 'large-print', 'easy-read', 'phone', 'none')),
    batchId INTEGER REFERENCES batch(id),
    name TEXT CHECK (name <> ''),
    salutation TEXT CHECK (salutation <> ''),
    failedChannel TEXT CHECK (failedChannel IN ('email', 'text', 'letter'))
) STRICT;
INSERT INTO participantContact_new (participantId, email, phone, address, prefers, batchId, name, salutation)
SELECT participantId, email, phone, address, prefers, batchId, name, salutation FROM participantContact;
DROP TABLE participantContact;
PRAGMA legacy_alter_table = ON;
ALTER TABLE participantContact_new RENAME TO participantContact;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX participantContact_batch ON participantContact(batchId);

CREATE TRIGGER participantContact_history_insert AFTER INSERT ON participantContact
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'participantContact', NEW.participantId, NULL, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'salutation', NEW.salutation, 'email', NEW.email, 'phone', NEW.phone,
            'address', NEW.address, 'prefers', NEW.prefers, 'failedChannel', NEW.failedChannel));
END;

CREATE TRIGGER participantContact_history_update AFTER UPDATE ON participantContact
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'participantContact', NEW.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'salutation', OLD.salutation, 'email', OLD.email, 'phone', OLD.phone,
            'address', OLD.address, 'prefers', OLD.prefers, 'failedChannel', OLD.failedChannel),
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'name', NEW.name, 'salutation', NEW.salutation, 'email', NEW.email, 'phone', NEW.phone,
            'address', NEW.address, 'prefers', NEW.prefers, 'failedChannel', NEW.failedChannel));
END;

CREATE TRIGGER participantContact_history_delete AFTER DELETE ON participantContact
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'participantContact', OLD.participantId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'name', OLD.name, 'salutation', OLD.salutation, 'email', OLD.email, 'phone', OLD.phone,
            'address', OLD.address, 'prefers', OLD.prefers, 'failedChannel', OLD.failedChannel),
        NULL);
END;

CREATE TRIGGER participantContact_keys_insert AFTER INSERT ON participantContact
WHEN NEW.name IS NOT NULL OR NEW.address IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO contactKey (key, participantId)
    SELECT value, NEW.participantId FROM json_each(yswd_contact_keys(NEW.name, NEW.address));
END;

CREATE TRIGGER participantContact_keys_update AFTER UPDATE OF name, address ON participantContact
BEGIN
    DELETE FROM contactKey WHERE participantId = OLD.participantId;
    INSERT OR IGNORE INTO contactKey (key, participantId)
    SELECT value, NEW.participantId FROM json_each(yswd_contact_keys(NEW.name, NEW.address));
END;

CREATE TRIGGER participantContact_keys_delete AFTER DELETE ON participantContact
BEGIN
    DELETE FROM contactKey WHERE participantId = OLD.participantId;
END;

-- A new email address, phone number, postal address or preferred format may reach them: the failure is cleared.
CREATE TRIGGER participantContact_failure_cleared AFTER UPDATE OF email, phone, address, prefers ON participantContact
WHEN NEW.failedChannel IS NOT NULL
    AND (NEW.email IS NOT OLD.email OR NEW.phone IS NOT OLD.phone OR NEW.address IS NOT OLD.address
         OR NEW.prefers IS NOT OLD.prefers)
BEGIN
    UPDATE participantContact SET failedChannel = NULL WHERE participantId = NEW.participantId;
END;

CREATE TABLE delivery (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 8 AND 64),
    activityId INTEGER NOT NULL REFERENCES activity(id),
    participantId INTEGER NOT NULL REFERENCES participant(id),
    updateId INTEGER REFERENCES publishedUpdate(id),
    signature TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'text', 'letter')),
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'accepted', 'delivered', 'received',
        'permanent-failure', 'temporary-failure', 'technical-failure', 'returned', 'cancelled', 'refused', 'unknown')),
    notifyId TEXT,
    problem TEXT,
    queuedAt TEXT NOT NULL,
    claimedAt TEXT,
    claimedBy TEXT,
    statusAt TEXT NOT NULL
) STRICT;
-- At most one delivery waiting or in flight per person and activity, whoever queues it.
CREATE UNIQUE INDEX delivery_open ON delivery(activityId, participantId) WHERE status IN ('queued', 'sending');
CREATE INDEX delivery_activity_participant ON delivery(activityId, participantId);
CREATE INDEX delivery_participant ON delivery(participantId);
CREATE INDEX delivery_update ON delivery(updateId);
CREATE INDEX delivery_notify ON delivery(notifyId) WHERE notifyId IS NOT NULL;

CREATE TRIGGER delivery_never_deleted BEFORE DELETE ON delivery
BEGIN
    SELECT RAISE(ABORT, 'a delivery record is kept for good: it cannot be deleted');
END;

CREATE TRIGGER delivery_history_insert AFTER INSERT ON delivery
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'delivery', NEW.id, NEW.activityId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'reference', NEW.reference, 'update', NEW.updateId, 'signature', NEW.signature, 'channel', NEW.channel,
            'status', NEW.status, 'notifyId', NEW.notifyId, 'problem', NEW.problem, 'queuedAt', NEW.queuedAt,
            'claimedAt', NEW.claimedAt, 'claimedBy', NEW.claimedBy, 'statusAt', NEW.statusAt));
END;

CREATE TRIGGER delivery_history_update AFTER UPDATE ON delivery
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'delivery', NEW.id, NEW.activityId,
        json_object('participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'reference', OLD.reference, 'update', OLD.updateId, 'signature', OLD.signature, 'channel', OLD.channel,
            'status', OLD.status, 'notifyId', OLD.notifyId, 'problem', OLD.problem, 'queuedAt', OLD.queuedAt,
            'claimedAt', OLD.claimedAt, 'claimedBy', OLD.claimedBy, 'statusAt', OLD.statusAt),
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'reference', NEW.reference, 'update', NEW.updateId, 'signature', NEW.signature, 'channel', NEW.channel,
            'status', NEW.status, 'notifyId', NEW.notifyId, 'problem', NEW.problem, 'queuedAt', NEW.queuedAt,
            'claimedAt', NEW.claimedAt, 'claimedBy', NEW.claimedBy, 'statusAt', NEW.statusAt));
END;

CREATE TABLE followUp_new (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    participantId INTEGER NOT NULL REFERENCES participant(id),
    updateId INTEGER REFERENCES publishedUpdate(id),
    format TEXT NOT NULL CHECK (format IN ('email', 'text', 'letter', 'large-print', 'easy-read', 'phone')),
    sent TEXT NOT NULL CHECK (sent IS date(sent)),
    signature TEXT NOT NULL,
    themes TEXT CHECK (themes IS NULL OR json_valid(themes)),
    deliveryId INTEGER UNIQUE REFERENCES delivery(id)
) STRICT;
INSERT INTO followUp_new (id, activityId, participantId, updateId, format, sent, signature, themes)
SELECT id, activityId, participantId, updateId, format, sent, signature, themes FROM followUp;
DROP TABLE followUp;
PRAGMA legacy_alter_table = ON;
ALTER TABLE followUp_new RENAME TO followUp;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX followUp_activity_participant ON followUp(activityId, participantId);

CREATE INDEX followUp_participant ON followUp(participantId);

CREATE INDEX followUp_update ON followUp(updateId);

CREATE TRIGGER followUp_never_deleted BEFORE DELETE ON followUp
BEGIN
    SELECT RAISE(ABORT, 'a sent follow-up is kept for good: it cannot be deleted');
END;

CREATE TRIGGER followUp_never_changed BEFORE UPDATE ON followUp
BEGIN
    SELECT RAISE(ABORT, 'a sent follow-up is kept as it was sent: it cannot be changed');
END;

CREATE TRIGGER followUp_history_insert AFTER INSERT ON followUp
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'followUp', NEW.id, NEW.activityId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'format', NEW.format, 'sent', NEW.sent, 'update', NEW.updateId, 'signature', NEW.signature,
                    'themes', json(NEW.themes), 'delivery', NEW.deliveryId)
    );
END;

-- The API key and the callback token: never in history, an export or a page (`yswd copy` carries them
-- to the new database with the rest of the record).
CREATE TABLE notifySecret (
    name TEXT PRIMARY KEY CHECK (name IN ('notify-api-key', 'notify-callback-token')),
    value TEXT NOT NULL CHECK (value <> ''),
    setAt TEXT NOT NULL
) STRICT;
