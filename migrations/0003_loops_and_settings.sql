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

-- How many themes each contribution is linked to, kept by triggers on themeContribution, so the
-- loop summary counts unthemed contributions, and finds who is owed a follow-up, from small
-- partial indexes instead of probing a million links. The triggers skip rows written by a bulk
-- write, which sets the count on its own rows.
ALTER TABLE contribution ADD COLUMN themeLinks INTEGER NOT NULL DEFAULT 0 CHECK (themeLinks >= 0);
UPDATE contribution SET themeLinks = (SELECT count(*) FROM themeContribution WHERE contributionId = contribution.id);
CREATE INDEX contribution_unthemed ON contribution(activityId) WHERE outOfScope IS NULL AND themeLinks = 0;
CREATE INDEX contribution_themed_participant ON contribution(participantId, activityId, themeLinks)
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

-- A change of themeLinks alone is not a change to what someone said: history records only the
-- contribution's own fields changing.
DROP TRIGGER contribution_history_update;
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
