-- Deltaboard schema on PostgreSQL, version 6: a team works on one database (SQLite's 0006 only
-- adds the history index by actor, made here too).
--
--  * Who may write what is decided by the server, from the login (current_user) joined to the
--    memberships table — never from a session setting a client could change. Roles:
--      member of an organisation  its priorities, ranking, boards, tasks and fix records
--      reporter                   deltas, comments, crash reports, impact assessments
--      admin                      the workspace: organisations, boards, memberships
--    Shared records (deltas, impacts, comments, labels…) may be written by anyone with a role.
--    Every member of the workspace reads everything. Who is a member is decided when a login
--    connects (CONNECT on this database: 'team add-user' grants it, PUBLIC loses it here), not
--    row by row: a read policy on every row kept the planner from using the search index (a
--    rare word's search went from 0.3 ms to 114 ms) and doubled the board's query.
--  * The tables belong to deltaboard_owner, a role nobody logs in as, with FORCE ROW LEVEL
--    SECURITY; logins get their rights through deltaboard_user ('deltaboard-cli team add-user').
--    Superusers bypass row-level security, as PostgreSQL has it: keep them for administration.
--  * The derived summaries (a delta's top impact on the tasks linked to it…) are kept by
--    functions that run as deltaboard_owner, so a reporter's impact updates the tasks of every
--    organisation it concerns without being able to write those tasks.
--  * Every committed change is announced on the channel 'deltaboard' with what changed only:
--    {"e": entity, "id": …, "org": …, "v": row version}, never titles or text (every login of
--    the database can listen). A statement that changes more than 20 rows announces itself as
--    {"e": entity, "rows": n}: a client then reads all of that entity again.
--  * History rows name the login that wrote them (the client passes it; see Database::open).

-- Handing the tables to deltaboard_owner, creating roles server-wide and taking CONNECT from
-- PUBLIC need a superuser: said at once, before anything is changed.
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'the team schema (version 6) is set up by a superuser: open or init the '
                        'database once as one (for example the postgres login); % is not',
                        current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE INDEX history_by_actor ON history (actor, changed_at);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deltaboard_owner') THEN
        CREATE ROLE deltaboard_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deltaboard_user') THEN
        CREATE ROLE deltaboard_user NOLOGIN;
    END IF;
END $$;

CREATE TABLE team_members (
    login        text COLLATE "C" PRIMARY KEY,
    display_name text NOT NULL DEFAULT '',
    added_at     utc_time NOT NULL
);

CREATE TABLE memberships (
    login           text COLLATE "C" NOT NULL REFERENCES team_members(login) ON DELETE CASCADE
                    DEFERRABLE,
    role            text NOT NULL CHECK (role IN ('admin', 'reporter', 'member')),
    organisation_id bigint REFERENCES organisations(id) ON DELETE CASCADE DEFERRABLE,
    CHECK ((role = 'member') = (organisation_id IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (login, role, organisation_id)
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id, role);

-- Whoever creates the team schema administers it.
INSERT INTO team_members (login, display_name, added_at)
VALUES (current_user, '', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
INSERT INTO memberships (login, role) VALUES (current_user, 'admin');

-- The database is the team's: logins connect when 'team add-user' lets them. A migrating login
-- that may not change the database's rights (neither its owner nor a superuser) leaves it as it
-- was, open to every login of the server, and says so.
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), current_user);
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'Deltaboard: % may not restrict who connects to database %; every login of '
                  'this server may connect to it', current_user, current_database();
END $$;

-- The rights of the connected login. 'current_user' is the caller's login inside these (they
-- are not security definers); deltaboard_owner is the summary functions below. Every table is
-- named with its schema: a login's temporary table of the same name would otherwise be read
-- first (pg_temp comes first on the search path), and a login could grant itself anything.
CREATE FUNCTION deltaboard_shares() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_user = 'deltaboard_owner'
        OR EXISTS (SELECT 1 FROM public.memberships WHERE login = current_user);
$$;
CREATE FUNCTION deltaboard_administers() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_user = 'deltaboard_owner'
        OR EXISTS (SELECT 1 FROM public.memberships WHERE login = current_user
                   AND role = 'admin');
$$;
CREATE FUNCTION deltaboard_member_of(organisation bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_user = 'deltaboard_owner'
        OR EXISTS (SELECT 1 FROM public.memberships WHERE login = current_user
                   AND role = 'member' AND organisation_id = organisation);
$$;
CREATE FUNCTION deltaboard_member_of_task(task bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT public.deltaboard_member_of((SELECT organisation_id FROM public.tasks WHERE id = task));
$$;
CREATE FUNCTION deltaboard_member_of_board(board bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT public.deltaboard_administers()
        OR public.deltaboard_member_of((SELECT organisation_id FROM public.boards
                                        WHERE id = board));
$$;
-- Removing a delta or a label removes, by cascade (which row-level security does not see),
-- what organisations attached to it: allowed when all of that is the login's own.
CREATE FUNCTION deltaboard_may_remove_delta(delta bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT public.deltaboard_administers()
        OR (public.deltaboard_shares()
            AND NOT EXISTS (SELECT 1 FROM public.priorities p WHERE p.delta_id = delta
                            AND NOT public.deltaboard_member_of(p.organisation_id))
            AND NOT EXISTS (SELECT 1 FROM public.task_deltas td
                            JOIN public.tasks t ON t.id = td.task_id
                            WHERE td.delta_id = delta
                            AND NOT public.deltaboard_member_of(t.organisation_id)));
$$;
CREATE FUNCTION deltaboard_may_remove_label(label bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT public.deltaboard_administers()
        OR (public.deltaboard_shares()
            AND NOT EXISTS (SELECT 1 FROM public.task_labels tl
                            JOIN public.tasks t ON t.id = tl.task_id
                            WHERE tl.label_id = label
                            AND NOT public.deltaboard_member_of(t.organisation_id)));
$$;

-- The functions of version 5 read tables by name too: none of them looks in pg_temp first now.
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['next_id_when_null()', 'priorities_rank_at_end()',
        'tasks_column_in_organisation()']
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f);
    END LOOP;
END $$;

-- Reading: open to the workspace (who connects; see above).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisations', 'boards', 'board_columns', 'components',
        'user_groups', 'group_components', 'deltas', 'crash_reports', 'tasks', 'task_deltas',
        'priorities', 'impacts', 'fix_records', 'comments', 'history', 'delta_relations',
        'labels', 'delta_labels', 'task_labels', 'saved_views', 'deltaboard_schema',
        'team_members', 'memberships']
    LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO deltaboard_owner', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', t || '_read', t);
    END LOOP;
    -- Shared records: anyone with a role writes them (deltas and labels are removed under the
    -- rule of deltaboard_may_remove_*, below).
    FOREACH t IN ARRAY ARRAY['components', 'user_groups', 'group_components', 'deltas',
        'crash_reports', 'impacts', 'delta_relations', 'labels', 'delta_labels']
    LOOP
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK ((SELECT deltaboard_shares()))',
                       t || '_add', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING ((SELECT deltaboard_shares())) '
                       'WITH CHECK ((SELECT deltaboard_shares()))', t || '_change', t);
        IF t NOT IN ('deltas', 'labels') THEN
            EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING ((SELECT deltaboard_shares()))',
                           t || '_remove', t);
        END IF;
    END LOOP;
    -- The workspace itself: admins.
    FOREACH t IN ARRAY ARRAY['organisations', 'team_members', 'memberships', 'deltaboard_schema']
    LOOP
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING ((SELECT deltaboard_administers())) '
                       'WITH CHECK ((SELECT deltaboard_administers()))', t || '_write', t);
    END LOOP;
END $$;

-- An organisation's own records: its members (boards and their columns: admins too, as the
-- workspace settings make them).
CREATE POLICY priorities_write ON priorities FOR ALL
    USING (deltaboard_member_of(organisation_id)) WITH CHECK (deltaboard_member_of(organisation_id));
