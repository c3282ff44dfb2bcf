-- norrlab session store, schema version 12: where an assay's product was found, and corrections with
-- their audit trail. Documented in docs/store.md.

-- Where the assayed product was found: the catholyte (every assay stored before schema 12 but a GC reading),
-- the anolyte, an acid trap behind the cell, or the outlet gas (every GC reading). The analysis averages
-- replicates of one place and sums the places of one product and step.
ALTER TABLE assays ADD COLUMN place TEXT NOT NULL DEFAULT 'catholyte'
    CHECK (place IN ('catholyte', 'anolyte', 'acid_trap', 'gas'));
UPDATE assays SET place = 'gas' WHERE kind = 'gc';

-- Corrections made after the run, never in place: a row says what was changed, from what to what, why, by whom
-- and when. An assay is corrected by storing a new assay (replacement_uid) that supersedes the old one
-- (assay_uid), one row per field changed; an assay removed has no replacement. A session field (ph,
-- reference_electrode, electrode_area, electrolyte_volume, catalyst_loading) has neither: sessions.cell_json keeps
-- what the run used, and the latest row for a field gives the value the analysis uses. Assays are named by uid so
-- the trail means the same in every store it is synced or exported to.
CREATE TABLE corrections (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL REFERENCES sessions(id),
    assay_uid       TEXT,
    replacement_uid TEXT,
    field           TEXT NOT NULL,
    old_value       TEXT NOT NULL,
    new_value       TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason <> ''),
    operator        TEXT NOT NULL,
    created_utc     TEXT NOT NULL,
    uid             TEXT NOT NULL
);
CREATE UNIQUE INDEX corrections_uid ON corrections (uid);
CREATE INDEX corrections_by_session ON corrections (session_id, id);
CREATE INDEX corrections_by_assay ON corrections (assay_uid);
