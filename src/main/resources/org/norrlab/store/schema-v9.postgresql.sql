-- norrlab session store, schema version 9, PostgreSQL part: sessions.status may be 'importing'.
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_status_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_status_check
    CHECK (status IN ('running','completed','aborted','failed','interrupted','importing'));
