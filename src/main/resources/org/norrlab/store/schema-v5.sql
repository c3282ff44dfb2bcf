-- norrlab session store, schema version 5: per-step tallies. Documented in docs/store.md.

-- Written by the store writer when a step ends, from the same samples it stores: the charge
-- (trapezoidal rule, first sample held over [0, t1]), counts and sums, the longest interval without
-- a sample. Analyses read these instead of every sample; a step without a row here (imported, or cut
-- off by a crash) is tallied from its samples. Derived data: deleting a row loses nothing.
CREATE TABLE step_tallies (
    session_id        INTEGER NOT NULL,
    step_index        INTEGER NOT NULL,
    samples           INTEGER NOT NULL,
    current_samples   INTEGER NOT NULL,
    coulombs          REAL NOT NULL,
    sum_amperes       REAL NOT NULL,
    last_current_t_s  REAL NOT NULL,
    last_current_a    REAL,
    sum_volts         REAL NOT NULL,
    last_t_s          REAL NOT NULL,
    max_interval_s    REAL NOT NULL,
    monotonic         INTEGER NOT NULL,
    PRIMARY KEY (session_id, step_index)
);
