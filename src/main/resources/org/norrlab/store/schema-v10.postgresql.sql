-- norrlab session store, schema version 10, PostgreSQL part: samples.e_v may be NULL.
ALTER TABLE samples ALTER COLUMN e_v DROP NOT NULL;
