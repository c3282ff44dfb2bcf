-- norrlab session store, schema version 9: imports that cannot block a run, and when a session last
-- measured. Documented in docs/store.md.

-- The wall time (UTC) of the last sample the writer stored: a session cut off by a crash ends there,
-- and the gap a resume reports is counted from it (the heartbeat beats on after the data stop).
ALTER TABLE sessions ADD COLUMN last_sample_utc TEXT;

-- The status 'importing' (a session an import is still writing) is added to the CHECK constraint of
-- sessions.status; each database changes a constraint its own way: schema-v9.sqlite.sql and
-- schema-v9.postgresql.sql, run after this file.
