-- The primaries' verifiable online vote (issue 14 §4–§5; branch i14-online).
--
-- primaries_online: the vote of a campaign as far as it has got (ceremony files, credentials'
-- summary, tally, decryption shares, results) as JSON, and the board's counters.
-- primaries_credentials: the published public credentials (public data; the ledger holds their
-- digest).
-- primaries_board: the cast ballots in board order with their tracking codes, and the
-- challenged ballots with their openings (public data; the ledger holds each ballot's hash).
-- `body` and `opening` are empty only in a database rebuilt from the ledger alone.
-- primaries_participation: who has taken part, online or on paper. Personal data, never in the
-- ledger, never joined to the board: no time, no order, keyed by member.

CREATE TABLE primaries_online (
    campaign_id TEXT PRIMARY KEY REFERENCES primaries_campaigns(id),
    doc         TEXT NOT NULL,
    entries     BIGINT NOT NULL DEFAULT 0,
    voters      BIGINT NOT NULL DEFAULT 0,
    challenged  BIGINT NOT NULL DEFAULT 0,
    head        TEXT
);

CREATE TABLE primaries_credentials (
    campaign_id TEXT NOT NULL,
    credential  TEXT NOT NULL,
    PRIMARY KEY (campaign_id, credential)
);

CREATE TABLE primaries_board (
    campaign_id   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    ballot_hash   TEXT NOT NULL,
    tracking_code TEXT,
    credential    TEXT NOT NULL,
    body          TEXT,
    opening       TEXT,
    PRIMARY KEY (campaign_id, kind, seq),
    UNIQUE (campaign_id, ballot_hash)
);
CREATE INDEX primaries_board_credential ON primaries_board (campaign_id, credential);
CREATE INDEX primaries_board_tracking ON primaries_board (campaign_id, tracking_code);

CREATE TABLE primaries_participation (
    campaign_id TEXT NOT NULL,
    member_id   TEXT NOT NULL,
    how         TEXT NOT NULL,
    PRIMARY KEY (campaign_id, member_id)
);
