-- Sign-in attempts are counted by account and client address together, and by address alone, so one
-- address cannot lock anyone out of their account elsewhere: an attempt records the address it came
-- from, and an unknown email's attempt is recorded too (with no account). A lock after failed
-- sign-ins holds for the address they came from (NULL: every address, as locks made before this).
CREATE TABLE signInAttempt_new (
    id INTEGER PRIMARY KEY,
    userId INTEGER REFERENCES user(id) ON DELETE CASCADE,
    address TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;
INSERT INTO signInAttempt_new (id, userId, at, succeeded) SELECT id, userId, at, succeeded FROM signInAttempt;
DROP TABLE signInAttempt;
ALTER TABLE signInAttempt_new RENAME TO signInAttempt;
CREATE INDEX signInAttempt_user ON signInAttempt(userId, at);
CREATE INDEX signInAttempt_address ON signInAttempt(address, at);

ALTER TABLE accountLock ADD COLUMN address TEXT;
DROP TRIGGER accountLock_history_insert;
CREATE TRIGGER accountLock_history_insert AFTER INSERT ON accountLock
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'accountLock', NEW.id, NULL, NULL,
        json_object('userId', NEW.userId, 'lockedAt', NEW.lockedAt, 'lockedUntil', NEW.lockedUntil,
            'address', NEW.address));
END;
