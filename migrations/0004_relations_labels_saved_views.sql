-- Deltaboard schema, version 4: typed relations between deltas, labels on deltas and tasks, and
-- saved filters.
--
-- Relations. "Duplicate of" stays the deltas.duplicate_of column: it is part of the state
-- ('duplicate' needs it, nothing else may have it). Every other relation is a row read from both
-- ends ("A blocks B" is "B is blocked by A"):
--   blocks      A must be fixed before B can be;
--   depends_on  A needs B (B's work) to be done;
--   caused_by   A is a consequence of B;
--   relates_to  see also (symmetric);
--   same_as     the same fault recorded twice, both records kept: a crash signature and the
--               defect that describes it (symmetric).
-- A symmetric relation is stored once, with the smaller id first. Cycles through blocks and
-- depends_on (A waits for B waits for A) are refused by the store and reported by 'check'.
CREATE TABLE delta_relations (
    delta_id   INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL
               CHECK (kind IN ('blocks', 'depends_on', 'caused_by', 'relates_to', 'same_as')),
    other_id   INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    CHECK (delta_id <> other_id),
    CHECK (kind NOT IN ('relates_to', 'same_as') OR delta_id < other_id),
    PRIMARY KEY (delta_id, kind, other_id)
) WITHOUT ROWID;
CREATE INDEX delta_relations_by_other ON delta_relations (other_id, kind, delta_id);

-- Labels: free names with a colour, shared by deltas and tasks.
CREATE TABLE labels (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    colour TEXT NOT NULL
           CHECK (length(colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')
);

CREATE TABLE delta_labels (
    delta_id INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    PRIMARY KEY (delta_id, label_id)
) WITHOUT ROWID;
CREATE INDEX delta_labels_by_label ON delta_labels (label_id, delta_id);

CREATE TABLE task_labels (
    task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, label_id)
) WITHOUT ROWID;
CREATE INDEX task_labels_by_label ON task_labels (label_id, task_id);

-- Saved filters ("views") of one organisation: a name, the view they belong to, and the filter
-- as JSON ({"search": ..., "kind": ..., "state": ..., "label": ...}), in the order the View menu
-- lists them (the first nine get Ctrl+Shift+1…9).
CREATE TABLE saved_views (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    view            TEXT NOT NULL CHECK (view IN ('deltas', 'board')),
    filter          TEXT NOT NULL,
    position        INTEGER NOT NULL,
    UNIQUE (organisation_id, name)
);

-- The Deltas view sorts by any column in SQL and reads only the rows it paints: these indexes
-- give the title, state and top impact orders without sorting 100,000 rows (rowid breaks ties,
-- as the list's ORDER BY does).
CREATE INDEX deltas_by_title ON deltas (title COLLATE NOCASE);
CREATE INDEX deltas_by_state ON deltas (state);
CREATE INDEX deltas_by_top_impact ON deltas (top_impact);
