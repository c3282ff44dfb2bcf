-- norrlab session store, schema version 10, SQLite part: samples.e_v may be NULL.
-- SQLite cannot drop a NOT NULL in place: the table is rebuilt as SQLite's documentation describes
-- (as schema 9 rebuilt sessions), same columns, key and order.
CREATE TABLE samples_v10 (
    session_id INTEGER NOT NULL,
    step_index INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    t_s        REAL NOT NULL,
    e_v        REAL,
    i_a        REAL,
    range_a    REAL,
    flags      INTEGER NOT NULL,
    PRIMARY KEY (session_id, step_index, seq)
) WITHOUT ROWID;
INSERT INTO samples_v10 (session_id, step_index, seq, t_s, e_v, i_a, range_a, flags)
SELECT session_id, step_index, seq, t_s, e_v, i_a, range_a, flags FROM samples;
DROP TABLE samples;
ALTER TABLE samples_v10 RENAME TO samples;
