-- norrlab session store, schema version 8: lab-wide names for analysis inputs. Documented in docs/store.md.

-- Like sessions (schema 6), calibrations, assays and control links get a uid, so that `norrlab sync`
-- copies each into the lab database once however often it runs. They are only ever added, never changed.
ALTER TABLE calibrations ADD COLUMN uid TEXT;
UPDATE calibrations SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX calibrations_uid ON calibrations (uid);
ALTER TABLE assays ADD COLUMN uid TEXT;
UPDATE assays SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX assays_uid ON assays (uid);
ALTER TABLE controls ADD COLUMN uid TEXT;
UPDATE controls SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX controls_uid ON controls (uid);
