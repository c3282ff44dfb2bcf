-- norrlab session store, schema version 16: the sums an iR correction takes, kept with each step's tally so that
-- `analyze` with an R_u does not read every sample of the session. Documented in docs/store.md.

-- usable_samples: the step's samples with a current and a finite potential; usable_sum_volts and usable_sum_amperes:
-- their potentials (vs the physical reference electrode) and currents summed in sample order. NULL in rows stored
-- before schema 16: the correction then reads the step's samples, as before.
ALTER TABLE step_tallies ADD COLUMN usable_samples INTEGER;
ALTER TABLE step_tallies ADD COLUMN usable_sum_volts REAL;
ALTER TABLE step_tallies ADD COLUMN usable_sum_amperes REAL;
