-- What someone typed into a form that arrived after their session had expired: kept for 30 minutes,
-- bound to their account, so that after signing in again they can send it (or not). Passwords and
-- secrets are never kept; a draft holding a participant's details goes when they are erased.
CREATE TABLE formDraft (
    id INTEGER PRIMARY KEY,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    fields TEXT NOT NULL,
    createdAt TEXT NOT NULL
) STRICT;
CREATE INDEX formDraft_user ON formDraft(userId, createdAt);
