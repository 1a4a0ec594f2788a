-- Election day (issue 12, branch i12-day): turnout reports, precinct protocols (entries for double
-- entry, versions kept through amendments), scans of the signed protocols and observers' copies.
-- A precinct is (region_code, precinct_number); numbers are the domain's ProtocolNumbers as JSON
-- ({"fields":{"voters_on_list":1500,...},"candidates":{"1":420,...}}). Every row is written by a
-- command, so replaying the ledger rebuilds these tables exactly.

CREATE TABLE turnout_reports (
    election_id     TEXT NOT NULL REFERENCES elections(id),
    contest_id      TEXT NOT NULL REFERENCES contests(id),
    region_code     TEXT NOT NULL,
    precinct_number INTEGER NOT NULL,
    at              TEXT NOT NULL,
    voted           INTEGER NOT NULL,
    voters          INTEGER NOT NULL,
    reported_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (election_id, region_code, precinct_number, at)
);
CREATE INDEX turnout_reports_contest ON turnout_reports(contest_id, at);

CREATE TABLE protocols (
    election_id     TEXT NOT NULL REFERENCES elections(id),
    contest_id      TEXT NOT NULL REFERENCES contests(id),
    region_code     TEXT NOT NULL,
    precinct_number INTEGER NOT NULL,
    status          TEXT NOT NULL,
    version         INTEGER NOT NULL,
    numbers         TEXT,
    accepted_at_ms  INTEGER,
    updated_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (election_id, region_code, precinct_number)
);
CREATE INDEX protocols_contest ON protocols(contest_id);

CREATE TABLE protocol_entries (
    election_id     TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    precinct_number INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    entered_by      TEXT NOT NULL,
    numbers         TEXT NOT NULL,
    entered_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (election_id, region_code, precinct_number, seq)
);

CREATE TABLE protocol_versions (
    election_id     TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    precinct_number INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    numbers         TEXT NOT NULL,
    reason          TEXT,
    recorded_by     TEXT NOT NULL,
    recorded_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (election_id, region_code, precinct_number, version)
);

CREATE TABLE protocol_scans (
    election_id     TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    precinct_number INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    attached_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (election_id, region_code, precinct_number, sha256)
);

CREATE TABLE observer_copies (
    election_id     TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    precinct_number INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    observer        TEXT NOT NULL,
    numbers         TEXT NOT NULL,
    recorded_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (election_id, region_code, precinct_number, seq)
);
