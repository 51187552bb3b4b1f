-- Deltaboard schema, version 5: what other trackers knew about a record, kept as fields.
--
--   fixed_in   the version the source says the delta is fixed in or planned for (Jira's fix
--              version, Bugzilla's target milestone, a Launchpad or GitHub milestone); found_in
--              stays the version it was seen in.
--   severity   the reporter's view of how bad it is, on one scale for every tracker:
--              0 trivial, 1 minor, 2 normal, 3 major, 4 critical. It is not a priority: a
--              priority is one organisation's decision (the priorities table).
--   closed_at  when the delta last entered a closed state (resolved, declined, duplicate):
--              the source's resolved/closed time for imported records, the time of the change
--              for those closed here; NULL while open, and for closed records whose source did
--              not say when.
ALTER TABLE deltas ADD COLUMN fixed_in TEXT;
ALTER TABLE deltas ADD COLUMN severity INTEGER CHECK (severity BETWEEN 0 AND 4);
ALTER TABLE deltas ADD COLUMN closed_at TEXT;
