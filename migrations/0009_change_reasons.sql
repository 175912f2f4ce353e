-- Why a published answer changed, in words for the public, one row per theme whose answer the
-- change touched. Kept for good: a reason is published with the next update.

CREATE TABLE changeReason (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    themeKey TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject <> ''),
    reason TEXT NOT NULL CHECK (reason <> ''),
    at TEXT NOT NULL,
    actor TEXT NOT NULL
) STRICT;
CREATE INDEX changeReason_activity ON changeReason(activityId, at);

CREATE TRIGGER changeReason_history_insert AFTER INSERT ON changeReason
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (NEW.at, NEW.actor, 'insert', 'changeReason', NEW.id, NEW.activityId, NULL,
        json_object('theme', NEW.themeKey, 'subject', NEW.subject, 'reason', NEW.reason));
END;

CREATE TRIGGER changeReason_never_changed BEFORE UPDATE ON changeReason
BEGIN
    SELECT RAISE(ABORT, 'a reason for a change is kept as given: it cannot be changed');
END;

CREATE TRIGGER changeReason_never_deleted BEFORE DELETE ON changeReason
BEGIN
    SELECT RAISE(ABORT, 'a reason for a change is kept for good: it cannot be deleted');
END;
