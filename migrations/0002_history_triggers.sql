-- History of every single-row change, written by triggers in the same transaction as the change.
-- Rows written by a bulk write carry a batchId: the insert triggers skip them (the batch is
-- recorded once), and an update that moves a row into a new batch is recorded by that batch.

CREATE TRIGGER activity_history_insert AFTER INSERT ON activity
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'activity', NEW.id, NEW.id,
        NULL,
        json_object(
            'ref', NEW.ref,
            'title', NEW.title,
            'purpose', NEW.purpose,
            'canInfluence', NEW.canInfluence,
            'level', NEW.level,
            'constraints', NEW.constraints,
            'explainedAs', NEW.explainedAs,
            'methods', json(NEW.methods),
            'audiences', json(NEW.audiences),
            'lead', NEW.lead,
            'partners', json(NEW.partners),
            'resources', NEW.resources,
            'service', NEW.service,
            'publicContact', NEW.publicContact,
            'opens', NEW.opens,
            'closes', NEW.closes,
            'cadenceWeeks', NEW.cadenceWeeks,
            'feedbackBy', NEW.feedbackBy,
            'feedbackChannels', json(NEW.feedbackChannels)));
END;

CREATE TRIGGER activity_history_update AFTER UPDATE ON activity
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'activity', NEW.id, NEW.id,
        json_object(
            'ref', OLD.ref,
            'title', OLD.title,
            'purpose', OLD.purpose,
            'canInfluence', OLD.canInfluence,
            'level', OLD.level,
            'constraints', OLD.constraints,
            'explainedAs', OLD.explainedAs,
            'methods', json(OLD.methods),
            'audiences', json(OLD.audiences),
            'lead', OLD.lead,
            'partners', json(OLD.partners),
            'resources', OLD.resources,
            'service', OLD.service,
            'publicContact', OLD.publicContact,
            'opens', OLD.opens,
            'closes', OLD.closes,
            'cadenceWeeks', OLD.cadenceWeeks,
            'feedbackBy', OLD.feedbackBy,
            'feedbackChannels', json(OLD.feedbackChannels)),
        json_object(
            'ref', NEW.ref,
            'title', NEW.title,
            'purpose', NEW.purpose,
            'canInfluence', NEW.canInfluence,
            'level', NEW.level,
            'constraints', NEW.constraints,
            'explainedAs', NEW.explainedAs,
            'methods', json(NEW.methods),
            'audiences', json(NEW.audiences),
            'lead', NEW.lead,
            'partners', json(NEW.partners),
            'resources', NEW.resources,
            'service', NEW.service,
            'publicContact', NEW.publicContact,
            'opens', NEW.opens,
            'closes', NEW.closes,
            'cadenceWeeks', NEW.cadenceWeeks,
            'feedbackBy', NEW.feedbackBy,
            'feedbackChannels', json(NEW.feedbackChannels)));
END;

CREATE TRIGGER activity_history_delete AFTER DELETE ON activity
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'activity', OLD.id, OLD.id,
        json_object(
            'ref', OLD.ref,
            'title', OLD.title,
            'purpose', OLD.purpose,
            'canInfluence', OLD.canInfluence,
            'level', OLD.level,
            'constraints', OLD.constraints,
            'explainedAs', OLD.explainedAs,
            'methods', json(OLD.methods),
            'audiences', json(OLD.audiences),
            'lead', OLD.lead,
            'partners', json(OLD.partners),
            'resources', OLD.resources,
            'service', OLD.service,
            'publicContact', OLD.publicContact,
            'opens', OLD.opens,
            'closes', OLD.closes,
            'cadenceWeeks', OLD.cadenceWeeks,
            'feedbackBy', OLD.feedbackBy,
            'feedbackChannels', json(OLD.feedbackChannels)),
        NULL);
END;

CREATE TRIGGER participant_history_insert AFTER INSERT ON participant
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'participant', NEW.id, NULL,
        NULL,
        json_object(
            'ref', NEW.ref,
            'wantsFeedback', json(CASE WHEN NEW.wantsFeedback THEN 'true' ELSE 'false' END),
            'mayQuote', json(CASE WHEN NEW.mayQuote THEN 'true' ELSE 'false' END),
            'erasedAt', NEW.erasedAt));
END;

CREATE TRIGGER participant_history_update AFTER UPDATE ON participant
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'participant', NEW.id, NULL,
        json_object(
            'ref', OLD.ref,
            'wantsFeedback', json(CASE WHEN OLD.wantsFeedback THEN 'true' ELSE 'false' END),
            'mayQuote', json(CASE WHEN OLD.mayQuote THEN 'true' ELSE 'false' END),
            'erasedAt', OLD.erasedAt),
        json_object(
            'ref', NEW.ref,
            'wantsFeedback', json(CASE WHEN NEW.wantsFeedback THEN 'true' ELSE 'false' END),
            'mayQuote', json(CASE WHEN NEW.mayQuote THEN 'true' ELSE 'false' END),
            'erasedAt', NEW.erasedAt));
END;

