-- The party's primaries (issue 14; branch i14-primaries).
--
-- Each row keeps the columns queries need and the domain value as JSON (`doc`), like the
-- elections' tables. No personal data: a contender is named by the member's identifier; names and
-- birth dates stay in the member's erasable record (party_member_records).

CREATE TABLE primaries_campaigns (
    id             TEXT PRIMARY KEY,
    party_code     TEXT NOT NULL,
    territory_code TEXT NOT NULL,
    opened_at_ms   INTEGER NOT NULL,
    doc            TEXT NOT NULL
);

CREATE TABLE primaries_contenders (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES primaries_campaigns(id),
    position    TEXT NOT NULL,
    member_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    status      TEXT NOT NULL,
    doc         TEXT NOT NULL,
    UNIQUE (campaign_id, seq)
);
CREATE INDEX primaries_contenders_member ON primaries_contenders (campaign_id, position, member_id);

CREATE TABLE primaries_debates (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES primaries_campaigns(id),
    starts_at   TEXT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX primaries_debates_campaign ON primaries_debates (campaign_id, starts_at);

CREATE TABLE primaries_paper_counts (
    campaign_id       TEXT NOT NULL REFERENCES primaries_campaigns(id),
    organization_code TEXT NOT NULL,
    position          TEXT NOT NULL,
    recorded_at_ms    INTEGER NOT NULL,
    doc               TEXT NOT NULL,
    PRIMARY KEY (campaign_id, organization_code, position)
);

-- The fixed online ballot (`fix_ballot`): the manifest and parameters of docs/verifiable-voting.md
-- §3.2, derived from the admitted contenders, as JSON.
CREATE TABLE primaries_ballots (
    campaign_id TEXT PRIMARY KEY REFERENCES primaries_campaigns(id),
    manifest    TEXT NOT NULL,
    parameters  TEXT NOT NULL,
    fixed_at_ms INTEGER NOT NULL
);
