-- norrlab session store, schema version 14: impedance spectra (EIS) and the uncompensated resistance R_u that
-- iR-corrected potentials are computed with. Documented in docs/store.md.

-- One row per frequency of an EIS step (measured, imported or replayed), numbered from 0 within the step apart from
-- the samples table. z_imag_ohm is Z'' as measured (Z = Z' + jZ'', capacitive negative); modulus and phase are
-- stored for readers without a complex type. z_real_ohm, z_imag_ohm, modulus_ohm and phase_deg are NULL where the
-- instrument sent NaN (flags then carries NO_IMPEDANCE, 64). dc_e_v (vs the physical reference electrode), dc_i_a
-- and range_a are NULL where neither the instrument nor the file reported them.
CREATE TABLE impedance (
    session_id   INTEGER NOT NULL,
    step_index   INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    t_s          REAL NOT NULL,
    frequency_hz REAL NOT NULL CHECK (frequency_hz > 0),
    z_real_ohm   REAL,
    z_imag_ohm   REAL,
    modulus_ohm  REAL,
    phase_deg    REAL,
    dc_e_v       REAL,
    dc_i_a       REAL,
    range_a      REAL,
    flags        INTEGER NOT NULL,
    PRIMARY KEY (session_id, step_index, seq)
) WITHOUT ROWID;

-- The uncompensated resistance of a session's cell, never changed in place: the newest row (highest id) is the one
-- in force. method: high-frequency-intercept or randles-fit (from the spectrum of step spectrum_step) or typed (by
-- the operator; spectrum_step NULL). stderr_ohm is NULL where there is no standard error. compensated_fraction is
-- the part of R_u the instrument compensated during the run (0 unless the operator or the file said otherwise).
-- note: the operator's reason or the file it came from. uid names the row in every store it is synced to.
CREATE TABLE resistances (
    id                   INTEGER PRIMARY KEY,
    session_id           INTEGER NOT NULL REFERENCES sessions(id),
    ru_ohm               REAL NOT NULL CHECK (ru_ohm >= 0),
    stderr_ohm           REAL,
    method               TEXT NOT NULL CHECK (method IN ('high-frequency-intercept', 'randles-fit', 'typed')),
    spectrum_step        INTEGER,
    compensated_fraction REAL NOT NULL CHECK (compensated_fraction >= 0 AND compensated_fraction <= 1),
    note                 TEXT NOT NULL,
    created_utc          TEXT NOT NULL,
    uid                  TEXT NOT NULL,
    CHECK ((method = 'typed') = (spectrum_step IS NULL))
);
CREATE UNIQUE INDEX resistances_uid ON resistances (uid);
CREATE INDEX resistances_by_session ON resistances (session_id, id);
