-- norrlab session store, schema version 15: what the operator says about a session besides its cell, entered in the
-- run form of the GUI or given to `run` (--sample, --operator, --notes). Documented in docs/store.md.

-- sample_name: the catalyst or sample measured (one line); operator_name: who ran the session (one line); notes: free
-- text, line breaks kept. Empty text where nobody said: every session stored before schema 15, and imports of
-- files that do not say.
ALTER TABLE sessions ADD COLUMN sample_name TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN operator_name TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';
