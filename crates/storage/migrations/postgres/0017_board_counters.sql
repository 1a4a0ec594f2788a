-- The board's counters and head move out of primaries_online into a row of their own (issue 14,
-- measure 1): they change with every ballot, the vote's state (`doc`, several kilobytes of
-- ceremony files) only with the ceremony, the tally and the results, and rewriting the whole
-- row for every ballot cost more than the ballot's own insert.

CREATE TABLE primaries_board_state (
    campaign_id TEXT PRIMARY KEY REFERENCES primaries_campaigns(id),
    entries     BIGINT NOT NULL DEFAULT 0,
    voters      BIGINT NOT NULL DEFAULT 0,
    challenged  BIGINT NOT NULL DEFAULT 0,
    head        TEXT
);

INSERT INTO primaries_board_state (campaign_id, entries, voters, challenged, head)
SELECT campaign_id, entries, voters, challenged, head FROM primaries_online;

ALTER TABLE primaries_online DROP COLUMN entries;
ALTER TABLE primaries_online DROP COLUMN voters;
ALTER TABLE primaries_online DROP COLUMN challenged;
ALTER TABLE primaries_online DROP COLUMN head;

-- A credential's ballots by kind and place: "does an earlier cast ballot of this credential
-- exist" and "is this ballot replaced by a later one" read a few index entries instead of every
-- cast ballot before or after the place (the (campaign_id, kind, seq) key matched them first).
DROP INDEX primaries_board_credential;
CREATE INDEX primaries_board_credential ON primaries_board (campaign_id, credential, kind, seq);
