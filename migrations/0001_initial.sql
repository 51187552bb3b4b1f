-- Deltaboard schema, version 1: the whole model of DESIGN.md §1.
--
-- Conventions
--  * Times are UTC text in ISO 8601 with milliseconds ('2026-11-21T09:30:00.000Z'): they sort as
--    text, read well in exports, and map onto PostgreSQL timestamptz later.
--  * Levels are small integers so that "most impact first" is a plain ORDER BY:
--      priority: 0 untriaged, 1 low, 2 medium, 3 high, 4 critical (no row = the organisation has
--                no view on the delta);
--      impact:   0 none, 1 low, 2 medium, 3 high, 4 critical (no row = not assessed).
--  * Records that can come from another tracker keep (source_tracker, external_id, source_url);
--    the pair is unique so that re-importing updates instead of duplicating (DESIGN.md contract 7).
--  * row_version increases on every update, for optimistic concurrency once several clients share
--    one database.
--  * A few summaries are derived and kept in step by triggers, so that the board, the inbox and
--    the commitment gap read one row instead of aggregating per row: deltas.top_impact and
--    deltas.affected_users (from impacts), tasks.linked_deltas and tasks.top_impact (from
--    task_deltas and the linked deltas). They are never written by the application, are left out
--    of exports, and 'deltaboard-cli check' verifies them.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE boards (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (organisation_id, name)
);

CREATE TABLE board_columns (
    id        INTEGER PRIMARY KEY,
    board_id  INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position  INTEGER NOT NULL,
    wip_limit INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
    -- Entering a column that starts work starts the task's cycle-time clock ("In progress"),
    -- unlike one that only queues it ("Ready"); entering a done column finishes it.
    starts_work INTEGER NOT NULL DEFAULT 0 CHECK (starts_work IN (0, 1)),
    is_done   INTEGER NOT NULL DEFAULT 0 CHECK (is_done IN (0, 1)),
    CHECK (NOT (starts_work AND is_done)),
    UNIQUE (board_id, name),
    UNIQUE (board_id, position)
);

CREATE TABLE components (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE user_groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    -- Estimated number of users in the group; weights impact across groups.
    size        INTEGER CHECK (size IS NULL OR size >= 0)
);

-- Which user groups use which components: lets the app suggest the groups a delta impacts.
CREATE TABLE group_components (
    group_id     INTEGER NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, component_id)
) WITHOUT ROWID;
CREATE INDEX group_components_by_component ON group_components (component_id);

