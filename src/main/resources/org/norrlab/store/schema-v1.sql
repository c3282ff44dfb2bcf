-- norrlab session store, schema version 1. Documented in docs/store.md.
-- One session = one run of one protocol on one instrument.
CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY,
    created_utc      TEXT NOT NULL,
    started_utc      TEXT NOT NULL,
    ended_utc        TEXT,
    status           TEXT NOT NULL CHECK (status IN ('running','completed','aborted','failed','interrupted')),
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
    imported_from    TEXT
);

CREATE TABLE steps (
    session_id          INTEGER NOT NULL REFERENCES sessions(id),
    step_index          INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    label               TEXT NOT NULL,
    e_vs_rhe_v          REAL,
    e_vs_re_v           REAL,
    interval_s          REAL NOT NULL,
    planned_duration_s  REAL NOT NULL,
    current_range       TEXT NOT NULL,
    source              TEXT NOT NULL,
    started_utc         TEXT NOT NULL,
    session_offset_s    REAL NOT NULL,
    ended_utc           TEXT,
    duration_s          REAL,
    sample_count        INTEGER,
    outcome             TEXT,
    lag_ms              REAL,
    PRIMARY KEY (session_id, step_index)
);

-- Append-only. t_s is instrument time since the step began; i_a is NULL when only E was measured.
CREATE TABLE samples (
    session_id INTEGER NOT NULL,
    step_index INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    t_s        REAL NOT NULL,
    e_v        REAL NOT NULL,
    i_a        REAL,
    range_a    REAL,
    flags      INTEGER NOT NULL,
    PRIMARY KEY (session_id, step_index, seq)
) WITHOUT ROWID;

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    step_index  INTEGER NOT NULL,
    t_s         REAL NOT NULL,
    wall_utc    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    message     TEXT NOT NULL,
    values_json TEXT NOT NULL
);
CREATE INDEX events_by_session ON events(session_id, step_index);
