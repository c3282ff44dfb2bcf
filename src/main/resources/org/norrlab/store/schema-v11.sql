-- norrlab session store, schema version 11: the operator in the loop and the electrolyte that stays.
-- Documented in docs/store.md.

-- Which cycle of a protocol's repeat block a step ran in (1..cycles), and the block's label and size;
-- NULL / '' outside a repeat block and for sessions stored before schema 11.
ALTER TABLE steps ADD COLUMN cycle INTEGER;
ALTER TABLE steps ADD COLUMN cycles INTEGER;
ALTER TABLE steps ADD COLUMN block TEXT NOT NULL DEFAULT '';

-- The catholyte batch a step ran in, counted from 1: with electrolyte 'refresh' every CA step has its own,
-- with 'accumulate' one batch lasts until a hold puts in new electrolyte. NULL where no batch is known
-- (sessions stored before schema 11, imports): the analysis then treats each CA step as its own batch,
-- as it always did.
ALTER TABLE steps ADD COLUMN batch INTEGER;

-- What the session's protocol said about the catholyte: 'refresh' (new for every CA step, the assumption of
-- every session stored before schema 11) or 'accumulate'.
ALTER TABLE sessions ADD COLUMN electrolyte TEXT NOT NULL DEFAULT 'refresh';

-- Aliquots taken out of the catholyte: after which step, how much, whether the same volume of fresh
-- electrolyte was put back, and who took it. A row is written when the aliquot is taken (the run passed
-- that point), not when the protocol plans it, so a run that stopped early lists only what was taken.
CREATE TABLE aliquots (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    after_step  INTEGER NOT NULL,
    volume_ml   REAL NOT NULL,
    replaced    INTEGER NOT NULL,
    taken_by    TEXT NOT NULL CHECK (taken_by IN ('operator','autosampler')),
    created_utc TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX aliquots_by_session ON aliquots(session_id, after_step);
