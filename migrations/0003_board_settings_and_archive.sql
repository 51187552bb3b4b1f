-- Deltaboard schema, version 3: boards a team shapes itself, and done cards that leave the board.
--
--  * boards.archive_after_days: a card that has been done for this many days (and not touched
--    since) leaves the board when the board is archived; 0 keeps done cards on the board.
--  * tasks.archived_at: when a done card left its board. An archived task is still a task: it
--    is searched, counted and exported, and the cumulative flow keeps it; only the board hides
--    it. Restoring clears it (and touches updated_at, so the card stays for another period).

ALTER TABLE boards ADD COLUMN archive_after_days INTEGER NOT NULL DEFAULT 14
    CHECK (archive_after_days >= 0);

ALTER TABLE tasks ADD COLUMN archived_at TEXT
    CHECK (archived_at IS NULL OR done_at IS NOT NULL);

-- The board reads the cards that are not archived; the "Archived" list the ones that are.
CREATE INDEX tasks_archived ON tasks (organisation_id, archived_at) WHERE archived_at IS NOT NULL;
