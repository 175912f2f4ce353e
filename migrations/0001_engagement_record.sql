-- The engagement record: activities, participants (with private contact details kept apart),
-- contributions, themes, decisions, explanations, evaluations, and the history of every change.
--
-- History is written by the triggers below, in the same transaction as the change. They call two
-- functions that every yswd connection registers: yswd_actor() (who is making the change) and
-- yswd_now() (UTC time, ISO 8601 with milliseconds). A row written by a bulk write carries the id
-- of its batch; the insert triggers skip such rows and the batch is recorded once instead.

PRAGMA application_id = 2037610340; -- 'yswd'

CREATE TABLE batch (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
) STRICT;

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (ref <> ''),
    title TEXT NOT NULL CHECK (title <> ''),
    purpose TEXT NOT NULL CHECK (purpose <> ''),
    canInfluence TEXT NOT NULL CHECK (canInfluence <> ''),
    level TEXT NOT NULL CHECK (level IN ('inform', 'consult', 'involve', 'co-design', 'co-produce')),
    constraints TEXT,
    explainedAs TEXT,
    methods TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(methods)),
    audiences TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audiences)),
    lead TEXT,
    partners TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(partners)),
    resources TEXT,
    service TEXT,
    publicContact TEXT,
    opens TEXT CHECK (opens IS date(opens)),
    closes TEXT CHECK (closes IS date(closes)),
    cadenceWeeks INTEGER CHECK (cadenceWeeks > 0),
    feedbackBy TEXT CHECK (feedbackBy IS date(feedbackBy)),
    feedbackChannels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(feedbackChannels)),
    batchId INTEGER REFERENCES batch(id),
    CHECK (closes IS NULL OR cadenceWeeks IS NULL),
    CHECK (closes IS NULL OR opens IS NULL OR closes >= opens)
) STRICT;
CREATE INDEX activity_batch ON activity(batchId);
CREATE INDEX activity_service ON activity(service);
CREATE INDEX activity_lead ON activity(lead);

CREATE TABLE participant (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (ref <> ''),
    wantsFeedback INTEGER NOT NULL DEFAULT 0 CHECK (wantsFeedback IN (0, 1)),
    mayQuote INTEGER NOT NULL DEFAULT 0 CHECK (mayQuote IN (0, 1)),
    erasedAt TEXT,
    batchId INTEGER REFERENCES batch(id)
) STRICT;
CREATE INDEX participant_batch ON participant(batchId);

-- Private: never participant-facing, and erased with every trace in history.
CREATE TABLE participantContact (
    participantId INTEGER PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
    email TEXT,
    phone TEXT,
    address TEXT,
    prefers TEXT CHECK (prefers IN ('email', 'letter', 'easy-read', 'phone', 'none')),
    batchId INTEGER REFERENCES batch(id)
) STRICT;
CREATE INDEX participantContact_batch ON participantContact(batchId);

CREATE TABLE contribution (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    participantId INTEGER REFERENCES participant(id) ON DELETE SET NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    method TEXT CHECK (method IN ('survey', 'focus-group', 'interview', 'drop-in', 'outreach', 'online', 'public-meeting', 'other')),
    received TEXT CHECK (received IS date(received)),
    sourceId TEXT,
    outOfScope TEXT,
    batchId INTEGER REFERENCES batch(id),
    UNIQUE (activityId, sourceId)
) STRICT;
CREATE INDEX contribution_participant ON contribution(participantId);
CREATE INDEX contribution_batch ON contribution(batchId);

CREATE TABLE theme (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL REFERENCES activity(id),
    key TEXT NOT NULL CHECK (key <> ''),
    said TEXT NOT NULL CHECK (said <> ''),
    batchId INTEGER REFERENCES batch(id),
    UNIQUE (activityId, key)
) STRICT;
CREATE INDEX theme_batch ON theme(batchId);

CREATE TABLE themeContribution (
    themeId INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
    contributionId INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    batchId INTEGER REFERENCES batch(id),
    PRIMARY KEY (themeId, contributionId)
) STRICT;
CREATE INDEX themeContribution_contribution ON themeContribution(contributionId);
CREATE INDEX themeContribution_batch ON themeContribution(batchId);

CREATE TABLE decision (
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
    UNIQUE (activityId, key)
) STRICT;
CREATE INDEX decision_batch ON decision(batchId);

CREATE TABLE decisionTheme (
    decisionId INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
    themeId INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('adopted', 'partly')),
    batchId INTEGER REFERENCES batch(id),
    PRIMARY KEY (decisionId, themeId)
) STRICT;
CREATE INDEX decisionTheme_theme ON decisionTheme(themeId);
CREATE INDEX decisionTheme_batch ON decisionTheme(batchId);

CREATE TABLE explanation (
    id INTEGER PRIMARY KEY,
    themeId INTEGER NOT NULL UNIQUE REFERENCES theme(id) ON DELETE CASCADE,
    why TEXT NOT NULL CHECK (why <> ''),
    reason TEXT NOT NULL CHECK (reason IN ('outside-control', 'cost', 'legal', 'clinical-safety', 'conflicting-views', 'other')),
    batchId INTEGER REFERENCES batch(id)
) STRICT;
CREATE INDEX explanation_batch ON explanation(batchId);

CREATE TABLE evaluation (
    id INTEGER PRIMARY KEY,
    activityId INTEGER NOT NULL UNIQUE REFERENCES activity(id),
    worked TEXT NOT NULL CHECK (worked <> ''),
    improve TEXT NOT NULL CHECK (improve <> ''),
    participantsInvolved INTEGER NOT NULL DEFAULT 0 CHECK (participantsInvolved IN (0, 1)),
    sharedWith TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sharedWith))
) STRICT;

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'batch')),
    entity TEXT NOT NULL,
    entityId INTEGER,
    activityId INTEGER, -- no foreign key: history outlives what it describes
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    batchId INTEGER REFERENCES batch(id),
    redactedAt TEXT
) STRICT;
CREATE INDEX history_activity ON history(activityId, at);
CREATE INDEX history_entity ON history(entity, entityId);
CREATE INDEX history_batch ON history(batchId);
CREATE INDEX history_at ON history(at);

-- History is append-only. The one change allowed is redaction on erasure, which must set
-- redactedAt and may change only the before and after values.
CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only: entries cannot be deleted');
END;
CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
WHEN NEW.redactedAt IS NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
    OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity OR NEW.entityId IS NOT OLD.entityId
    OR NEW.activityId IS NOT OLD.activityId OR NEW.batchId IS NOT OLD.batchId
BEGIN
    SELECT RAISE(ABORT, 'history is append-only: only erasure may redact an entry');
END;
