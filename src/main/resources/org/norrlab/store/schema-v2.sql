-- norrlab session store, schema version 2: analysis inputs. Documented in docs/store.md.
-- Raw inputs only: results (FE, yield) are computed from these and the samples on demand.

-- A fitted assay calibration (absorbance against concentration of standards).
CREATE TABLE calibrations (
    id               INTEGER PRIMARY KEY,
    created_utc      TEXT NOT NULL,
    operator         TEXT NOT NULL,
    note             TEXT NOT NULL,
    product          TEXT NOT NULL,
    method           TEXT NOT NULL,
    wavelength_nm    REAL NOT NULL,
    unit             TEXT NOT NULL,
    source_file      TEXT NOT NULL,
    standards_json   TEXT NOT NULL,
    blanks_json      TEXT NOT NULL,
    accepted_poor_fit INTEGER NOT NULL
);

-- One product measurement for one step: an absorbance through a calibration, a concentration,
-- an amount, or a GC reading of the outlet gas.
CREATE TABLE assays (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions(id),
    step_index       INTEGER NOT NULL,
    product          TEXT NOT NULL,
    created_utc      TEXT NOT NULL,
    operator         TEXT NOT NULL,
    note             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('absorbance','concentration','amount','gc')),
    value            REAL NOT NULL,
    value_sd         REAL NOT NULL,
    unit             TEXT NOT NULL,
    calibration_id   INTEGER REFERENCES calibrations(id),
    dilution         REAL NOT NULL,
    dilution_rel_sd  REAL NOT NULL,
    volume_ml        REAL,
    volume_sd_ml     REAL,
    gas_flow_ml_min  REAL,
    gas_minutes      REAL
);
CREATE INDEX assays_by_step ON assays(session_id, step_index);

-- Control runs: the products found in the control are subtracted before FE and yield.
-- step_index NULL: for every step of the session; control_step_index NULL: the control's step of the same index.
CREATE TABLE controls (
    id                 INTEGER PRIMARY KEY,
    session_id         INTEGER NOT NULL REFERENCES sessions(id),
    step_index         INTEGER,
    control_session_id INTEGER NOT NULL REFERENCES sessions(id),
    control_step_index INTEGER,
    created_utc        TEXT NOT NULL,
    note               TEXT NOT NULL
);
