-- Decidim gives delivery progress with decimals (46.33); it was rounded to a whole number. The
-- decision table is rebuilt with progress as REAL (SQLite cannot change a column's type in place),
-- keeping every row, index and trigger as it was.
CREATE TABLE decision_new (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    key TEXT NOT NULL CHECK (key <> ''),
    text TEXT NOT NULL CHECK (text <> ''),
    decidedBy TEXT,
    decidedOn TEXT CHECK (decidedOn IS date(decidedOn)),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
    due TEXT CHECK (due IS date(due)),
    impact TEXT,
    batchId INTEGER REFERENCES batch(id),
    parentId INTEGER REFERENCES decision(id) ON DELETE SET NULL,
    progress REAL CHECK (progress BETWEEN 0 AND 100),
    externalId TEXT,
    description TEXT,
    starts TEXT CHECK (starts IS date(starts)),
    UNIQUE (activityId, key)
) STRICT;
INSERT INTO decision_new (id, activityId, key, text, decidedBy, decidedOn, status, due, impact, batchId, parentId,
    progress, externalId, description, starts)
SELECT id, activityId, key, text, decidedBy, decidedOn, status, due, impact, batchId, parentId,
    progress, externalId, description, starts
FROM decision;
DROP TABLE decision;
-- Triggers on other tables name "decision" in their bodies; the legacy rename neither checks nor
-- rewrites them, and after it they name the new table.
PRAGMA legacy_alter_table = ON;
ALTER TABLE decision_new RENAME TO decision;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX decision_batch ON decision(batchId);
CREATE INDEX decision_activity_status ON decision(activityId, status, due);
CREATE INDEX decision_parent ON decision(parentId);
CREATE UNIQUE INDEX decision_external ON decision(activityId, externalId) WHERE externalId IS NOT NULL;

CREATE TRIGGER decision_history_insert AFTER INSERT ON decision
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'insert', 'decision', NEW.id, NEW.activityId, NULL,
        json_object('key', NEW.key, 'text', NEW.text, 'decidedBy', NEW.decidedBy, 'decidedOn', NEW.decidedOn,
            'status', NEW.status, 'due', NEW.due, 'impact', NEW.impact, 'parentId', NEW.parentId,
            'progress', NEW.progress, 'externalId', NEW.externalId, 'description', NEW.description,
            'starts', NEW.starts));
END;

CREATE TRIGGER decision_history_update AFTER UPDATE ON decision
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'update', 'decision', NEW.id, NEW.activityId,
        json_object('key', OLD.key, 'text', OLD.text, 'decidedBy', OLD.decidedBy, 'decidedOn', OLD.decidedOn,
            'status', OLD.status, 'due', OLD.due, 'impact', OLD.impact, 'parentId', OLD.parentId,
            'progress', OLD.progress, 'externalId', OLD.externalId, 'description', OLD.description,
            'starts', OLD.starts),
        json_object('key', NEW.key, 'text', NEW.text, 'decidedBy', NEW.decidedBy, 'decidedOn', NEW.decidedOn,
            'status', NEW.status, 'due', NEW.due, 'impact', NEW.impact, 'parentId', NEW.parentId,
            'progress', NEW.progress, 'externalId', NEW.externalId, 'description', NEW.description,
            'starts', NEW.starts));
END;

CREATE TRIGGER decision_history_delete AFTER DELETE ON decision
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (yswd_now(), yswd_actor(), 'delete', 'decision', OLD.id, OLD.activityId,
        json_object('key', OLD.key, 'text', OLD.text, 'decidedBy', OLD.decidedBy, 'decidedOn', OLD.decidedOn,
            'status', OLD.status, 'due', OLD.due, 'impact', OLD.impact, 'parentId', OLD.parentId,
            'progress', OLD.progress, 'externalId', OLD.externalId, 'description', OLD.description,
            'starts', OLD.starts), NULL);
END;
