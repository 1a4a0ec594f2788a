-- Sign-in throttling without lock-outs (issue 7): one row per throttled key — an account from one
-- client, an account from anywhere, a client address — and the devices that signed in before.
-- Operational state: never in the ledger. `login_attempts` (0001) is no longer used; it stays
-- so that servers of the previous version keep running during a rolling upgrade.

CREATE TABLE login_throttle (
    throttle_key    TEXT PRIMARY KEY NOT NULL,
    -- Attempts counted in the current window (an attempt is counted when it is admitted and
    -- refunded when its password was right).
    failures        INTEGER NOT NULL,
    window_start_ms INTEGER NOT NULL,
    -- No attempt is admitted before this time (0: no wait).
    next_allowed_ms INTEGER NOT NULL,
    -- The wait imposed after the last counted attempt; doubles with every further one.
    delay_ms        INTEGER NOT NULL
);

-- Device cookies (OWASP): a browser that signed in to an account before carries a token that lets
-- it past the per-account and per-address limits that strangers' failures may have reached.
CREATE TABLE login_devices (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    username      TEXT NOT NULL REFERENCES accounts(username),
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL
);
CREATE INDEX login_devices_expiry ON login_devices(expires_at_ms);
