-- norrlab session store, schema version 17: what became of each alert of a session on each channel (issue 24), so
-- that `sessions` and `show` say when a night's alerts reached nobody. Documented in docs/store.md.

-- One row per alert and channel, written when the alert is settled there (an alert retried after the run ended is
-- recorded then, if norrlab is still running). channel: the channel's name as logs print it, never its secret;
-- kind: the alert's kind as a person reads it ('run finished', 'store failure', ...); event_utc: when the event
-- happened; outcome: sent, failed (given up after every try) or dropped (its queue was full or closed); attempts:
-- tries made (0 for a dropped alert); reason: why it was not sent, URLs cut to scheme, host and port ('' when sent);
-- settled_utc: when it was sent or given up. No index: a session has a few rows (alerts × channels), a whole store a
-- few thousand, and an index would be one more page in every file (the free-space check counts 68 bytes a sample).
CREATE TABLE alert_deliveries (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    channel     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    event_utc   TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'dropped')),
    attempts    INTEGER NOT NULL CHECK (attempts >= 0),
    reason      TEXT NOT NULL,
    settled_utc TEXT NOT NULL
);