CREATE POLICY tasks_write ON tasks FOR ALL
    USING (deltaboard_member_of(organisation_id)) WITH CHECK (deltaboard_member_of(organisation_id));
CREATE POLICY saved_views_write ON saved_views FOR ALL
    USING (deltaboard_member_of(organisation_id)) WITH CHECK (deltaboard_member_of(organisation_id));
CREATE POLICY boards_write ON boards FOR ALL
    USING (deltaboard_administers() OR deltaboard_member_of(organisation_id))
    WITH CHECK (deltaboard_administers() OR deltaboard_member_of(organisation_id));
CREATE POLICY board_columns_write ON board_columns FOR ALL
    USING (deltaboard_member_of_board(board_id)) WITH CHECK (deltaboard_member_of_board(board_id));
CREATE POLICY task_deltas_write ON task_deltas FOR ALL
    USING (deltaboard_member_of_task(task_id)) WITH CHECK (deltaboard_member_of_task(task_id));
CREATE POLICY task_labels_write ON task_labels FOR ALL
    USING (deltaboard_member_of_task(task_id)) WITH CHECK (deltaboard_member_of_task(task_id));
CREATE POLICY fix_records_write ON fix_records FOR ALL
    USING (deltaboard_member_of_task(task_id)) WITH CHECK (deltaboard_member_of_task(task_id));
-- Comments on a delta are shared; on a task, the task's organisation's.
CREATE POLICY comments_write ON comments FOR ALL
    USING (CASE WHEN task_id IS NULL THEN (SELECT deltaboard_shares())
                ELSE deltaboard_member_of_task(task_id) END)
    WITH CHECK (CASE WHEN task_id IS NULL THEN (SELECT deltaboard_shares())
                     ELSE deltaboard_member_of_task(task_id) END);
