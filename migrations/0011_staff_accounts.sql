-- Staff accounts for the web app (`yswd serve`), their sign-in sessions, one-time links to set a
-- password, and sign-in attempts with the lockouts they cause. Secrets (password hashes, session
-- ids, link tokens) are kept only as hashes and are never copied into history.

CREATE TABLE user (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'publisher', 'admin')),
    passwordHash TEXT,
    createdAt TEXT NOT NULL,
    disabledAt TEXT
) STRICT;

CREATE TRIGGER user_history_insert AFTER INSERT ON user
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'user', NEW.id, NULL, NULL,
        json_object('email', NEW.email, 'name', NEW.name, 'role', NEW.role,
            'hasPassword', json(iif(NEW.passwordHash IS NULL, 'false', 'true')), 'createdAt', NEW.createdAt,
            'disabledAt', NEW.disabledAt));
END;

CREATE TRIGGER user_history_update AFTER UPDATE ON user
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'user', NEW.id, NULL,
        json_object('email', OLD.email, 'name', OLD.name, 'role', OLD.role,
            'hasPassword', json(iif(OLD.passwordHash IS NULL, 'false', 'true')), 'createdAt', OLD.createdAt,
            'disabledAt', OLD.disabledAt),
        json_object('email', NEW.email, 'name', NEW.name, 'role', NEW.role,
            'hasPassword', json(iif(NEW.passwordHash IS NULL, 'false', 'true')),
            'passwordChanged', json(iif(NEW.passwordHash IS NOT OLD.passwordHash, 'true', 'false')),
            'createdAt', NEW.createdAt, 'disabledAt', NEW.disabledAt));
END;

CREATE TRIGGER user_history_delete AFTER DELETE ON user
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'user', OLD.id, NULL,
        json_object('email', OLD.email, 'name', OLD.name, 'role', OLD.role,
            'hasPassword', json(iif(OLD.passwordHash IS NULL, 'false', 'true')), 'createdAt', OLD.createdAt,
            'disabledAt', OLD.disabledAt), NULL);
END;

-- A one-time link to set a password: only the SHA-256 of its token is kept.
CREATE TABLE passwordLink (
    tokenHash TEXT PRIMARY KEY,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    expiresAt TEXT NOT NULL
) STRICT;
CREATE INDEX passwordLink_user ON passwordLink(userId);

-- A signed-in browser: only the SHA-256 of its session id is kept.
CREATE TABLE webSession (
    idHash TEXT PRIMARY KEY,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    csrfToken TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    lastSeenAt TEXT NOT NULL
) STRICT;
CREATE INDEX webSession_user ON webSession(userId);

CREATE TABLE signInAttempt (
    id INTEGER PRIMARY KEY,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;
CREATE INDEX signInAttempt_user ON signInAttempt(userId, at);

-- An account locked after too many failed sign-ins: recorded, and in history.
CREATE TABLE accountLock (
    id INTEGER PRIMARY KEY,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    lockedAt TEXT NOT NULL,
    lockedUntil TEXT NOT NULL
) STRICT;
CREATE INDEX accountLock_user ON accountLock(userId, lockedUntil);

CREATE TRIGGER accountLock_history_insert AFTER INSERT ON accountLock
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'accountLock', NEW.id, NULL, NULL,
        json_object('userId', NEW.userId, 'lockedAt', NEW.lockedAt, 'lockedUntil', NEW.lockedUntil));
END;

CREATE TRIGGER accountLock_no_update BEFORE UPDATE ON accountLock
BEGIN
    SELECT RAISE(ABORT, 'an account lock is a record and cannot change');
END;

CREATE TRIGGER accountLock_no_delete BEFORE DELETE ON accountLock
BEGIN
    SELECT RAISE(ABORT, 'an account lock is a record and cannot be removed');
END;
