-- What each value of a survey's method column means ("Online survey" → survey), remembered from one
-- import to the next. The value is kept as the import matches it: lower case, spaces collapsed.
CREATE TABLE methodMapping (
    value TEXT PRIMARY KEY CHECK (value <> ''),
    method TEXT NOT NULL
        CHECK (method IN ('survey', 'focus-group', 'interview', 'drop-in', 'outreach', 'online', 'public-meeting', 'other'))
) STRICT;

CREATE TRIGGER methodMapping_history_insert AFTER INSERT ON methodMapping
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'methodMapping', NULL, NULL, NULL,
        json_object('value', NEW.value, 'method', NEW.method));
END;

CREATE TRIGGER methodMapping_history_update AFTER UPDATE ON methodMapping
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'methodMapping', NULL, NULL,
        json_object('value', OLD.value, 'method', OLD.method), json_object('value', NEW.value, 'method', NEW.method));
END;

CREATE TRIGGER methodMapping_history_delete AFTER DELETE ON methodMapping
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'methodMapping', NULL, NULL,
        json_object('value', OLD.value, 'method', OLD.method), NULL);
END;

-- A survey export uploaded in the web app and not yet imported: the file and the choices made so
-- far, in the record so that any app server can continue the import. Deleted when the import ends
-- or is abandoned, after a day, and when a participant whose details it holds is erased.
CREATE TABLE importUpload (
    id TEXT PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    fileName TEXT NOT NULL,
    content BLOB NOT NULL,
    choices TEXT NOT NULL DEFAULT '{}',
    createdAt TEXT NOT NULL
) STRICT;
CREATE INDEX importUpload_created ON importUpload(createdAt);

-- What the last change did, said once on the next page the session shows (a success banner).
ALTER TABLE webSession ADD COLUMN notice TEXT;