CREATE POLICY deltas_remove ON deltas FOR DELETE USING (deltaboard_may_remove_delta(id));
CREATE POLICY labels_remove ON labels FOR DELETE USING (deltaboard_may_remove_label(id));
-- History is appended to by anyone with a role, and never rewritten. (Its actor is what the
-- client says: an import writes its source's authors, so the server cannot insist on the login.)
CREATE POLICY history_append ON history FOR INSERT WITH CHECK ((SELECT deltaboard_shares()));

GRANT USAGE ON SCHEMA public TO deltaboard_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO deltaboard_user;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO deltaboard_user;

-- The summaries write across organisations on behalf of whoever changed their source rows.
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['deltas_impact_summary(bigint)', 'impacts_summary()',
        'user_groups_size_to_deltas()', 'tasks_delta_summary(bigint)',
        'deltas_summary_to_tasks()', 'task_deltas_summary()']
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO deltaboard_owner', f);
        EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = public, pg_temp', f);
    END LOOP;
END $$;

-- Announcements. One trigger per table and operation, after each statement; the arguments
-- name the entity and which columns carry its id and organisation.
CREATE FUNCTION deltaboard_notify() RETURNS trigger LANGUAGE plpgsql
SET search_path = public, pg_temp AS $$
DECLARE
    rows_changed bigint;
BEGIN
    SELECT count(*) INTO rows_changed FROM changed;
    IF rows_changed = 0 THEN
        RETURN NULL;
    ELSIF rows_changed > 20 THEN
        PERFORM pg_notify('deltaboard',
                          json_build_object('e', TG_ARGV[0], 'rows', rows_changed)::text);
    ELSE
        PERFORM pg_notify('deltaboard', json_strip_nulls(json_build_object(
                    'e', TG_ARGV[0],
                    'id', (to_jsonb(c) ->> TG_ARGV[1])::bigint,
                    'org', (to_jsonb(c) ->> TG_ARGV[2])::bigint,
                    'v', (to_jsonb(c) ->> 'row_version')::bigint,
                    'op', lower(TG_OP)))::text)
        FROM changed c;
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    spec text[];
    op text;
BEGIN
    FOREACH spec SLICE 1 IN ARRAY ARRAY[
        ARRAY['deltas', 'delta', 'id', ''],
        ARRAY['tasks', 'task', 'id', 'organisation_id'],
        ARRAY['priorities', 'priority', 'delta_id', 'organisation_id'],
        ARRAY['impacts', 'impact', 'delta_id', ''],
        ARRAY['comments', 'comment', 'delta_id', ''],
        ARRAY['crash_reports', 'crash', 'delta_id', ''],
        ARRAY['task_deltas', 'link', 'task_id', ''],
        ARRAY['task_labels', 'task', 'task_id', ''],
        ARRAY['delta_labels', 'delta', 'delta_id', ''],
        ARRAY['delta_relations', 'delta', 'delta_id', ''],
        ARRAY['fix_records', 'task', 'task_id', ''],
        ARRAY['boards', 'board', 'id', 'organisation_id'],
        ARRAY['board_columns', 'board', 'board_id', ''],
        ARRAY['organisations', 'workspace', 'id', ''],
        ARRAY['labels', 'workspace', 'id', ''],
        ARRAY['components', 'workspace', 'id', ''],
        ARRAY['user_groups', 'workspace', 'id', ''],
        ARRAY['saved_views', 'workspace', 'id', 'organisation_id'],
        ARRAY['memberships', 'workspace', '', 'organisation_id']]
    LOOP
        FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
            EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed '
                           'FOR EACH STATEMENT EXECUTE FUNCTION deltaboard_notify(%L, %L, %L)',
                           spec[1] || '_notify_' || op, op, spec[1],
                           CASE op WHEN 'delete' THEN 'OLD' ELSE 'NEW' END,
                           spec[2], spec[3], spec[4]);
        END LOOP;
    END LOOP;
END $$;

-- Logins for 'deltaboard-cli team add-user': names are identifiers, which cannot be bound, so
-- they are quoted here by format(). The password arrives as a SCRAM verifier made by the
-- client (libpq's PQencryptPasswordConn): the server never sees it in clear. The caller needs
-- the CREATEROLE attribute (these run with the caller's rights).
CREATE FUNCTION deltaboard_let_in(login text, admitted boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF admitted THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
        -- A GRANT by someone without the grant option only warns: checked, so it fails here.
        IF NOT has_database_privilege(login, current_database(), 'CONNECT') THEN
            RAISE EXCEPTION '% may not let % connect to database %', current_user, login,
                            current_database()
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        -- Where PUBLIC may still connect (a database copied from a template keeps no rights),
        -- the programs refuse a login outside team_members by themselves.
        EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), login);
    END IF;
END $$;
CREATE FUNCTION deltaboard_create_login(login text, verifier text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF verifier IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN IN ROLE deltaboard_user', login);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE deltaboard_user', login,
                       verifier);
    END IF;
    PERFORM deltaboard_let_in(login, true);
END $$;
CREATE FUNCTION deltaboard_enrol_login(login text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('GRANT deltaboard_user TO %I', login);
    PERFORM deltaboard_let_in(login, true);
END $$;