CREATE TRIGGER participant_history_delete AFTER DELETE ON participant
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'participant', OLD.id, NULL,
        json_object(
            'ref', OLD.ref,
            'wantsFeedback', json(CASE WHEN OLD.wantsFeedback THEN 'true' ELSE 'false' END),
            'mayQuote', json(CASE WHEN OLD.mayQuote THEN 'true' ELSE 'false' END),
            'erasedAt', OLD.erasedAt),
        NULL);
END;

CREATE TRIGGER participantContact_history_insert AFTER INSERT ON participantContact
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'participantContact', NEW.participantId, NULL,
        NULL,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'email', NEW.email,
            'phone', NEW.phone,
            'address', NEW.address,
            'prefers', NEW.prefers));
END;

CREATE TRIGGER participantContact_history_update AFTER UPDATE ON participantContact
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'participantContact', NEW.participantId, NULL,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'email', OLD.email,
            'phone', OLD.phone,
            'address', OLD.address,
            'prefers', OLD.prefers),
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'email', NEW.email,
            'phone', NEW.phone,
            'address', NEW.address,
            'prefers', NEW.prefers));
END;

CREATE TRIGGER participantContact_history_delete AFTER DELETE ON participantContact
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'participantContact', OLD.participantId, NULL,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = OLD.participantId),
            'email', OLD.email,
            'phone', OLD.phone,
            'address', OLD.address,
            'prefers', OLD.prefers),
        NULL);
END;

CREATE TRIGGER contribution_history_insert AFTER INSERT ON contribution
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'contribution', NEW.id, NEW.activityId,
        NULL,
        json_object(
            'participant', (SELECT ref FROM participant WHERE id = NEW.participantId),
            'text', NEW.text,
            'method', NEW.method,
            'received', NEW.received,
            'sourceId', NEW.sourceId,
            'outOfScope', NEW.outOfScope));
END;

CREATE TRIGGER contribution_history_update AFTER UPDATE ON contribution
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

CREATE TRIGGER theme_history_insert AFTER INSERT ON theme
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'theme', NEW.id, NEW.activityId,
        NULL,
        json_object(
            'key', NEW.key,
            'said', NEW.said));
END;

CREATE TRIGGER theme_history_update AFTER UPDATE ON theme
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'theme', NEW.id, NEW.activityId,
        json_object(
            'key', OLD.key,
            'said', OLD.said),
        json_object(
            'key', NEW.key,
            'said', NEW.said));
END;

CREATE TRIGGER theme_history_delete AFTER DELETE ON theme
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'theme', OLD.id, OLD.activityId,
        json_object(
            'key', OLD.key,
            'said', OLD.said),
        NULL);
END;

CREATE TRIGGER themeContribution_history_insert AFTER INSERT ON themeContribution
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'themeContribution', NEW.contributionId, COALESCE((SELECT activityId FROM contribution WHERE id = NEW.contributionId), (SELECT activityId FROM theme WHERE id = NEW.themeId)),
        NULL,
        json_object(
            'themeId', NEW.themeId,
            'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'contributionId', NEW.contributionId));
END;

CREATE TRIGGER themeContribution_history_update AFTER UPDATE ON themeContribution
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'themeContribution', NEW.contributionId, COALESCE((SELECT activityId FROM contribution WHERE id = NEW.contributionId), (SELECT activityId FROM theme WHERE id = NEW.themeId)),
        json_object(
            'themeId', OLD.themeId,
            'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'contributionId', OLD.contributionId),
        json_object(
            'themeId', NEW.themeId,
            'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'contributionId', NEW.contributionId));
END;

CREATE TRIGGER themeContribution_history_delete AFTER DELETE ON themeContribution
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'themeContribution', OLD.contributionId, COALESCE((SELECT activityId FROM contribution WHERE id = OLD.contributionId), (SELECT activityId FROM theme WHERE id = OLD.themeId)),
        json_object(
            'themeId', OLD.themeId,
            'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'contributionId', OLD.contributionId),
        NULL);
END;

CREATE TRIGGER decision_history_insert AFTER INSERT ON decision
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'decision', NEW.id, NEW.activityId,
        NULL,
        json_object(
            'key', NEW.key,
            'text', NEW.text,
            'decidedBy', NEW.decidedBy,
            'decidedOn', NEW.decidedOn,
            'status', NEW.status,
            'due', NEW.due,
            'impact', NEW.impact));
END;

CREATE TRIGGER decision_history_update AFTER UPDATE ON decision
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'decision', NEW.id, NEW.activityId,
        json_object(
            'key', OLD.key,
            'text', OLD.text,
            'decidedBy', OLD.decidedBy,
            'decidedOn', OLD.decidedOn,
            'status', OLD.status,
            'due', OLD.due,
            'impact', OLD.impact),
        json_object(
            'key', NEW.key,
            'text', NEW.text,
            'decidedBy', NEW.decidedBy,
            'decidedOn', NEW.decidedOn,
            'status', NEW.status,
            'due', NEW.due,
            'impact', NEW.impact));
END;

CREATE TRIGGER decision_history_delete AFTER DELETE ON decision
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'decision', OLD.id, OLD.activityId,
        json_object(
            'key', OLD.key,
            'text', OLD.text,
            'decidedBy', OLD.decidedBy,
            'decidedOn', OLD.decidedOn,
            'status', OLD.status,
            'due', OLD.due,
            'impact', OLD.impact),
        NULL);
