-- norrlab session store, schema version 6: a lab-wide name for every session. Documented in docs/store.md.

-- A session's id counts up in its own database only; the uid names it everywhere (norrlab sync uses it
-- to find a bench's session in the lab database, so that syncing twice never copies it twice).
ALTER TABLE sessions ADD COLUMN uid TEXT;
UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX sessions_uid ON sessions (uid);
