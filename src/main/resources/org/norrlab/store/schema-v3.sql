-- norrlab session store, schema version 3: what crossed the wire, for replay. Documented in docs/store.md.

-- Raw bytes each way between norrlab and a serial instrument, in order, with the time since the
-- instrument was opened. direction 'link' marks a lost link (the bytes hold the reason).
CREATE TABLE wire (
    session_id INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    t_s        REAL NOT NULL,
    direction  TEXT NOT NULL CHECK (direction IN ('host','device','link')),
    bytes      BLOB NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

-- The instrument profile as it was (YAML text), its family's extra files and the effective seed.
ALTER TABLE sessions ADD COLUMN instrument_settings_json TEXT NOT NULL DEFAULT '{}';
