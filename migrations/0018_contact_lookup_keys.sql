-- The privacy guard looks for every recorded participant's name and address in what is about to be
-- published, not only those of the activity's own participants. To keep that linear in the texts,
-- each contact's name words and street name are kept as lookup keys (lower case, without accents:
-- `yswd_contact_keys`), found by the words of the texts. The keys are derived from the contact and
-- go with it (erasure included): history keeps the contact itself, not its keys.
CREATE TABLE contactKey (
    key TEXT NOT NULL,
    participantId INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    PRIMARY KEY (key, participantId)
) STRICT, WITHOUT ROWID;
CREATE INDEX contactKey_participant ON contactKey(participantId);

INSERT OR IGNORE INTO contactKey (key, participantId)
SELECT keys.value, pc.participantId FROM participantContact pc, json_each(yswd_contact_keys(pc.name, pc.address)) keys
WHERE pc.name IS NOT NULL OR pc.address IS NOT NULL;

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
