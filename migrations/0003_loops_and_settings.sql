-- Team settings, the index the loop summary counts unthemed contributions with, and the search
-- index that finds earlier activities asking people similar things (principle 3).

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TRIGGER setting_history_insert AFTER INSERT ON setting
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'setting', NULL, NULL, NULL,
        json_object('key', NEW.key, 'value', NEW.value));
END;

CREATE TRIGGER setting_history_update AFTER UPDATE ON setting
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'setting', NULL, NULL,
        json_object('key', OLD.key, 'value', OLD.value), json_object('key', NEW.key, 'value', NEW.value));
END;

CREATE TRIGGER setting_history_delete AFTER DELETE ON setting
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'setting', NULL, NULL,
        json_object('key', OLD.key, 'value', OLD.value), NULL);
END;

-- Contributions are rebuilt with two more columns (SQLite cannot change a table's unique key in place):
-- - sourceColumn: for an imported answer, the spreadsheet column it came from. One response row
--   can hold several answers, each its own contribution with the row's source id, so the source
--   key is (activity, source id, column); one added by hand has the column ''.
-- - themeLinks: how many themes it is linked to, kept by triggers on themeContribution, so the
--   loop summary counts unthemed contributions, and finds who is owed a follow-up, from small
--   partial indexes instead of probing a million links. The triggers skip rows written by a bulk
--   write, which sets the count on its own rows.
CREATE TABLE contribution_new (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    participantId INTEGER REFERENCES participant(id) ON DELETE SET NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    method TEXT CHECK (method IN ('survey', 'focus-group', 'interview', 'drop-in', 'outreach', 'online', 'public-meeting', 'other')),
    received TEXT CHECK (received IS date(received)),
    sourceId TEXT,
    sourceColumn TEXT NOT NULL DEFAULT '',
    outOfScope TEXT,
    batchId INTEGER REFERENCES batch(id),
    themeLinks INTEGER NOT NULL DEFAULT 0 CHECK (themeLinks >= 0),
    UNIQUE (activityId, sourceId, sourceColumn)
) STRICT;
INSERT INTO contribution_new (id, activityId, participantId, text, method, received, sourceId, outOfScope, batchId, themeLinks)
SELECT id, activityId, participantId, text, method, received, sourceId, outOfScope, batchId,
       (SELECT count(*) FROM themeContribution WHERE contributionId = contribution.id)
FROM contribution;
DROP TABLE contribution;
-- Triggers on other tables name "contribution" in their bodies; the legacy rename neither checks
-- nor rewrites them, and after it they name the new table.
PRAGMA legacy_alter_table = ON;
ALTER TABLE contribution_new RENAME TO contribution;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX contribution_participant ON contribution(participantId);
CREATE INDEX contribution_batch ON contribution(batchId);
CREATE INDEX contribution_unthemed ON contribution(activityId) WHERE outOfScope IS NULL AND themeLinks = 0;
CREATE INDEX contribution_themed_participant ON contribution(participantId, activityId, themeLinks)
    WHERE participantId IS NOT NULL AND themeLinks > 0;
-- The same, by activity: the summary of a few activities (one lead's, one service's) starts here.
CREATE INDEX contribution_activity_participant ON contribution(activityId, participantId, themeLinks)
    WHERE participantId IS NOT NULL AND themeLinks > 0;

CREATE TRIGGER themeContribution_links_insert AFTER INSERT ON themeContribution
WHEN NEW.batchId IS NULL
BEGIN
    UPDATE contribution SET themeLinks = themeLinks + 1 WHERE id = NEW.contributionId;
END;

CREATE TRIGGER themeContribution_links_delete AFTER DELETE ON themeContribution
BEGIN
    UPDATE contribution SET themeLinks = themeLinks - 1 WHERE id = OLD.contributionId AND themeLinks > 0;
END;

-- The history triggers of the rebuilt table. A change of themeLinks alone is not a change to what
-- someone said: history records only the contribution's own fields changing.
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
            'outOfScope', OLD.outOfScope),
        NULL);
END;

CREATE TRIGGER contribution_history_update
AFTER UPDATE OF activityId, participantId, text, method, received, sourceId, outOfScope ON contribution
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'contribution', NEW.id, NEW.activityId,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'text', OLD.text,
            'method', OLD.method,
            'received', OLD.received,
            'sourceId', OLD.sourceId,
            'outOfScope', OLD.outOfScope),
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'text', NEW.text,
            'method', NEW.method,
            'received', NEW.received,
            'sourceId', NEW.sourceId,
            'outOfScope', NEW.outOfScope));
END;
-- Open commitments per activity.
CREATE INDEX decision_activity_status ON decision(activityId, status, due);
-- Participants who asked to hear back: where the follow-up count starts.
CREATE INDEX participant_wants_feedback ON participant(id) WHERE wantsFeedback = 1 AND erasedAt IS NULL;

-- Activity titles, purposes and theme wording, for finding similar earlier activities.
-- The rowid is the activity's id. Kept in step by the triggers below; a bulk write refreshes
-- the rows of its activities itself, once, at the end.
CREATE VIRTUAL TABLE activitySearch USING fts5(title, purpose, themes, tokenize = 'porter unicode61');

INSERT INTO activitySearch (rowid, title, purpose, themes)
SELECT id, title, purpose, coalesce((SELECT group_concat(said, ' ') FROM theme WHERE activityId = activity.id), '')
FROM activity;

CREATE TRIGGER activity_search_insert AFTER INSERT ON activity
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO activitySearch (rowid, title, purpose, themes) VALUES (NEW.id, NEW.title, NEW.purpose, '');
END;

CREATE TRIGGER activity_search_update AFTER UPDATE OF title, purpose ON activity
BEGIN
    UPDATE activitySearch SET title = NEW.title, purpose = NEW.purpose WHERE rowid = NEW.id;
END;

CREATE TRIGGER activity_search_delete AFTER DELETE ON activity
BEGIN
    DELETE FROM activitySearch WHERE rowid = OLD.id;
END;

CREATE TRIGGER theme_search_insert AFTER INSERT ON theme
WHEN NEW.batchId IS NULL
BEGIN
    UPDATE activitySearch
    SET themes = (SELECT group_concat(said, ' ') FROM theme WHERE activityId = NEW.activityId)
    WHERE rowid = NEW.activityId;
END;

CREATE TRIGGER theme_search_update AFTER UPDATE OF said ON theme
BEGIN
    UPDATE activitySearch
    SET themes = (SELECT group_concat(said, ' ') FROM theme WHERE activityId = NEW.activityId)
    WHERE rowid = NEW.activityId;
END;

CREATE TRIGGER theme_search_delete AFTER DELETE ON theme
BEGIN
    UPDATE activitySearch
    SET themes = coalesce((SELECT group_concat(said, ' ') FROM theme WHERE activityId = OLD.activityId), '')
    WHERE rowid = OLD.activityId;
END;
