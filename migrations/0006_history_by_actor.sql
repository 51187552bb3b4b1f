-- Deltaboard schema, version 6: who did what. On a team database the history's actor is the
-- database login (PostgreSQL's 0006 adds memberships and row-level security); here it is the
-- user the program ran as. 'team list' and the history by person read it by actor and time.
CREATE INDEX history_by_actor ON history (actor, changed_at);