CREATE TABLE deltas (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('defect', 'crash', 'spec')),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    desired        TEXT NOT NULL DEFAULT '',
    actual         TEXT NOT NULL DEFAULT '',
    details        TEXT NOT NULL DEFAULT '',
    component_id   INTEGER REFERENCES components(id) ON DELETE SET NULL,
    found_in       TEXT,
    reporter       TEXT,
    state          TEXT NOT NULL DEFAULT 'new'
                   CHECK (state IN ('new', 'confirmed', 'disputed', 'declined', 'duplicate',
                                    'resolved')),
    duplicate_of   INTEGER REFERENCES deltas(id) ON DELETE SET NULL,
    -- Crash deltas: the signature that groups their crash reports.
    signature      TEXT,
    source_tracker TEXT,
    external_id    TEXT,
    source_url     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    row_version    INTEGER NOT NULL DEFAULT 1,
    -- Derived (triggers on impacts): the highest impact on any group, and the affected users
    -- summed over the groups' estimates. NULL when no group has been assessed.
    top_impact     INTEGER,
    affected_users INTEGER,
    CHECK (duplicate_of IS NULL OR (state = 'duplicate' AND duplicate_of <> id)),
    CHECK (signature IS NULL OR kind = 'crash'),
    CHECK ((source_tracker IS NULL) = (external_id IS NULL)),
    UNIQUE (source_tracker, external_id)
);
CREATE INDEX deltas_by_kind_state ON deltas (kind, state);
CREATE INDEX deltas_by_component ON deltas (component_id);
CREATE INDEX deltas_by_duplicate_of ON deltas (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE UNIQUE INDEX deltas_by_signature ON deltas (signature) WHERE signature IS NOT NULL;
-- The commitment gap in its order: open deltas hurting some group highly, most impact first.
-- Queries must repeat this WHERE clause word for word for SQLite to use the index.
CREATE INDEX deltas_by_impact ON deltas (top_impact DESC, affected_users DESC, id)
    WHERE top_impact >= 3 AND state NOT IN ('declined', 'duplicate', 'resolved');

CREATE TABLE crash_reports (
    id              INTEGER PRIMARY KEY,
    delta_id        INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    signature       TEXT NOT NULL,
    raw_text        TEXT NOT NULL,
    product_version TEXT,
    platform        TEXT,
    received_at     TEXT NOT NULL
);
CREATE INDEX crash_reports_by_delta ON crash_reports (delta_id, received_at);
CREATE INDEX crash_reports_by_signature ON crash_reports (signature);

CREATE TABLE tasks (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    column_id       INTEGER NOT NULL REFERENCES board_columns(id),
    -- Order within the column; sparse so that a move usually rewrites one row.
    rank            INTEGER NOT NULL,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    assignee        TEXT,
    created_at      TEXT NOT NULL,
    started_at      TEXT,
    done_at         TEXT,
    updated_at      TEXT NOT NULL,
    source_tracker  TEXT,
    external_id     TEXT,
    source_url      TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1,
    -- Derived (triggers on task_deltas and deltas): how many deltas the task is linked to, and
    -- the highest impact among them.
    linked_deltas   INTEGER NOT NULL DEFAULT 0,
    top_impact      INTEGER,
    CHECK ((source_tracker IS NULL) = (external_id IS NULL)),
    UNIQUE (source_tracker, external_id)
);
CREATE INDEX tasks_by_organisation ON tasks (organisation_id, column_id, rank);
CREATE INDEX tasks_by_column ON tasks (column_id, rank);
CREATE INDEX tasks_open ON tasks (id) WHERE done_at IS NULL;

-- A task's column must be on a board of the task's organisation.
CREATE TRIGGER tasks_column_in_organisation_insert
BEFORE INSERT ON tasks
WHEN (SELECT b.organisation_id FROM board_columns c JOIN boards b ON b.id = c.board_id
      WHERE c.id = NEW.column_id) IS NOT NEW.organisation_id
BEGIN
    SELECT RAISE(ABORT, 'task column belongs to another organisation');
END;

CREATE TRIGGER tasks_column_in_organisation_update
BEFORE UPDATE OF column_id, organisation_id ON tasks
WHEN (SELECT b.organisation_id FROM board_columns c JOIN boards b ON b.id = c.board_id
      WHERE c.id = NEW.column_id) IS NOT NEW.organisation_id
BEGIN
    SELECT RAISE(ABORT, 'task column belongs to another organisation');
END;

-- The deltas that motivate a task (defects), design it (specs) and give its crash data (crashes).
CREATE TABLE task_deltas (
    task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    delta_id  INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (task_id, delta_id)
) WITHOUT ROWID;
CREATE INDEX task_deltas_by_delta ON task_deltas (delta_id, task_id);

-- Priority only means something inside one organisation.
CREATE TABLE priorities (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    delta_id        INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    level           INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    -- The organisation's own order among deltas of the same level (NULL: unranked).
    rank            INTEGER,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, delta_id)
) WITHOUT ROWID;
CREATE INDEX priorities_by_delta ON priorities (delta_id);

-- Impact belongs to a user group: who is hurt, not who cares to fix.
CREATE TABLE impacts (
    delta_id       INTEGER NOT NULL REFERENCES deltas(id) ON DELETE CASCADE,
    group_id       INTEGER NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    level          INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    affected_users INTEGER CHECK (affected_users IS NULL OR affected_users >= 0),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (delta_id, group_id)
) WITHOUT ROWID;
CREATE INDEX impacts_by_group ON impacts (group_id, level);

-- Derived summaries (see the conventions at the top). Each trigger recomputes from the source
-- rows rather than adjusting by a difference, so replaying rows in any order gives the same
-- result.
CREATE TRIGGER impacts_summary_insert AFTER INSERT ON impacts BEGIN
    UPDATE deltas
    SET top_impact = (SELECT max(level) FROM impacts WHERE delta_id = NEW.delta_id),
        affected_users = (SELECT sum(affected_users) FROM impacts WHERE delta_id = NEW.delta_id)
    WHERE id = NEW.delta_id;
END;

CREATE TRIGGER impacts_summary_update AFTER UPDATE OF level, affected_users ON impacts BEGIN
    UPDATE deltas
    SET top_impact = (SELECT max(level) FROM impacts WHERE delta_id = NEW.delta_id),
        affected_users = (SELECT sum(affected_users) FROM impacts WHERE delta_id = NEW.delta_id)
    WHERE id = NEW.delta_id;
END;

CREATE TRIGGER impacts_summary_delete AFTER DELETE ON impacts BEGIN
    UPDATE deltas
    SET top_impact = (SELECT max(level) FROM impacts WHERE delta_id = OLD.delta_id),
        affected_users = (SELECT sum(affected_users) FROM impacts WHERE delta_id = OLD.delta_id)
    WHERE id = OLD.delta_id;
END;

