-- norrlab lab database (PostgreSQL), schema version 1. Documented in docs/store.md.
-- The same tables as a bench's SQLite store, as `norrlab sync` fills them: one row per session of
-- every bench, found by its uid; child rows point at the lab's own session id.
CREATE TABLE IF NOT EXISTS lab_schema (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS sessions (
    id                       BIGSERIAL PRIMARY KEY,
    uid                      TEXT NOT NULL UNIQUE,
    origin                   TEXT NOT NULL,      -- host and database file of the bench it came from
    local_id                 BIGINT NOT NULL,    -- its id there
    synced_utc               TEXT NOT NULL,
    created_utc              TEXT NOT NULL,
    started_utc              TEXT NOT NULL,
    ended_utc                TEXT,
    status                   TEXT NOT NULL,
    status_reason            TEXT NOT NULL,
    protocol_name            TEXT NOT NULL,
    protocol_file            TEXT NOT NULL,
    protocol_text            TEXT NOT NULL,
    cell_json                TEXT NOT NULL,
    instrument_json          TEXT NOT NULL,
    run_options_json         TEXT NOT NULL,
    software_version         TEXT NOT NULL,
    instrument_settings_json TEXT NOT NULL,
    heartbeat_utc            TEXT,
    imported_from            TEXT,
    resumed_from_uid         TEXT,
    replay_of_uid            TEXT,
    sample_count             BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS steps (
    session_id          BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index          INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    label               TEXT NOT NULL,
    e_vs_rhe_v          DOUBLE PRECISION,
    e_vs_re_v           DOUBLE PRECISION,
    interval_s          DOUBLE PRECISION NOT NULL,
    planned_duration_s  DOUBLE PRECISION NOT NULL,
    current_range       TEXT NOT NULL,
    source              TEXT NOT NULL,
    started_utc         TEXT NOT NULL,
    session_offset_s    DOUBLE PRECISION NOT NULL,
    ended_utc           TEXT,
    duration_s          DOUBLE PRECISION,
    sample_count        BIGINT,
    outcome             TEXT,
    lag_ms              DOUBLE PRECISION,
    PRIMARY KEY (session_id, step_index)
);

CREATE TABLE IF NOT EXISTS samples (
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index INTEGER NOT NULL,
    seq        BIGINT NOT NULL,
    t_s        DOUBLE PRECISION NOT NULL,
    e_v        DOUBLE PRECISION NOT NULL,
    i_a        DOUBLE PRECISION,
    range_a    DOUBLE PRECISION,
    flags      INTEGER NOT NULL,
    PRIMARY KEY (session_id, step_index, seq)
);

CREATE TABLE IF NOT EXISTS events (
    session_id  BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index  INTEGER NOT NULL,
    t_s         DOUBLE PRECISION NOT NULL,
    wall_utc    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    message     TEXT NOT NULL,
    values_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_session ON events (session_id, step_index);

CREATE TABLE IF NOT EXISTS step_tallies (
    session_id        BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index        INTEGER NOT NULL,
    samples           BIGINT NOT NULL,
    current_samples   BIGINT NOT NULL,
    coulombs          DOUBLE PRECISION NOT NULL,
    sum_amperes       DOUBLE PRECISION NOT NULL,
    last_current_t_s  DOUBLE PRECISION NOT NULL,
    last_current_a    DOUBLE PRECISION,
    sum_volts         DOUBLE PRECISION NOT NULL,
    last_t_s          DOUBLE PRECISION NOT NULL,
    max_interval_s    DOUBLE PRECISION NOT NULL,
    monotonic         INTEGER NOT NULL,
    PRIMARY KEY (session_id, step_index)
);

CREATE TABLE IF NOT EXISTS wire (
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    t_s        DOUBLE PRECISION NOT NULL,
    direction  TEXT NOT NULL,
    bytes      BYTEA NOT NULL,
    PRIMARY KEY (session_id, seq)
);
