-- Contributions are numbered within their activity (1, 2, 3 …), as people refer to them; the
-- database-wide id stays for open data. A number is taken from the activity's counter in the same
-- transaction as the insert, never reused after a removal, and never changes. Existing
-- contributions are numbered in the order of their ids.
ALTER TABLE contribution ADD COLUMN number INTEGER;
UPDATE contribution SET number = numbered.n
FROM (SELECT id, row_number() OVER (PARTITION BY activityId ORDER BY id) AS n FROM contribution) AS numbered
WHERE numbered.id = contribution.id;
CREATE UNIQUE INDEX contribution_activity_number ON contribution(activityId, number);

-- The last number each activity gave: bookkeeping, so a removed contribution's number is not given again.
CREATE TABLE contributionCounter (
    activityId INTEGER PRIMARY KEY REFERENCES activity(id) ON DELETE CASCADE,
    last INTEGER NOT NULL
) STRICT;
INSERT INTO contributionCounter (activityId, last)
SELECT activityId, max(number) FROM contribution GROUP BY activityId;

CREATE TRIGGER contribution_number_given BEFORE INSERT ON contribution
WHEN NEW.number IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a contribution needs its number in its activity');
END;

CREATE TRIGGER contribution_number_kept BEFORE UPDATE ON contribution
WHEN NEW.number IS NOT OLD.number
BEGIN
    SELECT RAISE(ABORT, 'a contribution keeps its number');
END;

DROP TRIGGER contribution_history_insert;
DROP TRIGGER contribution_history_delete;

CREATE TRIGGER contribution_history_insert AFTER INSERT ON contribution
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'contribution', NEW.id, NEW.activityId, NULL,
        json_object(
            'number', NEW.number,
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
            'number', OLD.number,
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'text', OLD.text,
            'method', OLD.method,
            'received', OLD.received,
            'sourceId', OLD.sourceId,
            'sourceColumn', OLD.sourceColumn,
            'outOfScope', OLD.outOfScope),
        NULL);
END;