CREATE TRIGGER deltas_summary_to_tasks AFTER UPDATE OF top_impact ON deltas BEGIN
    UPDATE tasks
    SET top_impact = (SELECT max(d.top_impact) FROM task_deltas td
                      JOIN deltas d ON d.id = td.delta_id WHERE td.task_id = tasks.id)
    WHERE id IN (SELECT task_id FROM task_deltas WHERE delta_id = NEW.id);
END;

CREATE TRIGGER task_deltas_summary_insert AFTER INSERT ON task_deltas BEGIN
    UPDATE tasks
    SET linked_deltas = (SELECT count(*) FROM task_deltas WHERE task_id = NEW.task_id),
        top_impact = (SELECT max(d.top_impact) FROM task_deltas td
                      JOIN deltas d ON d.id = td.delta_id WHERE td.task_id = NEW.task_id)
    WHERE id = NEW.task_id;
END;

CREATE TRIGGER task_deltas_summary_delete AFTER DELETE ON task_deltas BEGIN
    UPDATE tasks
    SET linked_deltas = (SELECT count(*) FROM task_deltas WHERE task_id = OLD.task_id),
        top_impact = (SELECT max(d.top_impact) FROM task_deltas td
                      JOIN deltas d ON d.id = td.delta_id WHERE td.task_id = OLD.task_id)
    WHERE id = OLD.task_id;
END;

-- Where a task's fix landed and whether it was verified there. Done means verified, not merged.
CREATE TABLE fix_records (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    branch      TEXT NOT NULL,
    revision    TEXT NOT NULL DEFAULT '',
    -- The first product version that carries the fix on this branch.
    version     TEXT,
    deployed_to TEXT,
    deployed_at TEXT,
    verified_at TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX fix_records_by_task ON fix_records (task_id);

-- A comment is on exactly one delta or one task.
CREATE TABLE comments (
    id             INTEGER PRIMARY KEY,
    delta_id       INTEGER REFERENCES deltas(id) ON DELETE CASCADE,
    task_id        INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    author         TEXT,
    body           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    source_tracker TEXT,
    external_id    TEXT,
    CHECK ((delta_id IS NULL) <> (task_id IS NULL)),
    CHECK ((source_tracker IS NULL) = (external_id IS NULL)),
    UNIQUE (source_tracker, external_id)
);
CREATE INDEX comments_by_delta ON comments (delta_id, created_at) WHERE delta_id IS NOT NULL;
CREATE INDEX comments_by_task ON comments (task_id, created_at) WHERE task_id IS NOT NULL;

-- Every change, field by field. Values are the stored values as text (ids stay ids; the app names
-- them when it shows the history). Fields scoped to another record carry its id after a colon:
-- 'priority:3' is organisation 3's priority, 'impact:2' user group 2's impact.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    changed_at TEXT NOT NULL,
    actor      TEXT NOT NULL
);
CREATE INDEX history_by_entity ON history (entity, entity_id, changed_at);
CREATE INDEX history_by_time ON history (changed_at);

-- Full-text search over deltas and tasks, kept in step by triggers (external content tables).
CREATE VIRTUAL TABLE deltas_fts USING fts5 (
    title, desired, actual, details,
    content = 'deltas', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER deltas_fts_insert AFTER INSERT ON deltas BEGIN
    INSERT INTO deltas_fts (rowid, title, desired, actual, details)
    VALUES (NEW.id, NEW.title, NEW.desired, NEW.actual, NEW.details);
END;

CREATE TRIGGER deltas_fts_delete AFTER DELETE ON deltas BEGIN
    INSERT INTO deltas_fts (deltas_fts, rowid, title, desired, actual, details)
    VALUES ('delete', OLD.id, OLD.title, OLD.desired, OLD.actual, OLD.details);
END;

CREATE TRIGGER deltas_fts_update AFTER UPDATE OF title, desired, actual, details ON deltas BEGIN
    INSERT INTO deltas_fts (deltas_fts, rowid, title, desired, actual, details)
    VALUES ('delete', OLD.id, OLD.title, OLD.desired, OLD.actual, OLD.details);
    INSERT INTO deltas_fts (rowid, title, desired, actual, details)
    VALUES (NEW.id, NEW.title, NEW.desired, NEW.actual, NEW.details);
END;

CREATE VIRTUAL TABLE tasks_fts USING fts5 (
    title, description,
    content = 'tasks', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, title, description) VALUES (NEW.id, NEW.title, NEW.description);
END;

CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, description)
    VALUES ('delete', OLD.id, OLD.title, OLD.description);
END;

CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, description)
    VALUES ('delete', OLD.id, OLD.title, OLD.description);
    INSERT INTO tasks_fts (rowid, title, description) VALUES (NEW.id, NEW.title, NEW.description);
END;
