-- norrlab session store, schema version 9, SQLite part: sessions.status may be 'importing'.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt as SQLite's documentation
-- describes (foreign keys are off during the migration, see SqliteDialect), same columns in the same order.
CREATE TABLE sessions_v9 (
    id               INTEGER PRIMARY KEY,
    created_utc      TEXT NOT NULL,
    started_utc      TEXT NOT NULL,
    ended_utc        TEXT,
    status           TEXT NOT NULL CHECK (status IN ('running','completed','aborted','failed','interrupted','importing')),
    status_reason    TEXT NOT NULL DEFAULT '',
    protocol_name    TEXT NOT NULL,
    protocol_file    TEXT NOT NULL,
    protocol_text    TEXT NOT NULL,
    cell_json        TEXT NOT NULL,
    instrument_json  TEXT NOT NULL,
    run_options_json TEXT NOT NULL,
    software_version TEXT NOT NULL,
    resumed_from     INTEGER REFERENCES sessions(id),
    replay_of        INTEGER REFERENCES sessions(id),
    imported_from    TEXT,
    instrument_settings_json TEXT NOT NULL DEFAULT '{}',
    heartbeat_utc    TEXT,
    uid              TEXT,
    origin           TEXT,
    origin_id        INTEGER,
    synced_utc       TEXT,
    last_sample_utc  TEXT
);
INSERT INTO sessions_v9 (id, created_utc, started_utc, ended_utc, status, status_reason, protocol_name, protocol_file,
    protocol_text, cell_json, instrument_json, run_options_json, software_version, resumed_from, replay_of, imported_from,
    instrument_settings_json, heartbeat_utc, uid, origin, origin_id, synced_utc, last_sample_utc)
SELECT id, created_utc, started_utc, ended_utc, status, status_reason, protocol_name, protocol_file,
    protocol_text, cell_json, instrument_json, run_options_json, software_version, resumed_from, replay_of, imported_from,
    instrument_settings_json, heartbeat_utc, uid, origin, origin_id, synced_utc, last_sample_utc FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v9 RENAME TO sessions;
CREATE UNIQUE INDEX sessions_uid ON sessions (uid);