END;

CREATE TRIGGER decisionTheme_history_insert AFTER INSERT ON decisionTheme
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'decisionTheme', NEW.decisionId, COALESCE((SELECT activityId FROM decision WHERE id = NEW.decisionId), (SELECT activityId FROM theme WHERE id = NEW.themeId)),
        NULL,
        json_object(
            'decision', (SELECT key FROM decision WHERE id = NEW.decisionId),
            'themeId', NEW.themeId,
            'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'outcome', NEW.outcome));
END;

CREATE TRIGGER decisionTheme_history_update AFTER UPDATE ON decisionTheme
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'decisionTheme', NEW.decisionId, COALESCE((SELECT activityId FROM decision WHERE id = NEW.decisionId), (SELECT activityId FROM theme WHERE id = NEW.themeId)),
        json_object(
            'decision', (SELECT key FROM decision WHERE id = OLD.decisionId),
            'themeId', OLD.themeId,
            'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'outcome', OLD.outcome),
        json_object(
            'decision', (SELECT key FROM decision WHERE id = NEW.decisionId),
            'themeId', NEW.themeId,
            'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'outcome', NEW.outcome));
END;

CREATE TRIGGER decisionTheme_history_delete AFTER DELETE ON decisionTheme
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'decisionTheme', OLD.decisionId, COALESCE((SELECT activityId FROM decision WHERE id = OLD.decisionId), (SELECT activityId FROM theme WHERE id = OLD.themeId)),
        json_object(
            'decision', (SELECT key FROM decision WHERE id = OLD.decisionId),
            'themeId', OLD.themeId,
            'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'outcome', OLD.outcome),
        NULL);
END;

CREATE TRIGGER explanation_history_insert AFTER INSERT ON explanation
WHEN NEW.batchId IS NULL
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'explanation', NEW.id, (SELECT activityId FROM theme WHERE id = NEW.themeId),
        NULL,
        json_object(
            'themeId', NEW.themeId,
            'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'why', NEW.why,
            'reason', NEW.reason));
END;

CREATE TRIGGER explanation_history_update AFTER UPDATE ON explanation
WHEN NEW.batchId IS NULL OR NEW.batchId IS OLD.batchId
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'explanation', NEW.id, (SELECT activityId FROM theme WHERE id = NEW.themeId),
        json_object(
            'themeId', OLD.themeId,
            'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'why', OLD.why,
            'reason', OLD.reason),
        json_object(
            'themeId', NEW.themeId,
            'theme', (SELECT key FROM theme WHERE id = NEW.themeId),
            'why', NEW.why,
            'reason', NEW.reason));
END;

CREATE TRIGGER explanation_history_delete AFTER DELETE ON explanation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'explanation', OLD.id, (SELECT activityId FROM theme WHERE id = OLD.themeId),
        json_object(
            'themeId', OLD.themeId,
            'theme', (SELECT key FROM theme WHERE id = OLD.themeId),
            'why', OLD.why,
            'reason', OLD.reason),
        NULL);
END;

CREATE TRIGGER evaluation_history_insert AFTER INSERT ON evaluation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'insert', 'evaluation', NEW.id, NEW.activityId,
        NULL,
        json_object(
            'worked', NEW.worked,
            'improve', NEW.improve,
            'participantsInvolved', json(CASE WHEN NEW.participantsInvolved THEN 'true' ELSE 'false' END),
            'sharedWith', json(NEW.sharedWith)));
END;

CREATE TRIGGER evaluation_history_update AFTER UPDATE ON evaluation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'update', 'evaluation', NEW.id, NEW.activityId,
        json_object(
            'worked', OLD.worked,
            'improve', OLD.improve,
            'participantsInvolved', json(CASE WHEN OLD.participantsInvolved THEN 'true' ELSE 'false' END),
            'sharedWith', json(OLD.sharedWith)),
        json_object(
            'worked', NEW.worked,
            'improve', NEW.improve,
            'participantsInvolved', json(CASE WHEN NEW.participantsInvolved THEN 'true' ELSE 'false' END),
            'sharedWith', json(NEW.sharedWith)));
END;

CREATE TRIGGER evaluation_history_delete AFTER DELETE ON evaluation
BEGIN
    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
    VALUES (
        yswd_now(), yswd_actor(), 'delete', 'evaluation', OLD.id, OLD.activityId,
        json_object(
            'worked', OLD.worked,
            'improve', OLD.improve,
            'participantsInvolved', json(CASE WHEN OLD.participantsInvolved THEN 'true' ELSE 'false' END),
            'sharedWith', json(OLD.sharedWith)),
        NULL);
END;
