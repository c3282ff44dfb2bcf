-- norrlab session store, schema version 10: a sample may have no potential. Documented in docs/store.md.

-- Files from other software (a PSTrace chronoamperogram, a CSV of time and current) hold samples whose
-- potential was not measured: samples.e_v is NULL for them (read as NaN), never 0 V. Each database drops
-- the NOT NULL its own way: schema-v10.sqlite.sql and schema-v10.postgresql.sql, run after this file.
