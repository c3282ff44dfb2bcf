-- norrlab session store, schema version 13: potential sweeps (LSV, CV) and constant-current steps.
-- Documented in docs/store.md.

-- Where a sweep sample sits in its sweep: the scan (cycle, from 1; an LSV has one) and the linear part of that scan
-- (segment, from 1: a CV goes begin -> vertex 1 (1) -> vertex 2 (2) -> begin (3)). NULL for every other technique
-- and for every sample stored before schema 13.
ALTER TABLE samples ADD COLUMN cycle INTEGER;
ALTER TABLE samples ADD COLUMN segment INTEGER;

-- The gas the electrolyte was saturated with during the step ('Ar' or 'NO'), where the protocol or the imported
-- file said; NULL where nobody did (every step stored before schema 13).
ALTER TABLE steps ADD COLUMN gas TEXT CHECK (gas IS NULL OR gas IN ('Ar', 'NO'));

-- What a sweep or constant-current step asked for, as a JSON object with the keys that apply:
-- scan_rate_v_s, step_v, start_vs_rhe_v, vertex1_vs_rhe_v, vertex2_vs_rhe_v, end_vs_rhe_v, cycles,
-- set_current_a, lower_limit_vs_rhe_v, upper_limit_vs_rhe_v. NULL for CA, OCP and holds. For a sweep,
-- e_vs_rhe_v / e_vs_re_v hold its start (CV: begin) potential, so their difference converts the samples'
-- potentials (vs the reference electrode) to the RHE scale as for CA.
ALTER TABLE steps ADD COLUMN settings_json TEXT;
