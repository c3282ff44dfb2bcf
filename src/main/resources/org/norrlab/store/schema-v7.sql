-- norrlab session store, schema version 7: sessions copied in from a bench. Documented in docs/store.md.

-- The lab's PostgreSQL store holds sessions its benches acquired straight into it and sessions that
-- `norrlab sync` copied from a bench's own SQLite file; for the latter these say where they came
-- from (host and file), their id there, and when they were last copied. NULL for sessions acquired here.
ALTER TABLE sessions ADD COLUMN origin TEXT;
ALTER TABLE sessions ADD COLUMN origin_id INTEGER;
ALTER TABLE sessions ADD COLUMN synced_utc TEXT;
