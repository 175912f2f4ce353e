-- The themes a follow-up told its participant about, so that when answers change they hear about
-- their own themes as they were told them (a theme since removed included), and where their view
-- went. A JSON array of theme keys; NULL for follow-ups recorded before this.

ALTER TABLE followUp ADD COLUMN themes TEXT CHECK (themes IS NULL OR json_valid(themes));

DROP TRIGGER followUp_history_insert;

CREATE TRIGGER followUp_history_insert AFTER INSERT ON followUp
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'followUp', NEW.id, NEW.activityId, NULL,
        json_object('participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
                    'format', NEW.format, 'sent', NEW.sent, 'update', NEW.updateId, 'signature', NEW.signature,
                    'themes', json(NEW.themes))
    );
END;
