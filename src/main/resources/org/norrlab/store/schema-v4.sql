-- norrlab session store, schema version 4: signs of life and resumed runs. Documented in docs/store.md.

-- Updated by the writer every few seconds while a session runs: a 'running' session whose heartbeat
-- is old was cut off (crash, kill -9, power cut) and is marked 'interrupted' when the store is next used.
ALTER TABLE sessions ADD COLUMN heartbeat_utc TEXT;
